import { Temporal } from 'temporal-polyfill';
import { dateParam, msg, translate, type Message } from './messages/index.ts';

export { Temporal };
export type PlainDate = Temporal.PlainDate;

/** Calendar dates incasso accepts: anything outside is a typo (0202 for 2020) rather than a real date. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2199-12-31';

/** Why an ISO date string is not a real, plausible calendar date, or null. */
export function dateIssue(raw: string): Message | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return msg('date.format');
  try {
    plainDateOf(raw);
  } catch {
    return msg('date.not_in_calendar', { date: raw });
  }
  if (raw < MIN_DATE || raw > MAX_DATE) return msg('date.out_of_range', { min: dateParam(MIN_DATE), max: dateParam(MAX_DATE) });
  return null;
}

/**
 * The calendar date of a valid ISO string (YYYY-MM-DD), parsed once: PlainDates are immutable, and the
 * interest engine and the checks of a bank file ask for the same few thousand dates again and again
 * (parsing was ~5 % of a statement import's CPU, bench/bank). Throws on an impossible date.
 */
export function plainDateOf(iso: string): PlainDate {
  let d = plainDates.get(iso);
  if (d === undefined) {
    d = Temporal.PlainDate.from(iso, { overflow: 'reject' });
    if (plainDates.size >= 20_000) plainDates.clear();
    plainDates.set(iso, d);
  }
  return d;
}
const plainDates = new Map<string, PlainDate>();

/** `dateIssue` as Italian text. */
export function dateProblem(raw: string): string | null {
  const m = dateIssue(raw);
  return m && translate(m, 'it');
}

export function parseDate(raw: string): PlainDate {
  const problem = dateProblem(raw);
  if (problem) throw new RangeError(problem);
  return plainDateOf(raw);
}

/** Today's calendar date where incasso's users are (Europe/Rome unless told otherwise). */
export function today(timeZone = 'Europe/Rome', now: Temporal.Instant = nowInstant()): PlainDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate();
}

/**
 * How far back a payment's value date may go: 20 years before today. Books and receipts are kept ten
 * years (art. 2220 c.c., art. 958f CO) and ordinary limitation is ten years (art. 2946 c.c., art. 127
 * CO); twice that leaves room for old portfolios with their payment history, while a typo such as
 * 1900-01-01 or 0202 for 2020 is refused.
 */
export const PAYMENT_HISTORY_YEARS = 20;

export function oldestPlausibleValueDate(todayIso: string): string {
  return Temporal.PlainDate.from(todayIso).subtract({ years: PAYMENT_HISTORY_YEARS }).toString();
}

export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/**
 * How far the process's clock is moved from the real one, in milliseconds: 0 in a real installation.
 * INCASSO_CLOCK (demos and browser tests: a plan's instalments falling due, a Monday morning at the
 * desk) moves it once at start-up (src/clock.ts `applyClock`), so "today" is that day everywhere —
 * use cases, jobs, the CLI — and flows on from there.
 */
let clockOffsetMs = 0;

/** Sets the process clock's offset from the real time (src/clock.ts; never in a real installation). */
export function moveProcessClock(offsetMs: number): void {
  clockOffsetMs = offsetMs;
}

/** Now, on the process clock. */
export function nowInstant(): Temporal.Instant {
  return clockOffsetMs === 0 ? Temporal.Now.instant() : Temporal.Instant.fromEpochMilliseconds(Date.now() + clockOffsetMs);
}
