import { Temporal } from 'temporal-polyfill';
import { DAY_COUNTS } from '../model.ts';

/**
 * Day-count conventions. Interest accrues on the days after the start date up to and including the
 * end date (dies a quo non computatur), so a period is given by its first and last accruing day.
 * - act365: actual days / 365, also in leap years (the Italian reference calculators' I = C·S·N/36500)
 * - act366: actual days / 366 for the days that fall in a leap year, / 365 otherwise
 * - act360: actual days / 360
 * - 30e360: 30E/360 (every month 30 days, the 31st counts as the 30th) / 360 — German and Swiss practice
 */
export { DAY_COUNTS };
export type DayCount = (typeof DAY_COUNTS)[number];

export const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** 30E/360 days between two dates (start excluded, end included). */
export function days30e360(start: Temporal.PlainDate, end: Temporal.PlainDate): number {
  const d1 = Math.min(start.day, 30);
  const d2 = Math.min(end.day, 30);
  return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1);
}

/**
 * The accrual fractions of a period [first, last] (both accruing days): one entry per divisor, since
 * act366 divides the days of a leap year by 366 and the others by 365.
 */
export function accrualParts(
  first: Temporal.PlainDate,
  last: Temporal.PlainDate,
  dayCount: DayCount,
): { days: number; divisor: number }[] {
  // Plain day arithmetic: this is the engine's innermost loop, and Temporal's until/subtract are slow.
  const a = epochDay(first.year, first.month, first.day);
  const b = epochDay(last.year, last.month, last.day);
  switch (dayCount) {
    case 'act365':
      return [{ days: b - a + 1, divisor: 365 }];
    case 'act360':
      return [{ days: b - a + 1, divisor: 360 }];
    case '30e360': {
      // From the day before the first accruing day (start excluded).
      const [y, m, d] = first.day > 1 ? [first.year, first.month, first.day - 1] : first.month > 1 ? [first.year, first.month - 1, monthDays(first.year, first.month - 1)] : [first.year - 1, 12, 31];
      return [{ days: 360 * (last.year - y) + 30 * (last.month - m) + (Math.min(last.day, 30) - Math.min(d, 30)), divisor: 360 }];
    }
    case 'act366': {
      const parts: { days: number; divisor: number }[] = [];
      for (let year = first.year, from = a; from <= b; year++) {
        const to = Math.min(epochDay(year, 12, 31), b);
        parts.push({ days: to - from + 1, divisor: isLeap(year) ? 366 : 365 });
        from = to + 1;
      }
      return parts;
    }
  }
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const monthDays = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The number of days a period counts under the convention (what a statement shows). */
export function periodDays(first: Temporal.PlainDate, last: Temporal.PlainDate, dayCount: DayCount): number {
  return accrualParts(first, last, dayCount).reduce((n, p) => n + p.days, 0);
}
