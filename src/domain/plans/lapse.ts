import { parseDate } from '../dates.ts';
import { money } from '../money.ts';
import type { Instalment } from './schedule.ts';
import type { PlanRules } from './rules.ts';

export type InstalmentState = 'paid' | 'partly_paid' | 'late' | 'due';

export interface InstalmentStatus extends Instalment {
  paid: string;
  state: InstalmentState;
}

/**
 * Payments fill the instalments in order (the oldest first), and each instalment is paid, partly
 * paid, late (its day passed, not covered) or still due.
 */
export function fillInstalments(instalments: readonly Instalment[], paidTotal: string, today: string): InstalmentStatus[] {
  let left = money(paidTotal);
  return instalments.map((i) => {
    const amount = money(i.amount);
    const paid = left.gte(amount) ? amount : left.gt(0) ? left : money(0);
    left = left.minus(paid);
    const state: InstalmentState = paid.gte(amount) ? 'paid' : i.dueOn < today ? 'late' : paid.gt(0) ? 'partly_paid' : 'due';
    return { ...i, paid: paid.toFixed(2), state };
  });
}

/**
 * Lapse of the plan (decadenza, art. 1 c.800 L. 160/2019): "in caso di mancato pagamento, dopo
 * espresso sollecito, di due rate anche non consecutive nell'arco di sei mesi nel corso del periodo di
 * rateazione" the debtor loses the plan; the whole residual is due at once and cannot be planned
 * again. An instalment counts as missed when it is late and an express reminder about it was sent
 * (when the rules require one) and its grace ended; two such within any window of six months (by
 * their due dates) lapse the plan, consecutive or not. The creditor's rules may set other numbers.
 * Returns the day of the lapse (the due date of the instalment that completed the count) or null.
 */
export function lapseOf(rules: PlanRules, statuses: readonly InstalmentStatus[], remindedOn: ReadonlyMap<number, string>, today: string): { lapsedOn: string; missed: number[] } | null {
  const missed = statuses.filter((s) => s.state === 'late' && (!rules.lapse.afterReminder || (remindedOn.has(s.number) && remindedOn.get(s.number)! < today)));
  for (let i = 0; i + rules.lapse.missed - 1 < missed.length; i++) {
    const window = missed.slice(i, i + rules.lapse.missed);
    // "Nell'arco di sei mesi": the last due date before the first one plus six months.
    const last = window[window.length - 1]!;
    if (last.dueOn < parseDate(window[0]!.dueOn).add({ months: rules.lapse.withinMonths }).toString()) {
      return { lapsedOn: [last.dueOn, remindedOn.get(last.number) ?? last.dueOn].sort().at(-1)!, missed: window.map((w) => w.number) };
    }
  }
  return null;
}
