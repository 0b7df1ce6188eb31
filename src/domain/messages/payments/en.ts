import type { PaymentsCatalogue } from './it.ts';

export const paymentsEn: PaymentsCatalogue = {
  'payment.already_reversed': 'Payment already reversed on {date}',
  'payment.reversal_before_value_date': 'A reversal cannot precede the payment’s value date, {date}',
  'payment.reversal_in_future': 'The reversal date is in the future',
  'settlement.public_revenue': 'Settlement not allowed for public revenues or taxes, unless the entity’s regulation allows it',
  'settlement.amount_range': 'The settlement amount must be above zero and below what is owed, {owed}',
  'settlement.deadline_past': 'The offer’s deadline has passed',
  'settlement.deadline_too_far': 'The offer’s deadline may be {date} at the latest',
  'settlement.beyond_operator': 'The discount exceeds the operator’s authority: a supervisor must approve it',
  'settlement.below_creditor_minimum': 'The amount is below the creditor’s minimum: a supervisor must approve it',
  'settlement.not_awaiting_approval': 'The settlement is not awaiting approval (state {state})',
  'settlement.positions': 'Invalid positions: they must be open and of the same debtor, creditor and currency',
  'not_found.settlement': 'Settlement not found',
  'settlement.not_open': 'The settlement is not open (state {state})',
  'settlement.not_yet_paid': '{paid} of the agreed {amount} paid: the settlement stays open until {deadline}',
};
