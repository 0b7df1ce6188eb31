import { Temporal } from 'temporal-polyfill';
import { money, Money, toMoneyString } from '../money.ts';

/**
 * The creditor portal's KPIs (issue 16 item 5), exact: sums are decimal strings, rates are percentages
 * with two decimals rounded half up from the exact quotient, null when there is nothing to divide by.
 * Definitions (docs/decisions/0005-portal-figures.md, from municipal-notes.md §8.5 and agency-notes.md §9):
 * - collection (liquidation) rate = € collected on the carico ÷ (€ loaded − € annulled or reduced);
 * - right-party contact (RPC) rate = positions with ≥1 right-party conversation ÷ positions attempted;
 * - promise-kept rate = promises kept ÷ promises judged (kept, short or broken);
 * - liquidation by placement month (stair-step) = cumulative € collected on the carico by the end of
 *   month M+k ÷ € placed in M, k = 0, 1, 2 … up to the current month;
 * - average days to collect = Σ (closing day − placement day) ÷ positions paid in full;
 * - DSO (company creditors) = the open residual's average days past due, weighted by amount (a position
 *   not yet due counts 0 days);
 * - ageing = open residual by days past due in the buckets of AGEING_BUCKETS.
 */

/** `part ÷ whole` as a percentage with two decimals, or null when `whole` is zero. */
export function percent(part: string | Money, whole: string | Money): string | null {
  const w = money(whole);
  if (w.isZero()) return null;
  return money(part).times(100).dividedBy(w).toFixed(2, Money.ROUND_HALF_UP);
}

/** A count ratio as a percentage (two decimals), or null when `whole` is zero. */
export function countPercent(part: number, whole: number): string | null {
  return whole === 0 ? null : percent(String(part), String(whole));
}

/** Collected ÷ (loaded − annulled): the carico net of sgravi and annulments (municipal-notes.md §8.5). */
export function collectionRate(f: { loaded: string; annulled: string; collected: string }): string | null {
  return percent(f.collected, money(f.loaded).minus(f.annulled));
}

/** Σ days ÷ n, with one decimal, or null when n is 0. */
export function averageDays(totalDays: number, n: number): string | null {
  return n === 0 ? null : money(totalDays).dividedBy(n).toFixed(1, Money.ROUND_HALF_UP);
}

/** Months from `from` to `to` (both first days of months, ISO). */
export function monthsBetween(from: string, to: string): number {
  const a = Temporal.PlainDate.from(from);
  const b = Temporal.PlainDate.from(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

export interface StairStepRow {
  placedMonth: string;
  loaded: string;
  /** Per month since placement k = 0 … (current month − placement month): cumulative collected and its rate. */
  steps: { k: number; month: string; collected: string; rate: string | null }[];
}

/**
 * Liquidation by placement month: for each placement month M, the cumulative € collected on the carico
 * by the end of month M+k ÷ € placed in M (agency-notes.md §9), for k from 0 to the current month.
 */
export function stairStep(
  placed: readonly { placedMonth: string; loaded: string }[],
  collected: readonly { placedMonth: string; paidMonth: string; amount: string }[],
  currentMonth: string,
): StairStepRow[] {
  const loadedBy = new Map<string, Money>();
  for (const p of placed) loadedBy.set(p.placedMonth, (loadedBy.get(p.placedMonth) ?? money(0)).plus(p.loaded));
  const byMonth = new Map<string, Map<number, Money>>();
  for (const c of collected) {
    const k = Math.max(0, monthsBetween(c.placedMonth, c.paidMonth));
    let m = byMonth.get(c.placedMonth);
    if (!m) byMonth.set(c.placedMonth, (m = new Map()));
    m.set(k, (m.get(k) ?? money(0)).plus(c.amount));
  }
  return [...loadedBy.keys()].sort().map((placedMonth) => {
    const loaded = loadedBy.get(placedMonth)!;
    const last = Math.max(0, monthsBetween(placedMonth, currentMonth));
    const per = byMonth.get(placedMonth) ?? new Map<number, Money>();
    let sum = money(0);
    const steps = [];
    const start = Temporal.PlainDate.from(placedMonth);
    for (let k = 0; k <= last; k++) {
      sum = sum.plus(per.get(k) ?? 0);
      steps.push({ k, month: start.add({ months: k }).toString(), collected: toMoneyString(sum), rate: percent(sum, loaded) });
    }
    return { placedMonth, loaded: toMoneyString(loaded), steps };
  });
}

/** Days past due: lower bound inclusive; `to` null is open-ended. "not_due" holds positions not yet due. */
export const AGEING_BUCKETS = [
  { key: 'not_due', from: null, to: 0 },
  { key: '1_30', from: 1, to: 30 },
  { key: '31_60', from: 31, to: 60 },
  { key: '61_90', from: 61, to: 90 },
  { key: '91_180', from: 91, to: 180 },
  { key: '181_365', from: 181, to: 365 },
  { key: 'over_365', from: 366, to: null },
] as const;
export type AgeingBucketKey = (typeof AGEING_BUCKETS)[number]['key'];

export interface AgeingBucket {
  key: AgeingBucketKey;
  /** The due dates it covers (inclusive), for the claims list's filter; null is open. */
  dueFrom: string | null;
  dueTo: string | null;
  claims: number;
  residual: string;
}

/** The open residual by days past due on `asOf`, and the DSO (amount-weighted days past due). */
export function ageing(rows: readonly { dueDate: string; claims: number; residual: string }[], asOf: string): { buckets: AgeingBucket[]; dso: string | null } {
  const day = Temporal.PlainDate.from(asOf);
  const buckets: AgeingBucket[] = AGEING_BUCKETS.map((b) => ({
    key: b.key,
    dueFrom: b.to === null ? null : day.subtract({ days: b.to }).toString(),
    dueTo: b.from === null ? null : day.subtract({ days: b.from }).toString(),
    claims: 0,
    residual: '0.00',
  }));
  let weighted = money(0);
  let total = money(0);
  // Thousands of due dates: day numbers by plain arithmetic, not a Temporal object per row.
  const asOfDay = epochDay(asOf);
  for (const r of rows) {
    const past = Math.max(0, asOfDay - epochDay(r.dueDate));
    const i = AGEING_BUCKETS.findIndex((b) => (b.from === null ? past <= b.to : past >= b.from && (b.to === null || past <= b.to)));
    const b = buckets[i]!;
    b.claims += r.claims;
    b.residual = toMoneyString(money(b.residual).plus(r.residual));
    weighted = weighted.plus(money(r.residual).times(past));
    total = total.plus(r.residual);
  }
  return { buckets, dso: total.isZero() ? null : weighted.dividedBy(total).toFixed(1, Money.ROUND_HALF_UP) };
}

/** Days since 1970-01-01 of an ISO date (UTC arithmetic, exact for plain dates). */
function epochDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}
