import { Temporal } from 'temporal-polyfill';
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
 *   Numbers are used while the product is provably at most 2^52; above, a floating estimate with a
 *   rigorous error bound decides, and when the estimate is within its bound of a half cent the
 *   product is recomputed in BigInt. Money sums stay in Numbers (below 2^52 cents, else see below).
 * - At an exact half cent the fast path rounds up when every period amount is a terminating decimal
 *   and otherwise hands the case to the exact path. (This guarded an older exact path that summed
 *   40-digit quotients; it now sums exact numerators and rounds in integers, so the hand-over is
 *   merely conservative: both answers are the true half-up rounding.)
 * - Anything else the fast path does not model (invalid or unusual input, negative rates in the span,
 *   irregular tables, amounts of 2^52 cents or more, errors) is handed to `computeStatement` for that
 *   case, so the answer — or the error thrown — is the exact path's.
 * - Rate tables are treated as immutable: a changed table must be a new object (a new RateBook gets a
 *   new engine in `fastTotals`).
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

export function totalsOf(s: InterestTotals): InterestTotals {
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

const CENTS_SUFFIX = Array.from({ length: 100 }, (_, r) => (r < 10 ? '.0' : '.') + r);
/** Lookup tables for formatCents, built on first use (~1 MB): 0…9999 cents, 4-digit groups. */
let UNDER_100_EUR: string[] = [];
let LAST_4_DIGITS: string[] = [];
let GROUP_4: string[] = [];
let LEAD_4: string[] = [];

function buildFormatTables() {
  LEAD_4 = Array.from({ length: 10000 }, (_, i) => String(i));
  GROUP_4 = LEAD_4.map((s) => s.padStart(4, '0'));
  LAST_4_DIGITS = GROUP_4.map((g) => `${g.slice(0, 2)}.${g.slice(2)}`);
  UNDER_100_EUR = LEAD_4.map((_, i) => String((i - (i % 100)) / 100) + CENTS_SUFFIX[i % 100]!);
}

/** Integer cents (≥ 0, below 2^53) as a canonical money string: 123456 → "1234.56". */
export function formatCents(cents: number): string {
  if (UNDER_100_EUR.length === 0) buildFormatTables();
  if (cents < 10000) return UNDER_100_EUR[cents]!;
  const low = cents % 10000;
  const high = (cents - low) / 10000;
  if (high < 10000) return LEAD_4[high]! + LAST_4_DIGITS[low]!;
  const mid = high % 10000;
  const top = (high - mid) / 10000;
  if (top < 10000) return LEAD_4[top]! + GROUP_4[mid]! + LAST_4_DIGITS[low]!;
  const r = cents % 100;
  return String((cents - r) / 100) + CENTS_SUFFIX[r]!;
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

/** The calendar year of each day number. */
const YEAR_OF = new Int16Array(LAST_DAY + 1);
for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) YEAR_OF.fill(y, YEAR_BEFORE[y - FIRST_YEAR]! + 1, YEAR_BEFORE[y - FIRST_YEAR + 1]! + 1);

/**
 * Cumulative day weights, indexed by day number (0 = 1899-12-31): act366 (366 a day of a common year,
 * 365 a day of a leap year) and 30E/360 (360·y + 30·m + min(d, 30), from 1899-12-31). For act365 and
 * act360 the cumulative weight of day t is t itself.
 */
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
        G_366[t] = G_366[t - 1]! + w366;
        G_30E[t] = 360 * y + 30 * m + Math.min(d, 30) - f0;
      }
    }
  }
}

/** Day count → index into G_LOOKUP (cumulative weights, null: t itself) and Q_BY_DC (the divisor: interest in cents = principal cents × Σ rate×10⁴·weight / Q). */
const DAY_COUNT_INDEX = new Map<unknown, number>([
  ['act365', 0],
  ['act366', 1],
  ['act360', 2],
  ['30e360', 3],
]);
const G_LOOKUP = [null, G_366, null, G_30E] as const;
const Q_BY_DC = [365e6, 365 * 366 * 1e6, 360e6, 360e6] as const;
const Q_BIG = Q_BY_DC.map((q) => BigInt(q));

