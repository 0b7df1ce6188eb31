import { computeStatement, DEFAULT_ALLOCATION, type InterestCase, type Statement } from './compute.ts';
import type { RateTable } from './rate-table.ts';
import { C4_FROM, DE_NEW_RULES_AFTER, PLUS8_FROM, resolveRegime, type RateBook } from './regimes.ts';

/**
 * The fast path of the interest engine: the totals of `computeStatement` (no periods, no payment rows)
 * for batches of claims, identical to the exact path to the cent.
 *
 * How it stays identical:
 * - Money is integer cents; rates are integers in 1/10,000 of a percent (tables have at most 4 decimals).
 * - Each effective rate table is compiled once (per table identity, or per regime key for the tables
 *   `resolveRegime` derives on every call) into per-row prefix sums of `rate × day weight`, so the
 *   interest of any span is `principal × (P(end) − P(start)) / Q`, a ratio of integers, in O(1).
 *   Day weights: act365/act360 1 a day; act366 366 for a day of a common year and 365 for a day of a
 *   leap year over Q = 365·366·10⁶; 30E/360 the increments of 360·y + 30·m + min(d, 30), which telescope
 *   to exactly what `days30e360` gives for any period.
 * - Every rounding point of the exact path (each payment, the end) rounds that ratio half-up once.
 *   Numbers are used while the numerator is provably below 2^52; above, a floating estimate with a
 *   rigorous error bound decides, and when the estimate is within its bound of a half cent the
 *   numerator is recomputed in BigInt.
 * - The exact path divides in decimal.js at 40 significant digits. That can only change a rounding
 *   when the exact value lies exactly on a half cent (every other value is at least 1/(133590·10⁸) €
 *   from one, far beyond 40 digits), so an exact tie is handed to the exact path.
 * - Anything else the fast path does not model (invalid or unusual input, negative rates in the span,
 *   irregular tables, amounts above 2^53 cents, errors) is handed to `computeStatement` for that case,
 *   so the answer — or the error thrown — is the exact path's.
 */

/** The totals of a statement, canonical two-decimal strings, as `computeStatement` gives them. */
export interface InterestTotals {
  interest: string;
  interestPaid: string;
  interestDue: string;
  costs: string;
  costsPaid: string;
  costsDue: string;
  principalPaid: string;
  principalDue: string;
  totalDue: string;
}

export const TOTAL_FIELDS = [
  'interest',
  'interestPaid',
  'interestDue',
  'costs',
  'costsPaid',
  'costsDue',
  'principalPaid',
  'principalDue',
  'totalDue',
] as const satisfies readonly (keyof InterestTotals & keyof Statement)[];

export function totalsOf(s: Statement): InterestTotals {
  return {
    interest: s.interest,
    interestPaid: s.interestPaid,
    interestDue: s.interestDue,
    costs: s.costs,
    costsPaid: s.costsPaid,
    costsDue: s.costsDue,
    principalPaid: s.principalPaid,
    principalDue: s.principalDue,
    totalDue: s.totalDue,
  };
}

/** Integer cents (≥ 0, below 2^53) as a canonical money string: 123456 → "1234.56". */
export function formatCents(cents: number): string {
  const r = cents % 100;
  const i = (cents - r) / 100;
  return (r < 10 ? i + '.0' : i + '.') + r;
}

// ---------------------------------------------------------------------------------------------------
// Calendar: day numbers counted from 1899-12-31 (= 0), so 1900-01-01 = 1 … 2199-12-31 = LAST_DAY, the
// dates incasso accepts (dates.ts). Tables may extend beyond; they are clamped to this window.

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthLength = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);
const MONTH_BEFORE: [number[], number[]] = [[], []];
for (const leap of [0, 1] as const) {
  let n = 0;
  for (let m = 0; m < 12; m++) {
    MONTH_BEFORE[leap].push(n);
    n += MONTH_DAYS[m]! + (leap && m === 1 ? 1 : 0);
  }
}
const YEAR_BEFORE = new Int32Array(LAST_YEAR - FIRST_YEAR + 2);
for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) YEAR_BEFORE[y - FIRST_YEAR + 1] = YEAR_BEFORE[y - FIRST_YEAR]! + (isLeap(y) ? 366 : 365);
const LAST_DAY = YEAR_BEFORE[LAST_YEAR - FIRST_YEAR + 1]!;

