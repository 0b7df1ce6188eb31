import { describe, expect, it } from 'vitest';
import { calculateStatement, type PositionShare, type TermsVersion } from './calculate.ts';
import { defaultTerms, termsProblems, type MandateTerms } from './terms.ts';

const base: MandateTerms = { ...defaultTerms('8.5', 'company'), agencyComponents: ['notification_costs'], remittance: 'net', paymentsReceivedBy: 'agency' };
// v1 from 1 Jan: TARI 10 % (min 5.00, max 50.00 per position), else 8.5 %; cap 100.00; €2 per position, €1.50 per contact.
const v1: TermsVersion = {
  id: 'v1',
  effectiveFrom: '2026-01-01',
  terms: { ...base, rules: [{ claimKinds: ['tari'], percent: '10', minPerPosition: '5.00', maxPerPosition: '50.00' }, { percent: '8.5' }], capPerStatement: '100.00', feePerPosition: '2.00', feePerContact: '1.50' },
};
// v2 from 16 Nov: 12 % on everything, cap 100.00, €3 per position, €1.50 per contact, VAT 22 %.
const v2: TermsVersion = { id: 'v2', effectiveFrom: '2026-11-16', terms: { ...base, rules: [{ percent: '12' }], capPerStatement: '100.00', feePerPosition: '3.00', feePerContact: '1.50' } };

const share = (paymentId: string, claimId: string, claimKind: PositionShare['claimKind'], valueDate: string, parts: PositionShare['parts']): PositionShare => ({
  paymentId,
  claimId,
  claimKind,
  claimDueDate: '2026-01-31',
  claimPrincipal: '1000.00',
  valueDate,
  parts,
});