// ---------------------------------------------------------------------------------------------------
// Compiled rate tables

const RATE = /^(-?)(\d{1,4})(?:\.(\d{1,4}))?$/;
/**
 * |rate| × 10⁴ is kept at most 2·10⁷ (2,000 %): with cumulative weights below 4.01·10⁷ (act366 over
 * 300 years) every prefix-sum term stays below 2.5·10¹⁵ < 2^53, so the sums are exact integers.
 */
const MAX_SCALED_RATE = 2e7;

class CompiledTable {
  /** First day of the first row and last day of the last row (Infinity: open-ended), unclamped. */
  first = 0;
  last = 0;
  /** The rows clamped to [1, LAST_DAY]: start day, rate × 10⁴, negative rows before each row. */
  lo = 0;
  n = 0;
  starts: number[] = [];
  rates: number[] = [];
  negBefore: number[] = [];
  hasNegative = false;
  /** Row holding day lo + i·2^shift. */
  bucket: number[] = [];
  shift = 5;
  /** Per day count: base[k] + rates[k] · G[t] = Σ rate·weight over [lo, t] for t in row k. */
  private readonly bases: (number[] | undefined)[] = [undefined, undefined, undefined, undefined];

  /** Σ rate·weight over [lo, t] (0 before the table), with `base` = this.base(dc) and g = G_LOOKUP[dc]. */
  prefix(t: number, base: number[], g: Float64Array | null): number {
    if (t < this.lo) return 0;
    const k = this.row(t);
    return base[k]! + this.rates[k]! * (g === null ? t : g[t]!);
  }

  /**
   * Whether every period amount the exact path computes over [a, b] (one per row, and per calendar
   * year for act366) is a terminating decimal — then decimal.js computes them, and their sum, exactly
   * (at most ~31 significant digits of its 40). The quotient p·rate·days / (divisor·100) terminates
   * when the divisor's factors other than 2 and 5 divide p·rate×10⁴·days: 73 (365), 183 (366), 9 (360).
   */
  terminates(dc: number, p: number, a: number, b: number): boolean {
    for (let k = this.row(a); k < this.n && this.starts[k]! <= b; k++) {
      const lo = Math.max(a, this.starts[k]!);
      const hi = Math.min(b, k + 1 < this.n ? this.starts[k + 1]! - 1 : LAST_DAY);
      const r = Math.abs(this.rates[k]!);
      if (dc === 1) {
        // act366: one part per calendar year.
        for (let from = lo; from <= hi; ) {
          const y = YEAR_OF[from]!;
          const to = Math.min(hi, YEAR_BEFORE[y - FIRST_YEAR + 1]!);
          const m = isLeap(y) ? 183 : 73;
          if ((((p % m) * (r % m)) % m) * ((to - from + 1) % m) % m !== 0) return false;
          from = to + 1;
        }
      } else {
        const m = dc === 0 ? 73 : 9;
        const days = dc === 3 ? G_30E[hi]! - G_30E[lo - 1]! : hi - lo + 1;
        if ((((p % m) * (r % m)) % m) * (days % m) % m !== 0) return false;
      }
    }
    return true;
  }

  row(t: number): number {
    let k = this.bucket[(t - this.lo) >> this.shift]!;
    const starts = this.starts;
    const n = this.n;
    while (k + 1 < n && starts[k + 1]! <= t) k++;
    return k;
  }

