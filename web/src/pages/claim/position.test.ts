import { describe, expect, it } from 'vitest';
import type { ClaimDetail } from '../../api/types';
import { componentStatementRows, decimalIn, groupNoticeCode, mayHaveRavvedimento } from './position';

const balance = (over: Partial<ClaimDetail['balance']> = {}): ClaimDetail['balance'] => ({
  asOf: '2025-06-30',
  regime: 'it-legal',
  regimeIsDefault: true,
  interest: '0.00',
  interestDue: '0.00',
  costs: '0.00',
  costsDue: '0.00',
  principalDue: '0.00',
  totalDue: '0.00',
  ratesKnownUntil: null,
  problem: null,
  ...over,
});
const component = (kind: string, amount: string, paid = '0.00', waived = '0.00', due = amount, tributeCode: string | null = null) => ({
  id: `id-${kind}`,
  position: 0,
  kind,
  amount,
  accruesInterest: kind === 'tax',
  paid,
  waived,
  due,
  tributeCode,
});

describe('a comune position page', () => {
  it('prints a notice code in groups of four', () => {
    expect(groupNoticeCode('312000000000004260')).toBe('3120 0000 0000 0042 60');
    expect(groupNoticeCode('3120 0000 0000 0042 60')).toBe('3120 0000 0000 0042 60');
  });

  it('writes decimals with the language’s sign, digits unchanged', () => {
    expect(decimalIn('it')('1.25')).toBe('1,25');
    expect(decimalIn('en')('1.25')).toBe('1.25');
  });

  it('lists each component, then the accrued interest and other costs of the balance, paid = amount − due', () => {
    const components = [component('tax', '1000.00', '400.00', '0.00', '600.00', '3918'), component('sanctions', '300.00', '0.00', '100.00', '200.00', '3924')];
    const b = balance({ interest: '85.50', interestDue: '10.25', costs: '40.00', costsDue: '40.00' });
    expect(componentStatementRows(components, b).map((r) => [r.kind, r.tributeCode, r.amount, r.paid, r.waived, r.due])).toEqual([
      ['tax', '3918', '1000.00', '400.00', '0.00', '600.00'],
      ['sanctions', '3924', '300.00', '0.00', '100.00', '200.00'],
      ['accrued_interest', null, '85.50', '75.25', null, '10.25'],
      ['other_costs', null, '40.00', '0.00', null, '40.00'],
    ]);
  });

  it('leaves out accrued interest and other costs when there are none', () => {
    expect(componentStatementRows([component('tax', '120.00', '120.00', '0.00', '0.00')], balance()).map((r) => r.kind)).toEqual(['tax']);
  });

  it('offers the ravvedimento comparison for IMU and TARI with no act or a reminder only', () => {
    expect(mayHaveRavvedimento({ kind: 'imu', act: null })).toBe(true);
    expect(mayHaveRavvedimento({ kind: 'tari', act: { kind: 'bonario', number: null, date: null, notifiedOn: null, enforceableOn: null } })).toBe(true);
    expect(mayHaveRavvedimento({ kind: 'imu', act: { kind: 'accertamento_esecutivo', number: null, date: null, notifiedOn: null, enforceableOn: null } })).toBe(false);
    expect(mayHaveRavvedimento({ kind: 'cup', act: null })).toBe(false);
  });
});
