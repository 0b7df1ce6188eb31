import { parseDate } from '../dates.ts';
import { money } from '../money.ts';

/**
 * An instalment plan's schedule (issue 15 item 1): the amount split into monthly instalments, each
 * rounded down to the cent, the last one absorbing the remainder — so the instalments always add up
 * to the amount planned, to the cent. Due dates fall monthly from the first: on the last day of each
 * month (as many comuni's regulations set it) or on a day of the month (clamped to a short month's
 * end: the 31st is the 30th in April, the 28th or 29th in February).
 */
export interface Instalment {
  /** 1, 2, … */
  number: number;
  dueOn: string;
  amount: string;
}

export type DueDay = 'last' | number;

export function planSchedule(input: { total: string; count: number; firstDueOn: string; dueDay?: DueDay; firstAmount?: string }): Instalment[] {
  const total = money(input.total);
  const count = input.count;
  if (!Number.isInteger(count) || count < 1 || count > 240) throw new RangeError(`instalments: 1 to 240, not ${count}`);
  if (!total.gt(0) || total.decimalPlaces() > 2) throw new RangeError(`plan amount: a positive amount in cents, not ${input.total}`);
  const first = parseDate(input.firstDueOn);
  const dueDay: DueDay = input.dueDay ?? first.day;
  const dueOn = (i: number) => {
    const month = first.with({ day: 1 }).add({ months: i });
    if (dueDay === 'last') return month.with({ day: month.daysInMonth }).toString();
    return month.with({ day: Math.min(dueDay, month.daysInMonth) }).toString();
  };
  // A first payment negotiated apart (a company's plan: "a first payment of at least …"), the rest equal.
  const head = input.firstAmount !== undefined ? money(input.firstAmount) : null;
  if (head && (!head.gt(0) || head.gte(total) || count < 2)) throw new RangeError(`first payment ${input.firstAmount}: more than zero, less than the plan, with at least one instalment after it`);
  const rest = head ? total.minus(head) : total;
  const n = head ? count - 1 : count;
  const each = rest.div(n).toDecimalPlaces(2, 1 /* ROUND_DOWN */);
  const out: Instalment[] = [];
  if (head) out.push({ number: 1, dueOn: dueOn(0), amount: head.toFixed(2) });
  for (let i = 0; i < n; i++) {
    const k = out.length;
    const amount = i === n - 1 ? rest.minus(each.times(n - 1)) : each;
    out.push({ number: k + 1, dueOn: dueOn(k), amount: amount.toFixed(2) });
  }
  // Cents only ever go to the last: never an instalment of zero.
  if (out.some((x) => !money(x.amount).gt(0))) throw new RangeError(`${input.total} cannot be split into ${count} instalments of at least one cent`);
  return out;
}

export interface InstalmentWithInterest extends Instalment {
  /** The share of the deferred capital (the plain schedule's amount). */
  capital: string;
  /** Interest on that share from the plan's start to its due date. */
  interest: string;
}

/**
 * Interest on the deferral (interessi di dilazione), where the creditor's rules ask for it (a comune's
 * regulation, art. 52 D.Lgs. 446/1997 — commonly the legal rate of art. 1284 c.c. on the deferred
 * capital; a company's negotiated plan): each instalment's share of capital bears simple interest at
 * the yearly `rate` (percent, fixed on the plan's start) from `from` to its due date, on a 365-day year
 * (UNVERIFIED: regulations differ; this is the usual reading), rounded half-up to the cent per
 * instalment. The capital shares are the plain schedule's (the last absorbing the remainder), so the
 * capital adds up to the amount planned and the instalments to capital plus interest, to the cent.
 */
export function withDeferralInterest(schedule: readonly Instalment[], o: { from: string; rate: string }): InstalmentWithInterest[] {
  const rate = money(o.rate);
  if (rate.isNegative() || rate.decimalPlaces() > 4) throw new RangeError(`deferral rate: percent, at most four decimals, not ${o.rate}`);
  const from = parseDate(o.from);
  return schedule.map((i) => {
    const days = Math.max(0, from.until(parseDate(i.dueOn), { largestUnit: 'days' }).days);
    // Capital × rate × days / 36500 to 40 significant digits, rounded once (a true half cent is exact there).
    const interest = money(i.amount).times(rate).times(days).div(36500).toDecimalPlaces(2, 4 /* ROUND_HALF_UP */);
    return { ...i, capital: i.amount, interest: interest.toFixed(2), amount: money(i.amount).plus(interest).toFixed(2) };
  });
}

/** The yearly rate of the deferral: the table's rate in force on `on` (the legal rate, for a comune) plus the rules' points. */
export function deferralRate(table: { rows: readonly { from: string; to: string | null; rate: string }[] }, on: string, points: string): string {
  return deferralTerms(table, on, points).rate;
}

/** `deferralRate` with the source of the table's row (a decree, a Gazzetta), to store with the plan. */
export function deferralTerms(table: { rows: readonly { from: string; to: string | null; rate: string; source?: string }[] }, on: string, points: string): { rate: string; source: string } {
  const row = table.rows.find((r) => r.from <= on && (r.to === null || r.to >= on));
  if (!row) throw new RangeError(`no rate on ${on}`);
  return { rate: money(row.rate).plus(points).toString(), source: row.source ?? '' };
}

/**
 * An amount (the plan's interest) split over the positions pro rata to their capital, each share
 * rounded down to the cent and the cents left given one by one to the largest remainders (ties: the
 * earlier position) — so the shares add up to the amount exactly. Zero weights get nothing; all-zero
 * weights put everything on the first.
 */
export function splitProRata(amount: string, weights: readonly string[]): string[] {
  const total = money(amount);
  if (weights.length === 0) throw new RangeError('no positions to split over');
  const sum = weights.reduce((s, w) => s.plus(w), money(0));
  if (sum.isZero()) return weights.map((_, i) => (i === 0 ? total : money(0)).toFixed(2));
  const exact = weights.map((w) => total.times(w).div(sum));
  const shares = exact.map((x) => x.toDecimalPlaces(2, 1 /* ROUND_DOWN */));
  let left = total.minus(shares.reduce((s, x) => s.plus(x), money(0))).times(100).toNumber();
  const order = exact.map((x, i) => ({ i, rest: x.minus(shares[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i] = shares[order[k]!.i]!.plus('0.01');
  return shares.map((x) => x.toFixed(2));
}

/**
 * The interest on the deferral still owed when a plan ends early (lapse, c.800: the whole residual is
 * due at once; or it is cancelled): the deferral's price is owed only for the time the debtor had — the
 * instalments due by `on` — and what was already paid stays paid (an instalment paid in full keeps its
 * interest). The interest of the instalments not yet due and not paid is no longer owed; from then on
 * the positions bear their ordinary interest.
 */
export function deferralInterestKept(instalments: readonly { dueOn: string; interest: string; state: string }[], on: string): string {
  return instalments.reduce((s, i) => (i.dueOn <= on || i.state === 'paid' ? s.plus(i.interest) : s), money(0)).toFixed(2);
}