/** Days since 1970-01-01 of any proleptic Gregorian date (H. Hinnant's days_from_civil). */
function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
const CIVIL_ORIGIN = civilDays(1899, 12, 31);

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000000;
};

/** YYYY-MM-DD → (y, m, d) if it is a calendar date, else null. */
function ymd(s: unknown): [number, number, number] | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return null;
  return [y, m, d];
}

/**
 * A date the exact path accepts (dates.ts: YYYY-MM-DD, a calendar date, 1900-01-01 … 2199-12-31) as a
 * day number, or -1 for anything else (which then goes to the exact path).
 */
export function dayNumber(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return -1;
  const leap = isLeap(y) ? 1 : 0;
  if (d > (m === 2 ? 28 + leap : MONTH_DAYS[m - 1]!)) return -1;
  return YEAR_BEFORE[y - FIRST_YEAR]! + MONTH_BEFORE[leap][m - 1]! + d;
}

/** A day number of any calendar date (table rows may lie outside the accepted window), or NaN. */
function anyDayNumber(s: unknown): number {
  const p = ymd(s);
  return p ? civilDays(p[0], p[1], p[2]) - CIVIL_ORIGIN : NaN;
}

/**
 * An amount the exact path accepts (money.ts: 1–13 digits, up to 2 decimals, no sign, no blanks,
 * greater than zero) as integer cents, or -1.
 */
export function centsOf(s: unknown): number {
  if (typeof s !== 'string') return -1;
  const n = s.length;
  let i = 0;
  let v = 0;
  while (i < n) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    i++;
  }
  if (i < 1 || i > 13) return -1;
  if (i === n) return v > 0 ? v * 100 : -1;
  if (s.charCodeAt(i) !== 46 || n - i < 2 || n - i > 3) return -1;
  const d1 = digit(s, i + 1);
  const d2 = n - i === 3 ? digit(s, i + 2) : 0;
  if (d1 < 0 || d2 < 0) return -1;
  v = v * 100 + d1 * 10 + d2;
  return v > 0 ? v : -1;
}

/** Cumulative day weights per day count, indexed by day number (0 = 1899-12-31). */
const G_ACT = new Float64Array(LAST_DAY + 1);
const G_366 = new Float64Array(LAST_DAY + 1);
const G_30E = new Float64Array(LAST_DAY + 1);
{
  const f0 = 360 * 1899 + 30 * 12 + 30;
  let t = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const w366 = isLeap(y) ? 365 : 366;
    for (let m = 1; m <= 12; m++) {
      for (let d = 1, n = monthLength(y, m); d <= n; d++) {
        t++;
        G_ACT[t] = t;
        G_366[t] = G_366[t - 1]! + w366;
        G_30E[t] = 360 * y + 30 * m + Math.min(d, 30) - f0;
      }
    }
  }
}

/** Day count → [index, cumulative weights, divisor Q (cents·Q = principal cents × Σ rate·weight)]. */
const DAY_COUNT_INDEX: Record<string, number> = { act365: 0, act366: 1, act360: 2, '30e360': 3 };
const G_BY_DC = [G_ACT, G_366, G_ACT, G_30E] as const;
const Q_BY_DC = [365e6, 365 * 366 * 1e6, 360e6, 360e6] as const;
const Q_BIG = Q_BY_DC.map((q) => BigInt(q));

// ---------------------------------------------------------------------------------------------------
// Compiled rate tables