  base(dc: number): number[] {
    const cached = this.bases[dc];
    if (cached) return cached;
    const g = G_LOOKUP[dc] ?? null;
    const G = (t: number) => (g === null ? t : g[t]!);
    const base: number[] = new Array<number>(this.n).fill(0);
    let cum = 0;
    for (let k = 0; k < this.n; k++) {
      const start = this.starts[k]!;
      const end = k + 1 < this.n ? this.starts[k + 1]! - 1 : Math.min(this.last, LAST_DAY);
      const r = this.rates[k]!;
      base[k] = cum - r * G(start - 1);
      cum += r * (G(end) - G(start - 1));
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
  return buildTable(from[0]!, prevTo, from, rates);
}

/** A table from contiguous rows (start days, scaled rates) covering [first, last], clamped to the window. */
function buildTable(first: number, last: number, from: ArrayLike<number>, rates: ArrayLike<number>): CompiledTable {
  const c = new CompiledTable();
  c.first = first;
  c.last = last;
  c.lo = Math.max(first, 1);
  const hi = Math.min(last, LAST_DAY);
  const keep: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const end = i + 1 < from.length ? from[i + 1]! - 1 : last;
    if (end >= c.lo && from[i]! <= hi) keep.push(i);
  }
  // Plain arrays: cheaper to build than typed arrays (one table per judicial claim date), as fast to read.
  c.n = keep.length;
  c.starts = keep.map((i) => Math.max(from[i]!, c.lo));
  c.rates = keep.map((i) => rates[i]!);
  c.negBefore = [0];
  for (let k = 0; k < c.n; k++) c.negBefore.push(c.negBefore[k]! + (c.rates[k]! < 0 ? 1 : 0));
  c.hasNegative = c.negBefore[c.n]! > 0;
  // Buckets of 2^shift days, about four per row: a lookup scans at most a step or two.
  const span = hi >= c.lo ? hi - c.lo + 1 : 0;
  c.shift = 3;
  while (c.shift < 16 && span >> c.shift > 4 * c.n) c.shift++;
  const buckets = span > 0 ? ((span - 1) >> c.shift) + 1 : 0;
  c.bucket = [];
  for (let b = 0, k = 0; b < buckets; b++) {
    const day = c.lo + b * (1 << c.shift);
    while (k + 1 < c.n && c.starts[k + 1]! <= day) k++;
    c.bucket.push(k);
  }
  return c;
}

/**
 * `switchAt(a, b, day)` (regimes.ts) on compiled tables: the rows of `a` before `day` (the last one cut
 * the day before), then the rows of `b` from `day` (the first one cut there). Null when the result has a
 * gap or no rows (the exact path then decides). Building it costs a few µs, against ~30 µs for
 * `resolveRegime` plus compiling the table it returns — it matters when every claim has its own date.
 */
function switchedTable(a: CompiledTable, b: CompiledTable, day: number): CompiledTable | null {
  const starts: number[] = [];
  const rates: number[] = [];
  let first = NaN;
  let last = NaN;
  if (a.first <= day - 1) {
    first = a.first;
    last = Math.min(a.last, day - 1);
    for (let k = 0; k < a.n && a.starts[k]! <= day - 1; k++) {
      starts.push(a.starts[k]!);
      rates.push(a.rates[k]!);
    }
  }
  if (b.last >= day) {
    if (b.n === 0) return null;
    const tailFirst = Math.max(b.first, day);
    if (starts.length > 0 || a.first <= day - 1) {
      if (tailFirst !== last + 1) return null;
    } else first = tailFirst;
    let k = b.row(tailFirst);
    starts.push(tailFirst);
    rates.push(b.rates[k]!);
    for (k++; k < b.n; k++) {
      starts.push(b.starts[k]!);
      rates.push(b.rates[k]!);
    }
    last = b.last;
  }
  if (starts.length === 0) return null;
  return buildTable(first, last, starts, rates);
}

function sameTable(x: CompiledTable | null, y: CompiledTable | null): boolean {
  if (x === null || y === null) return x === y;
  if (x.first !== y.first || x.last !== y.last || x.n !== y.n) return false;
  for (let k = 0; k < x.n; k++) if (x.starts[k] !== y.starts[k] || x.rates[k] !== y.rates[k]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// The engine

interface Entry {
  /** null: the table could not be compiled, or the regime input is rejected (exact path decides). */
  table: CompiledTable | null;
  flat: boolean;
  rejected: boolean;
}

/** The regimes whose table depends on no free-form input: one cache slot per (regime, consumer, variant). */
const REGIME_INDEX = new Map<unknown, number>(
  (['it-legal', 'it-commercial', 'ch', 'de-consumer', 'de-business', 'fr-legal-private', 'fr-legal-other', 'fr-commercial', 'none'] as const).map(
    (r, i) => [r, i],
  ),
);

/** Why a case went to the exact path. */
export interface FastStats {
  /** Cases answered by the fast path. */
  fast: number;
  /** Roundings decided by exact BigInt arithmetic (inside the fast path). */
  bigintRoundings: number;
  /** Roundings of a value exactly on a half cent that decimal.js computes exactly too (rounded up). */
  exactTies: number;
  /** Art. 1284 c.4 tables composed from the compiled legal and commercial tables. */
  composedTables: number;
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

const EMPTY: number[] = [];
const HALF_SAFE = 2 ** 52;
const EPS = 2 ** -52;

/** Set by `roundTerm` when the value it rounded lay exactly on a half cent. */
let tie = false;

/**
 * Cents of interest in p·s / Q (p: principal cents, s: Σ rate·weight), rounded half-up; -2 when too
 * large for Numbers. Sets `tie` when p·s / Q lies exactly on a half cent (rounded up, as half-up does).
 */
function roundTerm(p: number, s: number, dc: number, stats: FastStats): number {
  const q = Q_BY_DC[dc]!;
  const x = p * s;
  if (x <= HALF_SAFE) {
    // p·s is an exact integer: divide exactly.
    let whole = Math.floor(x / q);
    let rest = x - whole * q;
    if (rest < 0) {
      whole--;
      rest += q;
    } else if (rest >= q) {
      whole++;
      rest -= q;
    }
    const twice = 2 * rest;
    tie = twice === q;
    return whole + (twice >= q ? 1 : 0);
  }
  // p·s was rounded (relative error ≤ 2^-53), the division adds as much: the estimate is within
  // `bound` of the exact value; if no half cent lies that close, it decides.
  const f = x / q;
  const whole = Math.floor(f);
  const frac = f - whole;
  const bound = 4 * EPS * (f + 1);
  tie = false;
  if (bound < 0.25 && Math.abs(frac - 0.5) > bound) {
    const cents = whole + (frac > 0.5 ? 1 : 0);
    return cents <= HALF_SAFE ? cents : -2;
  }
  stats.bigintRoundings++;
  const n = BigInt(p) * BigInt(s);
  const qb = Q_BIG[dc]!;
  const w = n / qb;
  const twice = 2n * (n - w * qb);
  tie = twice === qb;
  const cents = Number(w + (twice >= qb ? 1n : 0n));
  return cents <= HALF_SAFE ? cents : -2;
}

export class FastInterest {
  readonly stats: FastStats = {
    fast: 0,
    bigintRoundings: 0,
    exactTies: 0,
    composedTables: 0,
    fallback: { input: 0, regime: 0, table: 0, negativeRate: 0, tie: 0, magnitude: 0 },
  };
  /** The last result of `totalsCents`, integer cents in TOTAL_FIELDS order. */
  readonly cents = new Float64Array(9);

  private readonly slots: (Entry | undefined)[] = [];
  private readonly c4 = new Map<string, Entry>();
  private c4Checked = false;
  private c4Composable = true;
  private readonly fixed = new Map<string, Entry>();
  private readonly spread = new Map<string, Entry>();
  private readonly tables = new WeakMap<RateTable, CompiledTable | null>();
  // Scratch space, grown on demand.
  private pDay = new Float64Array(8);
  private pAmt = new Float64Array(8);
  /** Per payment, in date order: the cents it settled of costs, interest and principal, and what it left over. */
  private sCosts = new Float64Array(8);
  private sInterest = new Float64Array(8);
  private sPrincipal = new Float64Array(8);
  private sLeft = new Float64Array(8);
  private cDay = new Float64Array(8);
  private cAmt = new Float64Array(8);
  private zFrom: number[] = [0, 0, 0, 0];
  private zTo: number[] = [0, 0, 0, 0];

  constructor(readonly book: RateBook) {}

  /** The totals of `computeStatement(book, c)`, or the error it throws. */
  totals(c: InterestCase): InterestTotals {
    const code = this.evaluate(c);
    if (code === OK) return this.formatted(c);
    return totalsOf(computeStatement(this.book, c));
  }

  /**
   * What each payment settled — the `payments` rows of `computeStatement(book, c)` (costs, interest,
   * principal and what it gave beyond the debt), in the engine's order (by date, as given within a
   * day) — with the totals; null when the fast path does not model the case (parts, c.803 charges, or
   * any reason `totals` would go to the exact path): the caller asks the exact path, which also throws
   * what is wrong.
   */
  split(c: InterestCase): { payments: { costs: string; interest: string; principal: string; unallocated: string }[]; totals: InterestTotals } | null {
    if (c.charges || (c.parts !== undefined && c.parts.length > 0)) return null;
    if (this.evaluate(c) !== OK) return null;
    const n = c.payments?.length ?? 0;
    const payments = new Array<{ costs: string; interest: string; principal: string; unallocated: string }>(n);
    for (let i = 0; i < n; i++) {
      payments[i] = { costs: formatCents(this.sCosts[i]!), interest: formatCents(this.sInterest[i]!), principal: formatCents(this.sPrincipal[i]!), unallocated: formatCents(this.sLeft[i]!) };
    }
    return { payments, totals: this.formatted(c) };
  }

  /** `this.cents` (the last case the fast path answered) as the exact path's strings. */
  private formatted(c: InterestCase): InterestTotals {
    const v = this.cents;
    // Equal amounts share one string (no interest paid, no costs, nothing but principal due …).
    const interestDue = formatCents(v[2]!);
    const costs = formatCents(v[3]!);
    // Nothing paid on the principal: it is the input, if that is already canonical ("1234.50").
    const p = c.principal;
    const principalDue =
      v[6] === 0 && p.length >= 4 && p.charCodeAt(p.length - 3) === 46 && (p.length === 4 || p.charCodeAt(0) !== 48) ? p : formatCents(v[7]!);
    return {
      interest: v[1] === 0 ? interestDue : formatCents(v[0]!),
      interestPaid: formatCents(v[1]!),
      interestDue,
      costs,
      costsPaid: formatCents(v[4]!),
      costsDue: v[5] === v[3] ? costs : formatCents(v[5]!),
      principalPaid: formatCents(v[6]!),
      principalDue,
      totalDue: v[8] === v[7] ? principalDue : formatCents(v[8]!),
    };
  }

  /**
   * The totals as integer cents in `this.cents` (TOTAL_FIELDS order) when the fast path answers the
   * case, returning true; false when the case needs the exact path (`totals` takes it there).
   */
  totalsCents(c: InterestCase): boolean {
    return this.evaluate(c) === OK;
  }

  private readonly lastDays = new WeakMap<CompiledTable, string | null>();

  /**
   * The last day the case's rates are known (`ratesKnownUntil` of claim-ledger.ts: null when the
   * table never ends), from the table compiled once per regime key; undefined when the fast path does
   * not model the case (the caller asks the exact path, which also names what is wrong).
   */
  lastRateDay(c: InterestCase): string | null | undefined {
    const entry = this.entryOf(c);
    if (entry === undefined || entry.rejected || entry.table === null) return undefined;
    const t = entry.table;
    let day = this.lastDays.get(t);
    if (day === undefined) {
      day = t.last === Infinity ? null : Temporal.PlainDate.from('1899-12-31').add({ days: t.last }).toString();
      this.lastDays.set(t, day);
    }
    return day;
  }

  private evaluate(c: InterestCase): number {
    const code = this.run(c);
    if (code === OK) this.stats.fast++;
    else this.stats.fallback[REASONS[code] as keyof FastStats['fallback']]++;
    return code;
  }

  private run(c: InterestCase): number {
    if (typeof c !== 'object' || c === null) return F_INPUT;
    // Parts that bear no interest (a comune's act) are the exact path's: they change only the
    // allocation of payments, rare enough in batches not to need a fast path of their own.
    if (c.parts !== undefined && c.parts.length > 0) return F_INPUT;
    // Input, as far as the exact path would accept it; anything unusual goes there.
    const principal0 = centsOf(c.principal);
    const D = dayNumber(c.due);
    const E = dayNumber(c.paid);
    if (principal0 < 0 || D < 0 || E < D) return F_INPUT;
    if (c.contractDate && dayNumber(c.contractDate) < 0) return F_INPUT;
    if (c.judicialClaimDate && dayNumber(c.judicialClaimDate) < 0) return F_INPUT;
    // S: the last day not accrued here (the due date, or a later `accrueFrom`).
    let S = D;
    if (c.accrueFrom) {
      const A = dayNumber(c.accrueFrom);
      if (A < 0 || A > E) return F_INPUT;
      if (A > S) S = A;
    }
    const dc = DAY_COUNT_INDEX.get(c.dayCount ?? 'act365');
    if (dc === undefined) return F_INPUT;

    const payments = c.payments ?? [];
    const costs = c.costs ?? [];
    if (!Array.isArray(payments) || !Array.isArray(costs)) return F_INPUT;
    const np = payments.length;
    if (np > this.pDay.length) {
      this.pDay = new Float64Array(np * 2);
      this.pAmt = new Float64Array(np * 2);
      this.sCosts = new Float64Array(np * 2);
      this.sInterest = new Float64Array(np * 2);
      this.sPrincipal = new Float64Array(np * 2);
      this.sLeft = new Float64Array(np * 2);
    }
    const pDay = this.pDay;
    const pAmt = this.pAmt;
    for (let i = 0; i < np; i++) {
      const p = payments[i] as Partial<Record<'date' | 'amount', unknown>> | null | undefined;
      if (typeof p !== 'object' || p === null) return F_INPUT;
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
        const k = costs[i] as Partial<Record<'date' | 'amount', unknown>> | null | undefined;
        if (typeof k !== 'object' || k === null) return F_INPUT;
        day = dayNumber(k.date);
        amount = centsOf(k.amount);
        // A cost after the end date is refused by the exact path: let it say so.
        if (day < 0 || amount < 0 || day > E) return F_INPUT;
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
    // Anything but each component exactly once is refused by the exact path: let it say so.
    if (!Array.isArray(order) || order.length !== 3 || !DEFAULT_ALLOCATION.every((k) => order.includes(k))) return F_INPUT;

    // The table over [S + 1, E] and its prefix sums.
    const accrues = E > S;
    const tbl = entry.table;
    const g = G_LOOKUP[dc] ?? null;
    let base: number[] = EMPTY;
    if (accrues) {
      if (tbl === null) return F_TABLE;
      if (S + 1 < tbl.first || E > tbl.last) return F_TABLE; // the exact path names the missing dates
      if (tbl.hasNegative && tbl.negBefore[tbl.row(E) + 1]! - tbl.negBefore[tbl.row(S + 1)]! > 0) return F_NEGATIVE;
      base = tbl.base(dc);
    }

    // Pauses (days accruing nothing): clipped to [S + 1, E], sorted, merged. The interest of a span is
    // then the prefix-sum difference less that of the paused days inside it (`acc`).
    let nz = 0;
    const pausesIn = c.pauses;
    if (pausesIn !== undefined && pausesIn !== null) {
      if (!Array.isArray(pausesIn)) return F_INPUT;
      for (let i = 0; i < pausesIn.length; i++) {
        const z = pausesIn[i] as Partial<Record<'from' | 'to', unknown>> | null | undefined;
        if (typeof z !== 'object' || z === null) return F_INPUT;
        const a0 = dayNumber(z.from);
        const b0 = z.to === null ? Infinity : dayNumber(z.to);
        if (a0 < 0 || b0 < 0) return F_INPUT;
        const a = a0 > S + 1 ? a0 : S + 1;
        const b = b0 < E ? b0 : E;
        if (a > b) continue;
        if (nz === this.zFrom.length) {
          this.zFrom = Array.from({ length: nz * 2 }, (_, k) => this.zFrom[k] ?? 0);
          this.zTo = Array.from({ length: nz * 2 }, (_, k) => this.zTo[k] ?? 0);
        }
        let j = nz++;
        while (j > 0 && this.zFrom[j - 1]! > a) {
          this.zFrom[j] = this.zFrom[j - 1]!;
          this.zTo[j] = this.zTo[j - 1]!;
          j--;
        }
        this.zFrom[j] = a;
        this.zTo[j] = b;
      }
      // Merge overlapping or adjacent windows, so no paused day is taken off twice.
      let m = 0;
      for (let k = 0; k < nz; k++) {
        if (m > 0 && this.zFrom[k]! <= this.zTo[m - 1]! + 1) {
          if (this.zTo[k]! > this.zTo[m - 1]!) this.zTo[m - 1] = this.zTo[k]!;
        } else {
          this.zFrom[m] = this.zFrom[k]!;
          this.zTo[m] = this.zTo[k]!;
          m++;
        }
      }
      nz = m;
    }
    const zFrom = this.zFrom;
    const zTo = this.zTo;
    /** Σ rate·weight over the unpaused days up to t (from the table's start). */
    const acc = (t: number): number => {
      let v = tbl!.prefix(t, base, g);
      for (let k = 0; k < nz && zFrom[k]! <= t; k++) v -= tbl!.prefix(zTo[k]! < t ? zTo[k]! : t, base, g) - tbl!.prefix(zFrom[k]! - 1, base, g);
      return v;
    };

    let principal = principal0;
    let interestOpen = 0; // whole cents, after the last rounding
    let interestPaid = 0;
    let costsOpen = 0;
    let costsPaid = 0;
    let principalPaid = 0;
    let ci = 0;
    // The interest accrued since the last rounding: principal × (Σ rate·weight over [from, to]) / Q.
    let before = accrues ? acc(S) : 0;
    let from = S + 1;

    for (let i = 0; i < np; i++) {
      const day = pDay[i]!;
      while (ci < nc && cDay[ci]! <= day) costsOpen += cAmt[ci++]!;
      if (day > S && (i === 0 || pDay[i - 1] !== day)) {
        // Interest up to and including the payment day, on the principal before it, rounded to the cent.
        const at = acc(day);
        if (principal > 0 && at !== before) {
          const add = roundTerm(principal, at - before, dc, this.stats);
          if (add < 0) return F_MAGNITUDE;
          if (tie) {
            // With pauses the exact path's periods are cut at them too: let it decide the half cent.
            if (nz > 0 || !tbl!.terminates(dc, principal, from, day)) return F_TIE;
            this.stats.exactTies++;
          }
          interestOpen += add;
        }
        before = at;
        from = day + 1;
      }
      let left = pAmt[i]!;
      let toCosts = 0;
      let toInterest = 0;
      let toPrincipal = 0;
      for (let o = 0; o < order.length; o++) {
        const component = order[o];
        if (component === 'costs') {
          const share = costsOpen < left ? costsOpen : left;
          if (share <= 0) continue;
          costsOpen -= share;
          costsPaid += share;
          toCosts = share;
          left -= share;
        } else if (component === 'interest') {
          const share = interestOpen < left ? interestOpen : left;
          if (share <= 0) continue;
          interestOpen -= share;
          interestPaid += share;
          toInterest = share;
          left -= share;
        } else {
          const share = principal < left ? principal : left;
          if (share <= 0) continue;
          principal -= share;
          principalPaid += share;
          toPrincipal = share;
          left -= share;
        }
      }
      this.sCosts[i] = toCosts;
      this.sInterest[i] = toInterest;
      this.sPrincipal[i] = toPrincipal;
      this.sLeft[i] = left;
    }
    while (ci < nc && cDay[ci]! <= E) costsOpen += cAmt[ci++]!;
    if (accrues) {
      const at = acc(E);
      if (principal > 0 && at !== before) {
        const add = roundTerm(principal, at - before, dc, this.stats);
        if (add < 0) return F_MAGNITUDE;
        if (tie) {
          if (nz > 0 || !tbl!.terminates(dc, principal, from, E)) return F_TIE;
          this.stats.exactTies++;
        }
        interestOpen += add;
      }
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
    const idx = REGIME_INDEX.get(regime);
    if (idx !== undefined) {
      let variant = 0;
      if (regime === 'it-legal') {
        const j = c.judicialClaimDate;
        // Art. 1284 c.4: one table per judicial claim date (`resolveRegime` reads no other input here).
        if (j && !(j < C4_FROM)) return this.c4.get(j) ?? this.c4Entry(j, c);
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
      return this.keyedEntry(this.fixed, c.rate, c);
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
      return this.keyedEntry(this.spread, `${consumer ? 1 : 0}|${base}|${variant}|${c.spread}`, c);
    }
    return undefined;
  }

  /**
   * Art. 1284 c.4: the legal rate until the day before the judicial claim, the commercial rate (+8)
   * from it — `switchAt(book.itLegal, book.itCommercialPlus8, j)`, composed from the compiled tables.
   * The first composition of an engine is checked against `resolveRegime`; should they ever differ,
   * every later one goes through `resolveRegime` too.
   */
  private c4Entry(j: string, c: InterestCase): Entry {
    if (this.c4.size >= 100_000) this.c4.clear();
    let e: Entry;
    const a = this.compiled(this.book.itLegal);
    const b = this.compiled(this.book.itCommercialPlus8);
    const day = dayNumber(j);
    const composed = this.c4Composable && a && b && day > 0 ? switchedTable(a, b, day) : null;
    if (composed && this.c4Checked) {
      e = { table: composed, flat: false, rejected: false };
      this.stats.composedTables++;
    } else {
      e = this.resolve(c);
      if (composed && !this.c4Checked) {
        this.c4Checked = true;
        this.c4Composable = !e.rejected && !e.flat && sameTable(composed, e.table);
      }
    }
    this.c4.set(j, e);
    return e;
  }

  private compiled(table: RateTable): CompiledTable | null {
    let t = this.tables.get(table);
    if (t === undefined) {
      t = compileTable(table);
      this.tables.set(table, t);
    }
    return t;
  }

  private keyedEntry(map: Map<string, Entry>, key: string, c: InterestCase): Entry {
    let e = map.get(key);
    if (!e) {
      if (map.size >= 100_000) map.clear();
      e = this.resolve(c);
      map.set(key, e);
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
      return { table: this.compiled(r.table), flat: r.flatCompensation, rejected: false };
    } catch {
      return { table: null, flat: false, rejected: true };
    }
  }
}

const engines = new WeakMap<RateBook, FastInterest>();

function engineOf(book: RateBook): FastInterest {
  let engine = engines.get(book);
  if (!engine) {
    engine = new FastInterest(book);
    engines.set(book, engine);
  }
  return engine;
}

/** The totals of `computeStatement(book, c)` by the fast path (one engine, with its caches, per book). */
export function fastTotals(book: RateBook, c: InterestCase): InterestTotals {
  return engineOf(book).totals(c);
}

/** `FastInterest.split` on the book's engine. */
export const fastSplit = (book: RateBook, c: InterestCase): ReturnType<FastInterest['split']> => engineOf(book).split(c);

/** `FastInterest.lastRateDay` on the book's engine. */
export const fastLastRateDay = (book: RateBook, c: InterestCase): string | null | undefined => engineOf(book).lastRateDay(c);
