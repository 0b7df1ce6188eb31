import { z } from 'zod';
import { amountParam, dateParam, type Message, msg } from '../messages/index.ts';
import { money } from '../money.ts';

/**
 * The priority of a debtor in a work queue (issue 14 item 1): who to call first when several may be
 * called. Agency practice (agency-notes.md §3: Stuart-Allan's order — broken promises, new accounts,
 * updated phone first; Latitude's queue levels moved by business events): a callback that is due
 * comes before everything and is not scored here (the queue takes callbacks first); then
 *
 * - a promise broken recently (the debtor said they would pay and did not);
 * - a term running out (prescription or decadenza within `timeBarDays`): after it, the position is lost;
 * - the amount owed, on a logarithmic scale (€100 and €10,000 differ, €10,000 and €10,100 do not);
 * - the age of the oldest overdue position;
 * - never worked yet (a new load is called within days, seed 004).
 *
 * The score is an integer so a queue can keep it in an index; the reasons say why, for the operator.
 * The weights are data (a supervisor's queue settings).
 */
export interface PriorityWeights {
  brokenPromise: number;
  /** Days within which a broken promise still counts. */
  brokenPromiseDays: number;
  timeBar: number;
  /** Days before the term within which the score rises. */
  timeBarDays: number;
  /** Per power of ten of the amount owed in euro (€10 → 1, €1,000 → 3). */
  amount: number;
  /** Per 30 days of age of the oldest overdue position, up to two years. */
  age: number;
  neverWorked: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  brokenPromise: 5000,
  brokenPromiseDays: 60,
  timeBar: 4000,
  timeBarDays: 120,
  amount: 400,
  age: 20,
  neverWorked: 1500,
};

export const priorityWeightsSchema = z.strictObject({
  brokenPromise: z.number().int().min(0).max(100_000),
  brokenPromiseDays: z.number().int().min(1).max(365),
  timeBar: z.number().int().min(0).max(100_000),
  timeBarDays: z.number().int().min(1).max(1000),
  amount: z.number().int().min(0).max(100_000),
  age: z.number().int().min(0).max(100_000),
  neverWorked: z.number().int().min(0).max(100_000),
});

export interface PriorityInput {
  today: string;
  /** What the debtor owes today in the queue's positions. */
  owed: string;
  /** The due date of the oldest overdue position. */
  oldestDueOn: string | null;
  /** The nearest prescription / decadenza term of its positions, if known. */
  timeBarOn: string | null;
  /** When its last promise broke, if it did. */
  brokenPromiseOn: string | null;
  /** Whether anyone has worked it (any outcome). */
  worked: boolean;
}

export interface Priority {
  score: number;
  reasons: Message[];
}

export function deskPriority(input: PriorityInput, w: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS): Priority {
  let score = 0;
  const reasons: Message[] = [];
  if (input.brokenPromiseOn !== null) {
    const ago = daysFrom(input.brokenPromiseOn, input.today);
    if (ago >= 0 && ago <= w.brokenPromiseDays) {
      score += w.brokenPromise;
      reasons.push(msg('desk.priority_broken_promise', { date: dateParam(input.brokenPromiseOn) }));
    }
  }
  if (input.timeBarOn !== null) {
    const left = daysFrom(input.today, input.timeBarOn);
    if (left >= 0 && left <= w.timeBarDays) {
      // The nearer the term, the higher: full weight on its last day.
      score += Math.round((w.timeBar * (w.timeBarDays - left + 1)) / (w.timeBarDays + 1));
      reasons.push(msg('desk.priority_time_bar', { date: dateParam(input.timeBarOn), days: left }));
    }
  }
  const owed = money(input.owed);
  if (owed.gt(0)) {
    // A score, not money: the decimal logarithm of the amount to three decimals. A binary float is
    // exact enough for a rank (decimal.js's exact logarithm cost 0.2 ms a debtor: a minute to fill a
    // queue of 250,000, bench/desk).
    const magnitude = Math.min(9, Math.max(0, Math.round(Math.log10(owed.toNumber()) * 1000) / 1000));
    score += Math.round(w.amount * magnitude);
    reasons.push(msg('desk.priority_amount', { amount: amountParam(owed.toFixed(2)) }));
  }
  if (input.oldestDueOn !== null) {
    const age = Math.min(730, Math.max(0, daysFrom(input.oldestDueOn, input.today)));
    score += Math.round((w.age * age) / 30);
    if (age > 0) reasons.push(msg('desk.priority_age', { days: age }));
  }
  if (!input.worked) {
    score += w.neverWorked;
    reasons.push(msg('desk.priority_new'));
  }
  return { score, reasons };
}

/**
 * Days from one ISO date to another, by day numbers: the same as dates.ts `daysBetween`, without a
 * Temporal object per call (a queue's fill scores 250,000 debtors at a time).
 */
function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}
