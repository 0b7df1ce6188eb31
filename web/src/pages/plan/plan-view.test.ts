import { describe, expect, it } from 'vitest';
import { groupPositions, plannablePositions, moneyMinus, moneySum, nextInstalment, paymentsExportUrl, planActions, planDocumentUrl, planResidual, remindable, type PlanLike } from './plan-view';

const inst = (number: number, amount: string, paid: string, state: string, remindedOn: string | null = null) => ({ number, dueOn: `2026-0${number}-28`, amount, paid, state, remindedOn });
const plan = (over: Partial<PlanLike> = {}): PlanLike => ({
  state: 'active',
  total: '1000.01',
  paid: '400.00',
  extensionUsed: false,
  instalments: [inst(1, '333.33', '333.33', 'paid', '2026-01-20'), inst(2, '333.33', '66.67', 'late', '2026-02-20'), inst(3, '333.35', '0.00', 'due')],
  ...over,
});

describe('exact money on strings', () => {
  it('subtracts and sums in cents, never through a float', () => {
    expect(moneyMinus('0.30', '0.10')).toBe('0.20');
    expect(moneyMinus('100', '33.34')).toBe('66.66');
    expect(moneyMinus('5.5', '10')).toBe('-4.50');
    expect(moneyMinus('999999999999.99', '0.01')).toBe('999999999999.98');
    expect(moneySum(['0.10', '0.20', '0.01'])).toBe('0.31');
    expect(moneySum([])).toBe('0.00');
    expect(() => moneyMinus('1e3', '1')).toThrow(RangeError);
  });
});

describe('a plan as shown', () => {
  it('residual and the next instalment with what is left of it', () => {
    expect(planResidual(plan())).toBe('600.01');
    expect(planResidual({ total: '10.00', paid: '12.00' })).toBe('0.00');
    expect(nextInstalment(plan())).toEqual({ number: 2, dueOn: '2026-02-28', left: '266.66' });
    expect(nextInstalment(plan({ state: 'lapsed' }))).toBeNull();
    expect(nextInstalment(plan({ instalments: [inst(1, '1.00', '1.00', 'paid')] }))).toBeNull();
  });

  it('offers the actions the role and the state allow', () => {
    const both = { approve: true, work: true };
    expect(planActions({ state: 'proposed', extensionUsed: false }, both)).toEqual(['approve', 'reject', 'cancel']);
    expect(planActions({ state: 'proposed', extensionUsed: false }, { approve: false, work: true })).toEqual(['cancel']);
    expect(planActions({ state: 'active', extensionUsed: false }, both)).toEqual(['cancel', 'extend', 'remind']);
    expect(planActions({ state: 'active', extensionUsed: true }, both)).toEqual(['cancel', 'remind']);
    expect(planActions({ state: 'active', extensionUsed: false }, { approve: false, work: true })).toEqual(['cancel', 'remind']);
    expect(planActions({ state: 'active', extensionUsed: false }, { approve: false, work: false })).toEqual([]);
    for (const state of ['lapsed', 'paid', 'cancelled', 'rejected']) expect(planActions({ state, extensionUsed: false }, both)).toEqual([]);
  });

  it('a reminder only for instalments not paid and not reminded yet', () => {
    expect(remindable(plan())).toEqual([3]);
  });

  it('links the document in the UI language', () => {
    expect(planDocumentUrl('a1', 'de')).toBe('/api/plans/a1/document?lang=de');
  });
});

describe('positions for a plan', () => {
  it('groups by creditor and currency, with exact totals', () => {
    const p = (id: string, creditorKey: string, currency: string, totalDue: string) => ({ id, externalRef: id.toUpperCase(), creditorKey, creditorName: `Cred ${creditorKey}`, currency, totalDue });
    const groups = groupPositions([p('a', 'k1', 'EUR', '0.10'), p('b', 'k2', 'EUR', '5.00'), p('c', 'k1', 'EUR', '0.20'), p('d', 'k1', 'CHF', '1.00')]);
    expect(groups.map((g) => [g.key, g.creditorName, g.positions.map((x) => x.id), g.total])).toEqual([
      ['k1|EUR', 'Cred k1', ['a', 'c'], '0.30'],
      ['k2|EUR', 'Cred k2', ['b'], '5.00'],
      ['k1|CHF', 'Cred k1', ['d'], '1.00'],
    ]);
  });
});

describe('plannable positions', () => {
  it('keeps claims in a plannable status with something owed', () => {
    const c = (id: string, status: string, totalDue: string) => ({ id, externalRef: id, creditorId: 'k', creditorName: 'K', currency: 'EUR', totalDue, status });
    const out = plannablePositions([c('a', 'open', '10.00'), c('b', 'in_plan', '10.00'), c('c', 'partially_paid', '0.01'), c('d', 'in_collection', '0.00'), c('e', 'paid', '0.00'), c('f', 'disputed', '5.00')]);
    expect(out.map((p) => p.id)).toEqual(['a', 'c']);
    expect(out[0]).toEqual({ id: 'a', externalRef: 'a', creditorKey: 'k', creditorName: 'K', currency: 'EUR', totalDue: '10.00' });
  });
});

describe('the payments export link', () => {
  it('carries the list filters that are set, and the language', () => {
    expect(paymentsExportUrl({ q: ' Rossi ', from: '2026-01-01', to: '', method: 'cash', reversed: 'false', source: 'pagopa' }, 'fr')).toBe(
      '/api/payments/export.csv?q=Rossi&from=2026-01-01&method=cash&reversed=false&source=pagopa&lang=fr',
    );
    expect(paymentsExportUrl({}, 'it')).toBe('/api/payments/export.csv?lang=it');
  });
});
