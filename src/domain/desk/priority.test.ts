import { describe, expect, it } from 'vitest';
import { daysBetween } from '../dates.ts';
import { money } from '../money.ts';
import { DEFAULT_PRIORITY_WEIGHTS, deskPriority } from './priority.ts';

/*
 * The priority is computed for every debtor of a queue at each fill (250,000 in bench/desk): it takes
 * the logarithm as a float and the days by day numbers. Its score must stay the one the exact
 * computation (decimal logarithm, Temporal days) gives.
 */
describe('deskPriority at scale', () => {
  const exact = (owed: string, oldest: string, today: string) => {
    const w = DEFAULT_PRIORITY_WEIGHTS;
    const magnitude = Math.min(9, Math.max(0, money(owed).log(10).toDecimalPlaces(3).toNumber()));
    const age = Math.min(730, Math.max(0, daysBetween(oldest, today)));
    return Math.round(w.amount * magnitude) + Math.round((w.age * age) / 30) + w.neverWorked;
  };

  it('scores as the exact decimal and calendar computation does, over amounts and dates across years', () => {
    const days = ['2019-02-28', '2020-02-29', '2020-03-01', '2023-12-31', '2024-06-15', '2026-01-01', '2026-12-15'];
    for (let i = 0; i < 4000; i++) {
      const owed = ((i * 7919) % 9_999_999) / 100 + 0.01;
      const amount = owed.toFixed(2);
      const oldest = days[i % days.length]!;
      expect(deskPriority({ today: '2026-12-15', owed: amount, oldestDueOn: oldest, timeBarOn: null, brokenPromiseOn: null, worked: false }).score).toBe(exact(amount, oldest, '2026-12-15'));
    }
    for (const amount of ['1.00', '10.00', '100.00', '1000.00', '10000.00', '99999.99', '0.01']) {
      expect(deskPriority({ today: '2026-12-15', owed: amount, oldestDueOn: '2026-12-15', timeBarOn: null, brokenPromiseOn: null, worked: false }).score).toBe(exact(amount, '2026-12-15', '2026-12-15'));
    }
  });

  it('counts days across a leap day and a change of year as the calendar does', () => {
    const at = (oldest: string, today: string) => deskPriority({ today, owed: '0', oldestDueOn: oldest, timeBarOn: null, brokenPromiseOn: null, worked: true }).score;
    expect(at('2024-02-28', '2024-03-29')).toBe(Math.round((20 * 30) / 30));
    expect(at('2023-12-17', '2024-01-16')).toBe(20);
    expect(at('2026-12-16', '2026-12-15')).toBe(0);
  });
});
