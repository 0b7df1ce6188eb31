import { z } from 'zod';
import { daysBetween, parseDate } from '../dates.ts';
import { amountParam, dateParam, type Message, msg } from '../messages/index.ts';
import { money, toMoneyString } from '../money.ts';

/**
 * Promises to pay (issue 14 item 5): an object with an amount and a due date, not a status that pauses
 * reminders forever. Creation rules per creditor as data (agency-notes.md §6: Latitude's minimum
 * promise amount and minimum balance share — the higher wins —, maximum days to the promise date);
 * judged from the payments booked after the promise was made (agency-notes §6, DERIVED model
 * `pending → kept | short | broken`; over = kept with a surplus):
 * - kept: what was paid since the promise reaches the amount (on the due date or later within the
 *   grace days — a payment that catches up late still keeps it);
 * - short: the grace days ran out with something paid, less than promised;
 * - broken: the grace days ran out with nothing paid.
 * A short or broken promise brings the debtor back to the desk with a higher priority and resumes
 * the dunning of the positions.
 */
export interface PromiseRules {
  /** The latest due date, in days from the day the promise is made. */
  maxDaysAhead: number;
  /** The smallest amount (EUR) a promise may be for… */
  minAmount: string;
  /** …or this percentage of what is owed, whichever is higher (capped at what is owed). */
  minSharePercent: string;
  /** Days after the due date before a promise not kept counts as broken (bank transfers take a day or two). */
  graceDays: number;
}

/** UNVERIFIED defaults (no law sets them; agency practice): 30 days ahead, €10 or 10 %, 3 days of grace. */
export const DEFAULT_PROMISE_RULES: PromiseRules = { maxDaysAhead: 30, minAmount: '10.00', minSharePercent: '10', graceDays: 3 };

export const promiseRulesSchema = z.strictObject({
  maxDaysAhead: z.number().int().min(1).max(366),
  minAmount: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/),
  minSharePercent: z.string().regex(/^(100|\d{1,2})(\.\d{1,2})?$/),
  graceDays: z.number().int().min(0).max(30),
});

/**
 * A creditor's promise rules (creditors.promise_rules): what it stored over the defaults (a creditor
 * may set only its maximum days or its minimum). Stored rules that no longer pass the schema give
 * the defaults rather than no rules at all.
 */
export function promiseRulesOf(stored: unknown): PromiseRules {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_PROMISE_RULES;
  const r = promiseRulesSchema.safeParse({ ...DEFAULT_PROMISE_RULES, ...stored });
  return r.success ? r.data : DEFAULT_PROMISE_RULES;
}

export interface PromiseProposal {
  amount: string;
  dueOn: string;
  /** The day the promise is made. */
  today: string;
  /** What the debtor owes today on the promised positions. */
  owed: string;
}

/** The least a promise may be for: the higher of the minimum and the share, never more than what is owed. */
export function minimumPromise(rules: PromiseRules, owed: string): string {
  const share = money(owed).times(rules.minSharePercent).dividedBy(100).toDecimalPlaces(2);
  const floor = share.gt(rules.minAmount) ? share : money(rules.minAmount);
  return toMoneyString(floor.gt(owed) ? money(owed) : floor);
}

/** Why a promise cannot be recorded under the rules (empty: it can). Beyond them a supervisor decides. */
export function promiseProblems(rules: PromiseRules, p: PromiseProposal): Message[] {
  const out: Message[] = [];
  const amount = money(p.amount);
  if (amount.lte(0)) out.push(msg('desk.promise_amount_positive'));
  else {
    const least = minimumPromise(rules, p.owed);
    if (amount.lt(least)) out.push(msg('desk.promise_too_small', { amount: amountParam(toMoneyString(amount)), least: amountParam(least) }));
    if (amount.gt(p.owed)) out.push(msg('desk.promise_more_than_owed', { amount: amountParam(toMoneyString(amount)), owed: amountParam(toMoneyString(p.owed)) }));
  }
  const days = daysBetween(p.today, p.dueOn);
  if (days < 0) out.push(msg('desk.promise_in_past', { dueOn: dateParam(p.dueOn) }));
  else if (days > rules.maxDaysAhead) {
    out.push(msg('desk.promise_too_far', { dueOn: dateParam(p.dueOn), maxDays: rules.maxDaysAhead, latest: dateParam(parseDate(p.today).add({ days: rules.maxDaysAhead }).toString()) }));
  }
  return out;
}

export type PromiseState = 'pending' | 'kept' | 'short' | 'broken';

export interface PromiseJudgement {
  state: PromiseState;
  /** What was paid toward it since it was made. */
  paid: string;
  /** What is still missing (0 when kept). */
  shortfall: string;
  /** The last day a payment still keeps it. */
  lastDay: string;
}

/**
 * The promise as of `today`, from what was paid since it was made (the payments on its positions
 * booked on or after the day it was made). Judging again with more payments can only move it toward
 * kept; a short or broken promise stays so (a later payment is a payment, not a kept promise).
 */
export function judgePromise(promise: { amount: string; dueOn: string; graceDays: number }, paidSince: string, today: string): PromiseJudgement {
  const lastDay = parseDate(promise.dueOn).add({ days: promise.graceDays }).toString();
  const paid = money(paidSince);
  const shortfall = money(promise.amount).minus(paid);
  const base = { paid: toMoneyString(paid), shortfall: toMoneyString(shortfall.gt(0) ? shortfall : '0'), lastDay };
  if (shortfall.lte(0)) return { state: 'kept', ...base };
  if (today <= lastDay) return { state: 'pending', ...base };
  return { state: paid.gt(0) ? 'short' : 'broken', ...base };
}
