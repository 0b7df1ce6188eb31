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
  const before = first.subtract({ days: 1 });
  switch (dayCount) {
    case 'act365':
      return [{ days: before.until(last).days, divisor: 365 }];
    case 'act360':
      return [{ days: before.until(last).days, divisor: 360 }];
    case '30e360':
      return [{ days: days30e360(before, last), divisor: 360 }];
    case 'act366': {
      const parts: { days: number; divisor: number }[] = [];
      let from = first;
      while (Temporal.PlainDate.compare(from, last) <= 0) {
        const yearEnd = Temporal.PlainDate.from({ year: from.year, month: 12, day: 31 });
        const to = Temporal.PlainDate.compare(yearEnd, last) < 0 ? yearEnd : last;
        parts.push({ days: from.subtract({ days: 1 }).until(to).days, divisor: isLeap(from.year) ? 366 : 365 });
        from = to.add({ days: 1 });
      }
      return parts;
    }
  }
}

/** The number of days a period counts under the convention (what a statement shows). */
export function periodDays(first: Temporal.PlainDate, last: Temporal.PlainDate, dayCount: DayCount): number {
  return accrualParts(first, last, dayCount).reduce((n, p) => n + p.days, 0);
}
