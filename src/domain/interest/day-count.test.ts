import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { accrualParts, epochDay, isLeap } from './day-count.ts';

/** The conventions as Temporal counts them (the former implementation), the oracle for the plain arithmetic. */
function oracle(first: Temporal.PlainDate, last: Temporal.PlainDate, dayCount: string): { days: number; divisor: number }[] {
  const before = first.subtract({ days: 1 });
  if (dayCount === 'act365') return [{ days: before.until(last).days, divisor: 365 }];
  if (dayCount === 'act360') return [{ days: before.until(last).days, divisor: 360 }];
  if (dayCount === '30e360') {
    return [{ days: 360 * (last.year - before.year) + 30 * (last.month - before.month) + (Math.min(last.day, 30) - Math.min(before.day, 30)), divisor: 360 }];
  }
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

describe('day counts by plain arithmetic', () => {
  it('epochDay is the day number Temporal gives, across centuries and leap days', () => {
    const epoch = Temporal.PlainDate.from('1970-01-01');
    for (const iso of ['1900-02-28', '1900-03-01', '1970-01-01', '2000-02-29', '2000-03-01', '2024-12-31', '2100-03-01', '2199-12-31']) {
      const d = Temporal.PlainDate.from(iso);
      expect(epochDay(d.year, d.month, d.day), iso).toBe(epoch.until(d).days);
    }
  });

  it('accrualParts equals the Temporal count on 2,000 seeded periods of every convention', () => {
    let seed = 20261206;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const base = Temporal.PlainDate.from('1995-01-01');
    for (let i = 0; i < 2000; i++) {
      const first = base.add({ days: Math.floor(rnd() * 12000) });
      // Periods from one day to ~6 years, with month ends and 1sts well represented.
      const last = rnd() < 0.2 ? first.with({ day: first.daysInMonth }) : first.add({ days: Math.floor(rnd() * 2200) });
      for (const dc of ['act365', 'act360', '30e360', 'act366'] as const) {
        expect(accrualParts(first, last, dc), `${dc} ${first}→${last}`).toEqual(oracle(first, last, dc));
      }
    }
  });
});
