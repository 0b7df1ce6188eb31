import { describe, expect, it } from 'vitest';
import { book } from '../interest/test-book.ts';
import { translate } from '../messages/index.ts';
import { C803_CHARGES } from './charges.ts';
import { MunicipalInputError } from './result.ts';
import { assessmentEstimate, OMITTED_PAYMENT_SANCTIONS as rules, ravvedimento, ravvedimentoVersusAssessment, sanctionRate } from './sanctions.ts';

const assessmentRules = { sanctions: rules, interestPoints: '0', collectionCharges: C803_CHARGES, dayCount: 'act365' as const };

describe('sanction for omitted payment: 30 % / 25 % around D.Lgs. 87/2024', () => {
  it('goes by the date of the violation', () => {
    expect(sanctionRate(rules, '2024-08-31')).toBe('30');
    expect(sanctionRate(rules, '2024-09-01')).toBe('25');
    expect(sanctionRate(rules, '2022-12-16')).toBe('30');
    expect(() => sanctionRate(rules, '1990-01-01')).toThrow(MunicipalInputError);
  });
});

describe('ravvedimento operoso (art. 13 D.Lgs. 472/1997), municipal-notes.md §6.7', () => {
  it('IMU saldo 2024 €1,000 due 16/12/2024 paid 10/01/2025: sanction €12.50, interest €1.58, total €1,014.08', () => {
    const r = ravvedimento(rules, book, { tax: '1000.00', dueDate: '2024-12-16', payOn: '2025-01-10' });
    expect(r).toMatchObject({ daysLate: 25, sanctionRate: '12.5', fraction: '1/10', reducedRate: '1.25', sanction: '12.50', interest: '1.58', total: '1014.08' });
    expect(r.interestPeriods.map((p) => [p.from, p.to, p.days, p.rate])).toEqual([
      ['2024-12-17', '2024-12-31', 15, '2.50'],
      ['2025-01-01', '2025-01-10', 10, '2.00'],
    ]);
    expect(translate(r.reasons[1]!, 'it')).toBe('Ravvedimento operoso: sanzione ridotta a 1/10 (art. 13 c. 1 lett. a D.Lgs. 472/1997), 1.25 % dell’imposta');
    expect(translate(r.reasons[0]!, 'it')).toContain('D.Lgs. 87/2024');
  });
  it('reduces by delay: 1/15 per day up to 14 days, then 1/10, 1/9, 1/8, 1/7 (and 1/6 beyond two years in the old regime)', () => {
    const at = (dueDate: string, payOn: string) => ravvedimento(rules, book, { tax: '1000.00', dueDate, payOn });
    // New regime (25 %): the notes' effective table, 0.083 % per day, 1.25 %, 1.39 %, 3.125 %, 3.571 %.
    expect(at('2024-12-16', '2024-12-17')).toMatchObject({ reducedRate: '0.0833', sanction: '0.83', fraction: '1/10' });
    expect(at('2024-12-16', '2024-12-30')).toMatchObject({ daysLate: 14, reducedRate: '1.1667', sanction: '11.67' });
    expect(at('2024-12-16', '2024-12-31')).toMatchObject({ daysLate: 15, reducedRate: '1.25', sanction: '12.50' });
    expect(at('2024-12-16', '2025-01-15')).toMatchObject({ daysLate: 30, fraction: '1/10' });
    expect(at('2024-12-16', '2025-01-16')).toMatchObject({ daysLate: 31, fraction: '1/9', reducedRate: '1.3889', sanction: '13.89' });
    expect(at('2024-12-16', '2025-03-16')).toMatchObject({ daysLate: 90, fraction: '1/9' });
    expect(at('2024-12-16', '2025-03-17')).toMatchObject({ daysLate: 91, fraction: '1/8', reducedRate: '3.125', sanction: '31.25' });
    expect(at('2024-12-16', '2025-12-16')).toMatchObject({ fraction: '1/8' });
    expect(at('2024-12-16', '2025-12-17')).toMatchObject({ fraction: '1/7', reducedRate: '3.5714', sanction: '35.71' });
    expect(at('2024-12-16', '2027-06-30')).toMatchObject({ fraction: '1/7' });
    // Old regime (30 %): 0.1 % per day, 1.5 %, 1.67 %, 3.75 %, 4.29 %, 5 %.
    expect(at('2023-12-18', '2023-12-21')).toMatchObject({ reducedRate: '0.3', sanction: '3.00' });
    expect(at('2023-12-18', '2024-01-10')).toMatchObject({ reducedRate: '1.5' });
    expect(at('2023-12-18', '2024-02-10')).toMatchObject({ reducedRate: '1.6667' });
    expect(at('2023-12-18', '2024-06-10')).toMatchObject({ reducedRate: '3.75' });
    expect(at('2023-12-18', '2025-06-10')).toMatchObject({ reducedRate: '4.2857', fraction: '1/7' });
    expect(at('2023-12-18', '2026-06-10')).toMatchObject({ reducedRate: '5', fraction: '1/6' });
  });
  it('charges nothing when paid by the due date', () => {
    expect(ravvedimento(rules, book, { tax: '500.00', dueDate: '2025-06-16', payOn: '2025-06-16' })).toMatchObject({ sanction: '0.00', interest: '0.00', total: '500.00' });
  });
  it('refuses a tax that is not a positive amount', () => {
    expect(() => ravvedimento(rules, book, { tax: '0', dueDate: '2025-06-16', payOn: '2025-07-01' })).toThrow(MunicipalInputError);
    expect(() => ravvedimento(rules, book, { tax: '1,00', dueDate: '2025-06-16', payOn: '2025-07-01' })).toThrow(MunicipalInputError);
  });
});

describe('the assessment that would follow (accertamento), municipal-notes.md §6.7', () => {
  it('IMU 2022 €1,000 to 30/06/2025: sanction €300.00 (30 %), interest €85.50; with +1 point €110.90', () => {
    const a = assessmentEstimate(assessmentRules, book, { tax: '1000.00', dueDate: '2022-12-16', asOf: '2025-06-30' });
    expect(a).toMatchObject({ sanctionRate: '30', sanction: '300.00', interest: '85.50', total: '1385.50', charges: { amount: '0.00', band: 'none' } });
    const plus1 = assessmentEstimate({ ...assessmentRules, interestPoints: '1' }, book, { tax: '1000.00', dueDate: '2022-12-16', asOf: '2025-06-30' });
    expect(plus1.interest).toBe('110.90');
  });
  it('adds notification costs and the c.803 charges once enforceable (base without the costs)', () => {
    const a = assessmentEstimate(assessmentRules, book, {
      tax: '1000.00',
      dueDate: '2022-12-16',
      asOf: '2025-06-30',
      enforceableOn: '2025-05-01',
      notificationCosts: '9.50',
    });
    // 3 % of 1,385.50 = 41.565 → 41.57
    expect(a.charges).toMatchObject({ band: 'early', amount: '41.57', base: '1385.50' });
    expect(a.total).toBe('1436.57');
  });
  it('compares paying today with ravvedimento and the assessment', () => {
    const c = ravvedimentoVersusAssessment(assessmentRules, book, {
      tax: '1000.00',
      dueDate: '2024-12-16',
      payOn: '2025-01-10',
      assessment: { asOf: '2025-01-10' },
    });
    expect(c.ravvedimento.total).toBe('1014.08');
    expect(c.assessment).toMatchObject({ sanction: '250.00', interest: '1.58', total: '1251.58' });
    expect(c.saving).toBe('237.50');
  });
});
