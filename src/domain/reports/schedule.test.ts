import { describe, expect, it } from 'vitest';
import { firstRunAfter, nextRunAfter, periodOf } from './schedule.ts';

describe('scheduled report periods', () => {
  it('a weekly report is made on Monday for the week just ended', () => {
    // 2026-12-06 is a Sunday; 2026-12-07 a Monday.
    expect(firstRunAfter('weekly', '2026-12-06')).toBe('2026-12-07');
    expect(firstRunAfter('weekly', '2026-12-07')).toBe('2026-12-14');
    expect(periodOf('weekly', '2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // made late (the job was down on Monday): still the week before the Monday it was due
    expect(periodOf('weekly', '2026-12-09')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(nextRunAfter('weekly', '2026-12-07')).toBe('2026-12-14');
  });

  it('a monthly report is made on the 1st for the month just ended, across years and short months', () => {
    expect(firstRunAfter('monthly', '2026-12-06')).toBe('2027-01-01');
    expect(firstRunAfter('monthly', '2026-12-01')).toBe('2027-01-01');
    expect(periodOf('monthly', '2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('monthly', '2027-03-01')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(periodOf('monthly', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(nextRunAfter('monthly', '2027-01-01')).toBe('2027-02-01');
  });
});