const RATE = /^(-?)(\d{1,4})(?:\.(\d{1,4}))?$/;
/** |rate| × 10⁴ × cumulative weight must stay below 2^53 / 4 for the prefix sums to be exact. */
const MAX_SCALED_RATE = 2e7;

class CompiledTable {
  /** First day of the first row and last day of the last row (Infinity: open-ended), unclamped. */
  first = 0;
  last = 0;
  /** The rows clamped to [1, LAST_DAY]: start day, rate × 10⁴, negative rows before each row. */
  lo = 0;
  n = 0;
  starts!: Int32Array;
  rates!: Float64Array;
  negBefore!: Int32Array;
  hasNegative = false;
  /** Row holding day lo + 32·i. */
  bucket!: Int32Array;
  /** Per day count: base[k] + rates[k] · G[t] = Σ rate·weight over [lo, t] for t in row k. */
  private readonly bases: (Float64Array | undefined)[] = [undefined, undefined, undefined, undefined];

  row(t: number): number {
    let k = this.bucket[(t - this.lo) >> 5]!;
    const starts = this.starts;
    const n = this.n;
    while (k + 1 < n && starts[k + 1]! <= t) k++;
    return k;
  }

  base(dc: number): Float64Array {
    const cached = this.bases[dc];
    if (cached) return cached;
    const g = G_BY_DC[dc]!;
    const base = new Float64Array(this.n);
    let cum = 0;
    for (let k = 0; k < this.n; k++) {
      const start = this.starts[k]!;
      const end = k + 1 < this.n ? this.starts[k + 1]! - 1 : Math.min(this.last, LAST_DAY);
      const r = this.rates[k]!;
      base[k] = cum - r * g[start - 1]!;
      cum += r * (g[end]! - g[start - 1]!);
    }
    this.bases[dc] = base;
    return base;
  }
}

