import type { riskIt } from './it.ts';

export const riskEn: Record<keyof typeof riskIt, string> = {
  'risk.refreshed': 'incasso: {tenant}, risk profiles as of {day}: {profiles} profiles computed in {seconds} s',
  'risk.explanation': '{class}: {reasons}',
  'risk.reason_late_recent': '{late} of the last {recent} invoices paid more than {days} days late',
  'risk.reason_plan_lapsed': 'a plan lapsed in {year}',
  'risk.reason_plans_lapsed': '{count} plans lapsed, the last in {year}',
  'risk.reason_promise_broken': 'a promise to pay broken',
  'risk.reason_promises_broken': '{count} promises to pay broken',
  'risk.reason_overdue': 'the oldest open invoice is {days} days overdue',
  'risk.reason_on_time_low': 'only {percent}% of the {paid} paid invoices settled by their due date',
  'risk.reason_worsening': 'delays growing: {now} days on average in the last 12 months against {before} in the 12 before',
  'risk.reason_good': 'pays on time: {percent}% of the {paid} paid invoices settled by their due date',
  'risk.reason_no_history': 'no invoice paid yet: not enough history',
  'risk.advice_class': 'risk class {class}',
  'risk.advice_close': 'repeated non-payment: advise the creditor to stop supplying and close the relationship, offering a way to settle the remaining debt',
  'risk.advice_guarantee': 'ask for a guarantee (bank or insurance surety) before supplying again',
  'risk.advice_negotiate': 'the customer has always paid and is going through a temporary difficulty: negotiate and offer a payment plan',
  'risk.advice_high_exposure': 'exposure of {amount}, above the threshold of {threshold}',
  'risk.no_advice': 'No advice for this debtor: none of its claims is in the negotiation tier',
};
