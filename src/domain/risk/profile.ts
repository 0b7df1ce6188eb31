import { Temporal, daysBetween } from '../dates.ts';
import { money, sumMoney, toMoneyString, type Money } from '../money.ts';
import { OPEN_STATUSES, type ClaimStatus, type Currency } from '../model.ts';

/**
 * A debtor's payment behaviour (issue 17 item 1), from its claims, promises and plans — per debtor, or
 * per debtor × creditor when the caller passes only that creditor's records. Seed 000: "La decisione
 * tra negoziare e pretendere garanzie dipende … [dal]la storia del cliente, l’importo del credito";
 * this is that history in figures.
 *
 * Definitions (the SQL of usecases/risk/compute-profiles.ts computes the same, checked by its test):
 * - a claim is **settled** when its status is `paid` (closed_on is the day of the payment that paid it);
 *   its **days late** are closed_on − due_date, never below 0; paid on time: 0 days late;
 * - the **lateness** of a claim (trend) is its days late if settled, and asOf − due_date (not below 0)
 *   if still open; written-off and returned claims count nowhere but in `claims`;
 * - averages and the median are weighted by the claim's principal; averages rounded half-up to one
 *   decimal; the weighted median is the smallest days-late at which half the weight is reached;
 * - trend: the weighted lateness of the claims due in the 12 months up to asOf against those due in
 *   the 12 months before;
 * - exposure: open principal (principal − principal paid) of open claims, per currency (never added
 *   across currencies); oldest overdue: the earliest due date of an open claim due before asOf.
 */
export interface ClaimHistory {
  id: string;
  currency: Currency;
  principal: string;
  principalPaid: string;
  dueDate: string;
  status: ClaimStatus;
  closedOn: string | null;
  /** The claim's collection stage (negotiation: the advice of item 2 applies). */
  stage: string;
}

export interface PromiseHistory {
  state: 'pending' | 'kept' | 'short' | 'broken' | 'cancelled';
}

export interface PlanHistory {
  state: 'proposed' | 'active' | 'lapsed' | 'paid' | 'cancelled' | 'rejected';
  lapsedOn: string | null;
}

export interface DebtorHistory {
  claims: readonly ClaimHistory[];
  promises: readonly PromiseHistory[];
  plans: readonly PlanHistory[];
}

/** How many of the latest settled claims are kept with their days late (rules may look at fewer). */
export const RECENT_KEPT = 10;

export interface ProfileFigures {
  asOf: string;
  claims: number;
  paid: number;
  paidOnTime: number;
  /** Share of settled claims paid on time, in whole percent (half-up); null without settled claims. */
  onTimePercent: number | null;
  avgDaysLate: string | null;
  medianDaysLate: number | null;
  /** Days late of the latest settled claims (by closed_on, newest first), at most RECENT_KEPT. */
  recentDaysLate: number[];
  lateness12: string | null;
  latenessPrev12: string | null;
  promisesKept: number;
  /** Promises broken or kept only in part ('short'). */
  promisesBroken: number;
  plansLapsed: number;
  lastLapsedOn: string | null;
  disputes: number;
  /** Open principal per currency, as decimal strings (only currencies with open claims). */
  exposure: Partial<Record<Currency, string>>;
  overdue: number;
  oldestOverdueOn: string | null;
  /** Open claims in the negotiation stage. */
  negotiation: number;
}

const OPEN = new Set<string>(OPEN_STATUSES);
const EXCLUDED = new Set<string>(['written_off', 'returned']);

function weightedAverage(rows: readonly { w: Money; d: number }[]): string | null {
  const total = sumMoney(rows.map((r) => r.w));
  if (total.isZero()) return null;
  return sumMoney(rows.map((r) => r.w.times(r.d))).div(total).toDecimalPlaces(1).toFixed(1);
}

function weightedMedian(rows: readonly { w: Money; d: number }[]): number | null {
  const total = sumMoney(rows.map((r) => r.w));
  if (rows.length === 0 || total.isZero()) return null;
  const sorted = [...rows].sort((a, b) => a.d - b.d);
  let cum = money(0);
  for (const r of sorted) {
    cum = cum.plus(r.w);
    if (cum.times(2).gte(total)) return r.d;
  }
  return sorted[sorted.length - 1]!.d;
}

export function profileOf(history: DebtorHistory, asOf: string): ProfileFigures {
  const start12 = Temporal.PlainDate.from(asOf).subtract({ months: 12 }).toString();
  const start24 = Temporal.PlainDate.from(asOf).subtract({ months: 24 }).toString();
  const counted = history.claims.filter((c) => !EXCLUDED.has(c.status));
  const settled = counted
    .filter((c) => c.status === 'paid' && c.closedOn !== null)
    .map((c) => ({ c, w: money(c.principal), d: Math.max(0, daysBetween(c.dueDate, c.closedOn!)) }));
  const open = counted.filter((c) => OPEN.has(c.status));
  const lateness = counted
    .map((c) => {
      if (c.status === 'paid' && c.closedOn !== null) return { c, w: money(c.principal), d: Math.max(0, daysBetween(c.dueDate, c.closedOn)) };
      if (OPEN.has(c.status)) return { c, w: money(c.principal), d: Math.max(0, daysBetween(c.dueDate, asOf)) };
      return null;
    })
    .filter((x) => x !== null);
  const recent = [...settled]
    .sort((a, b) => (a.c.closedOn! > b.c.closedOn! ? -1 : a.c.closedOn! < b.c.closedOn! ? 1 : a.c.id > b.c.id ? -1 : a.c.id < b.c.id ? 1 : 0))
    .slice(0, RECENT_KEPT)
    .map((r) => r.d);
  const exposure: Partial<Record<Currency, string>> = {};
  for (const cur of [...new Set(open.map((c) => c.currency))].sort()) {
    exposure[cur] = toMoneyString(sumMoney(open.filter((c) => c.currency === cur).map((c) => money(c.principal).minus(c.principalPaid))));
  }
  const overdue = open.filter((c) => c.dueDate < asOf);
  const lapsed = history.plans.filter((p) => p.state === 'lapsed');
  const lapsedDates = lapsed.map((p) => p.lapsedOn).filter((d): d is string => d !== null).sort();
  const onTime = settled.filter((s) => s.d === 0).length;
  return {
    asOf,
    claims: history.claims.length,
    paid: settled.length,
    paidOnTime: onTime,
    onTimePercent: settled.length ? money(onTime).times(100).div(settled.length).toDecimalPlaces(0).toNumber() : null,
    avgDaysLate: weightedAverage(settled),
    medianDaysLate: weightedMedian(settled),
    recentDaysLate: recent,
    lateness12: weightedAverage(lateness.filter((l) => l.c.dueDate > start12 && l.c.dueDate <= asOf)),
    latenessPrev12: weightedAverage(lateness.filter((l) => l.c.dueDate > start24 && l.c.dueDate <= start12)),
    promisesKept: history.promises.filter((p) => p.state === 'kept').length,
    promisesBroken: history.promises.filter((p) => p.state === 'broken' || p.state === 'short').length,
    plansLapsed: lapsed.length,
    lastLapsedOn: lapsedDates.length ? lapsedDates[lapsedDates.length - 1]! : null,
    disputes: counted.filter((c) => c.status === 'disputed').length,
    exposure,
    overdue: overdue.length,
    oldestOverdueOn: overdue.length ? overdue.map((c) => c.dueDate).sort()[0]! : null,
    negotiation: open.filter((c) => c.stage === 'negotiation').length,
  };
}