/** Compiles a table if it is regular (contiguous rows, plain decimal rates), else null. */
function compileTable(table: RateTable): CompiledTable | null {
  const rows = table.rows;
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const from: number[] = [];
  const rates: number[] = [];
  let prevTo = NaN;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const f = anyDayNumber(row.from);
    const t = row.to === null ? (i === rows.length - 1 ? Infinity : NaN) : anyDayNumber(row.to);
    if (!(f <= t) || (i > 0 && f !== prevTo + 1)) return null;
    if (typeof row.rate !== 'string') return null;
    const m = RATE.exec(row.rate);
    if (!m) return null;
    const r = (Number(m[2]) * 10000 + Number((m[3] ?? '').padEnd(4, '0'))) * (m[1] ? -1 : 1);
    if (Math.abs(r) > MAX_SCALED_RATE) return null;
    from.push(f);
    rates.push(r === 0 ? 0 : r);
    prevTo = t;
  }
  const c = new CompiledTable();
  c.first = from[0]!;
  c.last = prevTo;
  c.lo = Math.max(c.first, 1);
  const hi = Math.min(c.last, LAST_DAY);
  const keep: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const end = i + 1 < from.length ? from[i + 1]! - 1 : c.last;
    if (end >= c.lo && from[i]! <= hi) keep.push(i);
  }
  c.n = keep.length;
  c.starts = Int32Array.from(keep, (i) => Math.max(from[i]!, c.lo));
  c.rates = Float64Array.from(keep, (i) => rates[i]!);
  c.negBefore = new Int32Array(c.n + 1);
  for (let k = 0; k < c.n; k++) c.negBefore[k + 1] = c.negBefore[k]! + (c.rates[k]! < 0 ? 1 : 0);
  c.hasNegative = c.negBefore[c.n]! > 0;
  const buckets = hi >= c.lo ? ((hi - c.lo) >> 5) + 1 : 0;
  c.bucket = new Int32Array(buckets);
  for (let b = 0, k = 0; b < buckets; b++) {
    const day = c.lo + b * 32;
    while (k + 1 < c.n && c.starts[k + 1]! <= day) k++;
    c.bucket[b] = k;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------------
// The engine

interface Entry {
  /** null: the table could not be compiled, or the regime input is rejected (exact path decides). */
  table: CompiledTable | null;
  flat: boolean;
  rejected: boolean;
}

const REGIME_INDEX: Record<string, number> = {
  'it-legal': 0,
  'it-commercial': 1,
  ch: 2,
  'de-consumer': 3,
  'de-business': 4,
  'fr-legal-private': 5,
  'fr-legal-other': 6,
  'fr-commercial': 7,
  none: 8,
};

/** Why a case went to the exact path. */
export interface FastStats {
  /** Cases answered by the fast path. */
  fast: number;
  /** Roundings decided by exact BigInt arithmetic (inside the fast path). */
  bigintRoundings: number;
  /** Cases handed to the exact path, by reason. */
  fallback: { input: number; regime: number; table: number; negativeRate: number; tie: number; magnitude: number };
}

const OK = 0;
const F_INPUT = 1;
const F_REGIME = 2;
const F_TABLE = 3;
const F_NEGATIVE = 4;
const F_TIE = 5;
const F_MAGNITUDE = 6;
const REASONS = ['', 'input', 'regime', 'table', 'negativeRate', 'tie', 'magnitude'] as const;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const HALF_SAFE = 2 ** 52;
const EPS = 2 ** -52;

/** Cents of interest in Σ p_k·s_k / Q, rounded half-up; -1 on an exact tie, -2 when too large. */
function roundTerms(tp: Float64Array, ts: Float64Array, nt: number, dc: number, stats: FastStats): number {
  const q = Q_BY_DC[dc]!;
  let sum = 0;
  let exact = true;
  for (let k = 0; k < nt; k++) {
    const x = tp[k]! * ts[k]!;
    if (x > HALF_SAFE) exact = false;
    sum += x;
  }
  if (exact && sum <= HALF_SAFE) {
    // Every product and the sum are exact integers: divide exactly.
    let whole = Math.floor(sum / q);
    let rest = sum - whole * q;
    if (rest < 0) {
      whole--;
      rest += q;
    } else if (rest >= q) {
      whole++;
      rest -= q;
    }
    const twice = 2 * rest;
    if (twice === q) return -1;
    return whole + (twice > q ? 1 : 0);
  }
  // Products were rounded (relative error ≤ 2^-53 each, the sum and the division add (nt + 1)·2^-53):
  // the estimate is within `bound` of the exact value; if no half cent lies that close, it decides.
  const f = sum / q;
  const whole = Math.floor(f);
  const frac = f - whole;
  const bound = (nt + 4) * EPS * (f + 1);
  if (bound < 0.25 && Math.abs(frac - 0.5) > bound) {
    const cents = whole + (frac > 0.5 ? 1 : 0);
    return cents <= HALF_SAFE ? cents : -2;
  }
  stats.bigintRoundings++;
  let n = 0n;
  for (let k = 0; k < nt; k++) n += BigInt(tp[k]!) * BigInt(ts[k]!);
  const qb = Q_BIG[dc]!;
  const w = n / qb;
  const twice = 2n * (n - w * qb);
  if (twice === qb) return -1;
  const cents = Number(w + (twice > qb ? 1n : 0n));
  return cents <= HALF_SAFE ? cents : -2;
}

export class FastInterest {
  readonly stats: FastStats = {
    fast: 0,
    bigintRoundings: 0,
    fallback: { input: 0, regime: 0, table: 0, negativeRate: 0, tie: 0, magnitude: 0 },
  };
  /** The last result of `totalsCents`, integer cents in TOTAL_FIELDS order. */
  readonly cents = new Float64Array(9);

  private readonly slots: (Entry | undefined)[] = [];
  private readonly keyed = new Map<string, Entry>();
  private readonly tables = new WeakMap<RateTable, CompiledTable | null>();
  // Scratch space, grown on demand.
  private pDay = new Float64Array(8);
  private pAmt = new Float64Array(8);
  private cDay = new Float64Array(8);
  private cAmt = new Float64Array(8);
  private readonly tP = new Float64Array(2);
  private readonly tS = new Float64Array(2);

  constructor(readonly book: RateBook) {}

  /** The totals of `computeStatement(book, c)`, or the error it throws. */
  totals(c: InterestCase): InterestTotals {
    const code = this.evaluate(c);
    if (code === OK) {
      const v = this.cents;
      return {
        interest: formatCents(v[0]!),
        interestPaid: formatCents(v[1]!),
        interestDue: formatCents(v[2]!),
        costs: formatCents(v[3]!),
        costsPaid: formatCents(v[4]!),
        costsDue: formatCents(v[5]!),
        principalPaid: formatCents(v[6]!),
        principalDue: formatCents(v[7]!),
        totalDue: formatCents(v[8]!),
      };
    }
    return totalsOf(computeStatement(this.book, c));
  }

  /**
   * The totals as integer cents in `this.cents` (TOTAL_FIELDS order) when the fast path answers the
   * case, returning true; false when the case needs the exact path (`totals` takes it there).
   */
  totalsCents(c: InterestCase): boolean {
    return this.evaluate(c) === OK;
  }

  private evaluate(c: InterestCase): number {
    const code = this.run(c);
    if (code === OK) this.stats.fast++;
    else this.stats.fallback[REASONS[code] as keyof FastStats['fallback']]++;
    return code;
  }

  private run(c: InterestCase): number {
    // Input, as far as the exact path would accept it; anything unusual goes there.
    const principal0 = centsOf(c.principal);
    const D = dayNumber(c.due);
    const E = dayNumber(c.paid);
    if (principal0 < 0 || D < 0 || E < D) return F_INPUT;
    if (c.contractDate && dayNumber(c.contractDate) < 0) return F_INPUT;
    if (c.judicialClaimDate && dayNumber(c.judicialClaimDate) < 0) return F_INPUT;
    const dc = DAY_COUNT_INDEX[c.dayCount ?? 'act365'];
    if (dc === undefined) return F_INPUT;

    const payments = c.payments ?? [];
    const costs = c.costs ?? [];
    if (!Array.isArray(payments) || !Array.isArray(costs)) return F_INPUT;
    const np = payments.length;
    if (np > this.pDay.length) {
      this.pDay = new Float64Array(np * 2);
      this.pAmt = new Float64Array(np * 2);
    }
    const pDay = this.pDay;
    const pAmt = this.pAmt;
    for (let i = 0; i < np; i++) {
      const p = payments[i]!;
      const day = dayNumber(p.date);
      const amount = centsOf(p.amount);
      if (day < 0 || day > E || amount < 0) return F_INPUT;
      // Stable insertion by date, as the exact path's sort.
      let j = i;
      while (j > 0 && pDay[j - 1]! > day) {
        pDay[j] = pDay[j - 1]!;
        pAmt[j] = pAmt[j - 1]!;
        j--;
      }
      pDay[j] = day;
      pAmt[j] = amount;
    }

    const entry = this.entryOf(c);
    if (entry === undefined || entry.rejected) return F_REGIME;

    const flat = entry.flat && (c.currency ?? 'EUR') === 'EUR' && (c.flatCompensation ?? true) && E > D;
    const nc = costs.length + (flat ? 1 : 0);
    if (nc > this.cDay.length) {
      this.cDay = new Float64Array(nc * 2);
      this.cAmt = new Float64Array(nc * 2);
    }
    const cDay = this.cDay;
    const cAmt = this.cAmt;
    let costsTotal = 0;
    for (let i = 0; i < nc; i++) {
      let day: number;
      let amount: number;
      if (i < costs.length) {
        const k = costs[i]!;
        day = dayNumber(k.date);
        amount = centsOf(k.amount);
        if (day < 0 || amount < 0) return F_INPUT;
      } else {
        day = D + 1;
        amount = 4000; // FLAT_COMPENSATION_EUR
      }
      costsTotal += amount;
      let j = i;
      while (j > 0 && cDay[j - 1]! > day) {
        cDay[j] = cDay[j - 1]!;
        cAmt[j] = cAmt[j - 1]!;
        j--;
      }
      cDay[j] = day;
      cAmt[j] = amount;
    }
    if (costsTotal > HALF_SAFE) return F_MAGNITUDE;

    const order = c.allocationOrder ?? DEFAULT_ALLOCATION;
    if (!Array.isArray(order)) return F_INPUT;

    // The table over [D + 1, E] and its prefix sums.
    const accrues = E > D;
    const tbl = entry.table;
    let base: Float64Array | undefined;
    let rates: Float64Array | undefined;
    const g = G_BY_DC[dc]!;
    if (accrues) {
      if (tbl === null) return F_TABLE;
      if (D + 1 < tbl.first || E > tbl.last) return F_TABLE; // the exact path names the missing dates
      if (tbl.hasNegative && tbl.negBefore[tbl.row(E) + 1]! - tbl.negBefore[tbl.row(D + 1)]! > 0) return F_NEGATIVE;
      base = tbl.base(dc);
      rates = tbl.rates;
    }
    /** Σ rate·weight over [table start, t]. */
    const prefix = (t: number) => {
      if (t < tbl!.lo) return 0;
      const k = tbl!.row(t);
      return base![k]! + rates![k]! * g[t]!;
    };

    const tP = this.tP;
    const tS = this.tS;
    let nt = 0;
    let principal = principal0;
    let interestOpen = 0; // whole cents, after the last rounding
    let interestPaid = 0;
    let costsOpen = 0;
    let costsPaid = 0;
    let principalPaid = 0;
    let ci = 0;
    let before = accrues ? prefix(D) : 0;

    for (let i = 0; i < np; i++) {
      const day = pDay[i]!;
      if (day > D && (i === 0 || pDay[i - 1] !== day)) {
        // Interest up to and including the payment day, on the principal before it.
        const at = prefix(day);
        if (principal > 0 && at !== before) {
          tP[nt] = principal;
          tS[nt++] = at - before;
        }
        before = at;
      }
      while (ci < nc && cDay[ci]! <= day) costsOpen += cAmt[ci++]!;
      if (nt > 0) {
        const add = roundTerms(tP, tS, nt, dc, this.stats);
        if (add < 0) return add === -1 ? F_TIE : F_MAGNITUDE;
        interestOpen += add;
        nt = 0;
      }
      let left = pAmt[i]!;
      for (let o = 0; o < order.length; o++) {
        const component = order[o];
        if (component === 'costs') {
          const share = costsOpen < left ? costsOpen : left;
          if (share <= 0) continue;
          costsOpen -= share;
          costsPaid += share;
          left -= share;
        } else if (component === 'interest') {
          const share = interestOpen < left ? interestOpen : left;
          if (share <= 0) continue;
          interestOpen -= share;
          interestPaid += share;
          left -= share;
        } else {
          const share = principal < left ? principal : left;
          if (share <= 0) continue;
          principal -= share;
          principalPaid += share;
          left -= share;
        }
      }
    }
    if (accrues) {
      const at = prefix(E);
      if (principal > 0 && at !== before) {
        tP[nt] = principal;
        tS[nt++] = at - before;
      }
    }
    while (ci < nc && cDay[ci]! <= E) costsOpen += cAmt[ci++]!;
    if (nt > 0) {
      const add = roundTerms(tP, tS, nt, dc, this.stats);
      if (add < 0) return add === -1 ? F_TIE : F_MAGNITUDE;
      interestOpen += add;
    }
    const interest = interestPaid + interestOpen;
    const totalDue = principal + interestOpen + costsOpen;
    if (interest > HALF_SAFE || totalDue > HALF_SAFE) return F_MAGNITUDE;
    const out = this.cents;
    out[0] = np > 0 ? interest : interestOpen;
    out[1] = interestPaid;
    out[2] = interestOpen;
    out[3] = costsTotal;
    out[4] = costsPaid;
    out[5] = costsOpen;
    out[6] = principalPaid;
    out[7] = principal;
    out[8] = totalDue;
    return OK;
  }

  // -------------------------------------------------------------------------------------------------
  // Regimes: the effective table of a case, resolved by `resolveRegime` once per key. The key holds
  // everything `resolveRegime` reads from the input except `due`, of which it holds only the comparisons
  // `resolveRegime` makes.

  private entryOf(c: InterestCase): Entry | undefined {
    const regime = c.regime;
    const consumer = c.debtorKind === 'consumer';
    const idx = REGIME_INDEX[regime];
    if (idx !== undefined) {
      let variant = 0;
      if (regime === 'it-legal') {
        const j = c.judicialClaimDate;
        if (j && !(j < C4_FROM)) return this.keyedEntry(`it-legal|${consumer ? 1 : 0}|${j}`, c);
      } else if (regime === 'it-commercial') {
        variant = (c.contractDate ?? c.due) < PLUS8_FROM ? 1 : 0;
      } else if (regime === 'de-business') {
        variant = (c.contractDate ?? c.due) > DE_NEW_RULES_AFTER ? 1 : 0;
      }
      const slot = idx * 4 + (consumer ? 2 : 0) + variant;
      return this.slots[slot] ?? (this.slots[slot] = this.resolve(c));
    }
    if (regime === 'fixed') {
      if (typeof c.rate !== 'string') return undefined;
      return this.keyedEntry(`fixed|${c.rate}`, c);
    }
    if (regime === 'spread') {
      const base = c.base;
      if (typeof base !== 'string' || typeof c.spread !== 'string') return undefined;
      let variant = '';
      if (base === 'it-legal') {
        const j = c.judicialClaimDate;
        variant = j && !(j < C4_FROM) ? j : '';
      } else if (base === 'it-commercial') variant = (c.contractDate ?? c.due) < PLUS8_FROM ? '7' : '8';
      else if (base === 'de-business') variant = (c.contractDate ?? c.due) > DE_NEW_RULES_AFTER ? 'new' : 'old';
      else if (base === 'fixed') {
        if (typeof c.rate !== 'string') return undefined;
        variant = c.rate;
      }
      return this.keyedEntry(`spread|${consumer ? 1 : 0}|${base}|${variant}|${c.spread}`, c);
    }
    return undefined;
  }

  private keyedEntry(key: string, c: InterestCase): Entry {
    let e = this.keyed.get(key);
    if (!e) {
      if (this.keyed.size >= 100_000) this.keyed.clear();
      e = this.resolve(c);
      this.keyed.set(key, e);
    }
    return e;
  }

  private resolve(c: InterestCase): Entry {
    try {
      const r = resolveRegime(this.book, {
        regime: c.regime,
        due: c.due,
        contractDate: c.contractDate,
        judicialClaimDate: c.judicialClaimDate,
        rate: c.rate,
        base: c.base,
        spread: c.spread,
        debtorKind: c.debtorKind,
      });
      let table = this.tables.get(r.table);
      if (table === undefined) {
        table = compileTable(r.table);
        this.tables.set(r.table, table);
      }
      return { table, flat: r.flatCompensation, rejected: false };
    } catch {
      return { table: null, flat: false, rejected: true };
    }
  }
}

const engines = new WeakMap<RateBook, FastInterest>();

/** The totals of `computeStatement(book, c)` by the fast path (one engine, with its caches, per book). */
export function fastTotals(book: RateBook, c: InterestCase): InterestTotals {
  let engine = engines.get(book);
  if (!engine) {
    engine = new FastInterest(book);
    engines.set(book, engine);
  }
  return engine.totals(c);
}