describe('calculateStatement: November 2026, a terms change on the 16th and a reversal', () => {
  const payments = [
    // P1 3 Nov, TARI A, tax 30.00: v1 10 % = 3.00 → minimum 5.00
    share('P1', 'A', 'tari', '2026-11-03', [{ component: 'tax', amount: '30.00' }]),
    // P2 10 Nov, invoice B: base 400.00 + 12.34 = 412.34 × 8.5 % = 35.0489 → 35.05; notification costs 8.75 the agency's (reimbursed)
    share('P2', 'B', 'invoice', '2026-11-10', [
      { component: 'principal', amount: '400.00' },
      { component: 'interest', amount: '12.34' },
      { component: 'notification_costs', amount: '8.75' },
    ]),
    // P3 12 Nov, TARI C, 600.00 × 10 % = 60.00 → maximum 50.00
    share('P3', 'C', 'tari', '2026-11-12', [{ component: 'principal', amount: '600.00' }]),
    // P4 20 Nov (v2), invoice B, 250.55 × 12 % = 30.066 → 30.07
    share('P4', 'B', 'invoice', '2026-11-20', [{ component: 'principal', amount: '250.55' }]),
  ];
  // P0 paid 5 Oct on D, charged 8.50 on 100.00 in October's statement, reversed 25 Nov: −100.00 / −8.50
  const reversals = [{ ...share('P0', 'D', 'invoice', '2026-10-05', [{ component: 'principal' as const, amount: '100.00' }]), reversedOn: '2026-11-25', charged: { collected: '100.00', base: '100.00', percent: '8.5', commission: '8.50', reimbursed: '0.00', termsId: 'v1' } }];

  it('equals the hand calculation to the cent (net remittance)', () => {
    const { lines, totals } = calculateStatement({ versions: [v1, v2], periodTo: '2026-11-30', payments, reversals, contacts: 4 });
    expect(lines.map((l) => [l.paymentId, l.commission, l.termsId])).toEqual([
      ['P1', '5.00', 'v1'],
      ['P2', '35.05', 'v1'],
      ['P3', '50.00', 'v1'],
      ['P4', '30.07', 'v2'],
      ['P0', '-8.50', 'v1'],
    ]);
    // lines 5.00 + 35.05 + 50.00 + 30.07 − 8.50 = 111.62; cap 100.00 → −11.62
    // fixed fees (v2, in force on 30 Nov): positions A, B, C = 3 × 3.00 = 9.00; contacts 4 × 1.50 = 6.00
    // fees 100.00 + 9.00 + 6.00 = 115.00; VAT 22 % = 25.30; reimbursed 8.75; due 149.05
    // collected 30.00 + 421.09 + 600.00 + 250.55 − 100.00 = 1201.64; net: remit 1201.64 − 149.05 = 1052.59
    expect(totals).toMatchObject({
      collected: '1201.64',
      commissionLines: '111.62',
      capAdjustment: '-11.62',
      commission: '100.00',
      positions: 3,
      positionFees: '9.00',
      contactFees: '6.00',
      fees: '115.00',
      vat: '25.30',
      reimbursed: '8.75',
      dueToAgency: '149.05',
      toRemit: '1052.59',
      toInvoice: '0.00',
    });
  });

  it('gross, paid to the creditor: nothing to remit, the due is invoiced', () => {
    const g = (v: TermsVersion): TermsVersion => ({ ...v, terms: { ...v.terms, remittance: 'gross', paymentsReceivedBy: 'creditor' } });
    const { totals } = calculateStatement({ versions: [g(v1), g(v2)], periodTo: '2026-11-30', payments, reversals, contacts: 4 });
    expect(totals).toMatchObject({ toRemit: '0.00', toInvoice: '149.05', vat: '25.30' });
  });

  it('a payment reported as paid to the creditor directly: commissioned as any other, listed apart, never remitted', () => {
    // P5 24 Nov (v2), invoice F, paid to the creditor directly: 200.00 × 12 % = 24.00 — the commission lines become 135.62, still capped at 100.00.
    const direct = { ...share('P5', 'F', 'invoice', '2026-11-24', [{ component: 'principal', amount: '200.00' }]), paidToCreditor: true };
    const { lines, totals } = calculateStatement({ versions: [v1, v2], periodTo: '2026-11-30', payments: [...payments, direct], reversals, contacts: 4 });
    expect(lines.map((l) => [l.paymentId, l.commission, l.paidToCreditor])).toEqual([
      ['P1', '5.00', false],
      ['P2', '35.05', false],
      ['P3', '50.00', false],
      ['P4', '30.07', false],
      ['P5', '24.00', true],
      ['P0', '-8.50', false],
    ]);
    // collected 1201.64 + 200.00 = 1401.64, of which 200.00 to the creditor; positions A, B, C, F = 4 × 3.00 = 12.00
    // fees 100.00 + 12.00 + 6.00 = 118.00; VAT 25.96; reimbursed 8.75; due 152.71
    // net: the agency holds 1401.64 − 200.00 = 1201.64 and remits 1201.64 − 152.71 = 1048.93
    expect(totals).toMatchObject({ collected: '1401.64', collectedByCreditor: '200.00', commission: '100.00', positionFees: '12.00', vat: '25.96', dueToAgency: '152.71', toRemit: '1048.93', toInvoice: '0.00' });
    // Gross: the agency remits only what it holds, and invoices its fees on both.
    const g = (v: TermsVersion): TermsVersion => ({ ...v, terms: { ...v.terms, remittance: 'gross' } });
    const gross = calculateStatement({ versions: [g(v1), g(v2)], periodTo: '2026-11-30', payments: [...payments, direct], reversals, contacts: 4 }).totals;
    expect(gross).toMatchObject({ toRemit: '1201.64', toInvoice: '152.71' });
  });

  it('a reversal never charged is credited at the terms of its value date; no terms: unpriced', () => {
    const { lines } = calculateStatement({ versions: [v1, v2], periodTo: '2026-11-30', payments: [share('X', 'E', 'invoice', '2025-12-01', [{ component: 'principal', amount: '10.00' }])], reversals: [{ ...reversals[0]!, charged: null }], contacts: 0 });
    expect(lines.map((l) => [l.commission, l.unpriced])).toEqual([
      ['0.00', 'no_terms'],
      ['-8.50', null],
    ]);
  });

  it('a rule by revenue and tax year, age band and amount band picks the position it names', () => {
    const t: MandateTerms = {
      ...base,
      rules: [
        { claimKinds: ['imu'], taxYears: [2021], percent: '15' },
        { minAgeDays: 365, percent: '20' },
        { minAmount: '5000.00', percent: '5' },
        { percent: '9' },
      ],
    };
    const v: TermsVersion = { id: 'v', effectiveFrom: '2026-01-01', terms: t };
    const one = (over: Partial<PositionShare>) =>
      calculateStatement({ versions: [v], periodTo: '2026-11-30', payments: [{ ...share('P', 'A', 'imu', '2026-11-03', [{ component: 'tax', amount: '100.00' }]), ...over }], reversals: [], contacts: 0 }).lines[0]!.commission;
    expect(one({ claimTaxYear: 2021 })).toBe('15.00'); // IMU 2021
    expect(one({ claimTaxYear: 2022 })).toBe('9.00'); // IMU 2022, 276 days old, 1,000.00 loaded
    expect(one({ claimTaxYear: 2022, claimDueDate: '2025-11-03' })).toBe('20.00'); // 365 days old
    expect(one({ claimTaxYear: 2022, claimPrincipal: '5000.00' })).toBe('5.00'); // amount band
  });

  it('terms that contradict themselves are refused', () => {
    expect(termsProblems({ ...base, remittance: 'net', paymentsReceivedBy: 'creditor', base: ['principal', 'notification_costs'] }).map((p) => p.code)).toEqual([
      'commission.overlap_components',
      'commission.net_needs_agency',
    ]);
  });
});
