import { describe, expect, it } from 'vitest';
import { ageing, averageDays, collectionRate, countPercent, monthsBetween, percent, stairStep } from './kpis.ts';

describe('portal KPIs', () => {
  it('rates are exact percentages with two decimals, null on nothing to divide by', () => {
    expect(percent('1', '3')).toBe('33.33');
    expect(percent('2', '3')).toBe('66.67');
    expect(percent('0.005', '1')).toBe('0.50');
    expect(percent('5', '0')).toBeNull();
    expect(countPercent(1, 8)).toBe('12.50');
    expect(countPercent(0, 0)).toBeNull();
    // Collected 250 of a carico of 1000 with 200 annulled: 250 ÷ 800.
    expect(collectionRate({ loaded: '1000.00', annulled: '200.00', collected: '250.00' })).toBe('31.25');
    expect(averageDays(100, 3)).toBe('33.3');
    expect(averageDays(0, 0)).toBeNull();
  });

  it('the stair-step accumulates collected by months since placement up to the current month', () => {
    expect(monthsBetween('2025-11-01', '2026-02-01')).toBe(3);
    const rows = stairStep(
      [
        { placedMonth: '2026-01-01', loaded: '1000.00' },
        { placedMonth: '2026-02-01', loaded: '300.00' },
        { placedMonth: '2026-01-01', loaded: '1000.00' },
      ],
      [
        { placedMonth: '2026-01-01', paidMonth: '2026-01-01', amount: '100.00' },
        { placedMonth: '2026-01-01', paidMonth: '2026-03-01', amount: '300.00' },
        { placedMonth: '2026-01-01', paidMonth: '2026-03-01', amount: '-50.00' },
        { placedMonth: '2026-02-01', paidMonth: '2026-02-01', amount: '100.00' },
      ],
      '2026-03-01',
    );
    expect(rows).toEqual([
      {
        placedMonth: '2026-01-01',
        loaded: '2000.00',
        steps: [
          { k: 0, month: '2026-01-01', collected: '100.00', rate: '5.00' },
          { k: 1, month: '2026-02-01', collected: '100.00', rate: '5.00' },
          { k: 2, month: '2026-03-01', collected: '350.00', rate: '17.50' },
        ],
      },
      {
        placedMonth: '2026-02-01',
        loaded: '300.00',
        steps: [
          { k: 0, month: '2026-02-01', collected: '100.00', rate: '33.33' },
          { k: 1, month: '2026-03-01', collected: '100.00', rate: '33.33' },
        ],
      },
    ]);
  });

  it('ageing puts the open residual in buckets by days past due; DSO weighs days by amount', () => {
    const { buckets, dso } = ageing(
      [
        { dueDate: '2026-12-31', claims: 1, residual: '100.00' }, // not due
        { dueDate: '2026-12-06', claims: 1, residual: '50.00' }, // due today: 0 days
        { dueDate: '2026-11-06', claims: 2, residual: '200.00' }, // 30 days
        { dueDate: '2026-11-05', claims: 1, residual: '10.00' }, // 31 days
        { dueDate: '2025-12-06', claims: 1, residual: '40.00' }, // 365 days
        { dueDate: '2025-12-05', claims: 1, residual: '1.00' }, // 366 days
      ],
      '2026-12-06',
    );
    expect(buckets.map((b) => [b.key, b.claims, b.residual, b.dueFrom, b.dueTo])).toEqual([
      ['not_due', 2, '150.00', '2026-12-06', null],
      ['1_30', 2, '200.00', '2026-11-06', '2026-12-05'],
      ['31_60', 1, '10.00', '2026-10-07', '2026-11-05'],
      ['61_90', 0, '0.00', '2026-09-07', '2026-10-06'],
      ['91_180', 0, '0.00', '2026-06-09', '2026-09-06'],
      ['181_365', 1, '40.00', '2025-12-06', '2026-06-08'],
      ['over_365', 1, '1.00', null, '2025-12-05'],
    ]);
    // (200 × 30 + 10 × 31 + 40 × 365 + 1 × 366) ÷ 401 = 21276 ÷ 401 = 53.057…
    expect(dso).toBe('53.1');
    expect(ageing([], '2026-12-06').dso).toBeNull();
  });
});
