import { describe, expect, it } from 'vitest';
import { allocateToComponents } from '../allocation.ts';
import { book } from '../interest/test-book.ts';
import { assessmentEstimate } from './sanctions.ts';
import { allocateByRegulation, DEFAULT_REVENUE_RULES, validateRevenueRules } from './revenue-rules.ts';

describe('a comune’s revenue rules', () => {
  it('ships defaults that pass their own schema and drive the estimates (§6.7 with +1 point)', () => {
    const v = validateRevenueRules(DEFAULT_REVENUE_RULES);
    expect(v).toEqual({ ok: true, rules: DEFAULT_REVENUE_RULES });
    expect(DEFAULT_REVENUE_RULES).toMatchObject({ interestPoints: '0', dayCount: 'act365', cdsSemesterSurcharge: false });
    const withPoint = validateRevenueRules({ interestPoints: '1' });
    expect(withPoint.ok).toBe(true);
    if (!withPoint.ok) return;
    expect(assessmentEstimate(withPoint.rules, book, { tax: '1000.00', dueDate: '2022-12-16', asOf: '2025-06-30' }).interest).toBe('110.90');
  });
  it('refuses points above 3, repeated parts, an empty order and overlapping sanction regimes, with coded reasons', () => {
    const problems = (input: unknown) => {
      const v = validateRevenueRules(input);
      return v.ok ? [] : v.problems.map((p) => [p.path, p.messageCode]);
    };
    expect(problems({ interestPoints: '3.5' })).toEqual([['interestPoints', 'municipal.points_range']]);
    expect(problems({ allocationOrder: ['tax', 'sanctions', 'tax'] })).toEqual([['allocationOrder', 'municipal.allocation_repeated']]);
    expect(problems({ allocationOrder: [] })).toEqual([['allocationOrder', 'municipal.allocation_empty']]);
    expect(problems({ allocationOrder: ['tax', 'interest'] })[0]?.[0]).toBe('allocationOrder.1');
    const [old, current] = DEFAULT_REVENUE_RULES.sanctions.regimes;
    expect(problems({ sanctions: { regimes: [{ ...old, to: '2024-09-01' }, current] } })).toEqual([['sanctions.regimes.0', 'municipal.sanction_regimes_order']]);
    expect(problems({ cdsSemesterSurcharge: 'yes' })[0]?.[0]).toBe('cdsSemesterSurcharge');
    expect(problems({ collectionCharges: { ...DEFAULT_REVENUE_RULES.collectionCharges, early: { rate: '3', cap: '300,00' } } })).toEqual([
      ['collectionCharges.early.cap', 'money.comma'],
    ]);
    expect(problems({ unknown: 1 })[0]?.[1]).toBe('field.unknown');
  });
  it('normalises cap amounts to two decimals', () => {
    const v = validateRevenueRules({ collectionCharges: { ...DEFAULT_REVENUE_RULES.collectionCharges, late: { rate: '6', cap: '600' } } });
    expect(v.ok && v.rules.collectionCharges.late.cap).toBe('600.00');
  });
});

describe('allocation of a payment over a position’s parts', () => {
  const position = [
    { kind: 'tax', due: '1000.00' },
    { kind: 'sanctions', due: '300.00' },
    { kind: 'act_interest', due: '85.50' },
    { kind: 'notification_costs', due: '9.50' },
    { kind: 'collection_charges', due: '41.57' },
  ] as const;
  it('by default: costs and charges, then interest, then sanctions, then tax; the rest unallocated', () => {
    expect(allocateByRegulation(DEFAULT_REVENUE_RULES, position, '200.00')).toEqual({
      shares: ['0.00', '63.43', '85.50', '9.50', '41.57'],
      unallocated: '0.00',
    });
    expect(allocateByRegulation(DEFAULT_REVENUE_RULES, position, '1500.00')).toEqual({
      shares: ['1000.00', '300.00', '85.50', '9.50', '41.57'],
      unallocated: '63.43',
    });
  });
  it('follows a regulation’s own order; kinds it does not name come last, in the order given', () => {
    expect(allocateByRegulation({ allocationOrder: ['tax'] }, position, '1050.00')).toEqual({
      shares: ['1000.00', '50.00', '0.00', '0.00', '0.00'],
      unallocated: '0.00',
    });
    expect(allocateToComponents(['b'], [{ kind: 'a', due: '5' }, { kind: 'b', due: '5' }, { kind: 'a', due: '5' }], '12')).toEqual({
      shares: ['5.00', '5.00', '2.00'],
      unallocated: '0.00',
    });
  });
  it('skips parts already settled', () => {
    expect(allocateToComponents(['a', 'b'], [{ kind: 'a', due: '0.00' }, { kind: 'b', due: '3.00' }], '1.00')).toEqual({
      shares: ['0.00', '1.00'],
      unallocated: '0.00',
    });
  });
});
