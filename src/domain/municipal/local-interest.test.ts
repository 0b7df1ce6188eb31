import { describe, expect, it } from 'vitest';
import { book } from '../interest/test-book.ts';
import { translate } from '../messages/index.ts';
import { localInterestTerms, localTaxInterest, pointsIssue, regimeProblemForRevenue } from './local-interest.ts';
import { MunicipalInputError } from './result.ts';

describe('interest on local taxes: legal rate of each year + the comune’s points (L. 296/2006 c.165)', () => {
  // municipal-notes.md §6.7: IMU 2022 €1,000 due 16/12/2022, to 30/06/2025, 365-day divisor.
  const imu2022 = { amount: '1000.00', due: '2022-12-16', until: '2025-06-30' };
  it('legal rate only: €85.50 (2022 15 d × 1.25 %, 2023 365 d × 5 %, 2024 366 d × 2.5 % / 365, 2025 181 d × 2 %)', () => {
    const r = localTaxInterest(book, { ...imu2022, points: '0' });
    expect(r.interest).toBe('85.50');
    expect(r.periods.map((p) => [p.from, p.to, p.days, p.rate])).toEqual([
      ['2022-12-17', '2022-12-31', 15, '1.25'],
      ['2023-01-01', '2023-12-31', 365, '5.00'],
      ['2024-01-01', '2024-12-31', 366, '2.50'],
      ['2025-01-01', '2025-06-30', 181, '2.00'],
    ]);
  });
  it('with +1 point: €110.90, each year’s rate one point higher', () => {
    const r = localTaxInterest(book, { ...imu2022, points: '1' });
    expect(r.interest).toBe('110.90');
    expect(r.periods.map((p) => p.rate)).toEqual(['2.25', '6.00', '3.50', '3.00']);
  });
  it('the 366-day divisor of leap years gives €85.43 instead: the notes’ figure is act365', () => {
    expect(localTaxInterest(book, { ...imu2022, points: '0', dayCount: 'act366' }).interest).toBe('85.43');
  });
  it('nothing before the due date has passed', () => {
    expect(localTaxInterest(book, { amount: '1000.00', due: '2025-01-01', until: '2025-01-01', points: '2' }).interest).toBe('0.00');
  });
  it('refuses points outside 0–3 with the law’s reason', () => {
    expect(pointsIssue('3')).toBeNull();
    expect(pointsIssue('0.5')).toBeNull();
    expect(pointsIssue('3.01')).toEqual({ code: 'municipal.points_range', params: { points: '3.01' } });
    expect(translate(pointsIssue('4')!, 'it')).toContain('art. 1 c. 165 L. 296/2006');
    expect(pointsIssue('-1')).toEqual({ code: 'municipal.points_invalid', params: { points: '-1' } });
    expect(pointsIssue('1,5')?.code).toBe('municipal.points_invalid');
    expect(() => localInterestTerms('5')).toThrow(MunicipalInputError);
    expect(localInterestTerms('0')).toEqual({ regime: 'it-legal', base: null, spread: null });
    expect(localInterestTerms('2.5')).toEqual({ regime: 'spread', base: 'it-legal', spread: '2.5' });
  });
});

describe('interest regimes a comune’s revenue may not use', () => {
  it('refuses the commercial rate and art. 1284 c.4 for a tax, with the reason', () => {
    const commercial = regimeProblemForRevenue('imu', 'it-commercial');
    expect(commercial?.code).toBe('municipal.regime_commercial_for_tax');
    expect(translate(commercial!, 'it')).toMatch(/^IMU \(imposta municipale propria\): il tasso .*D\.Lgs\. 231\/2002/);
    expect(regimeProblemForRevenue('tari', { regime: 'it-legal', judicialClaimDate: '2020-05-01' })?.code).toBe('municipal.regime_1284_c4_for_tax');
    expect(regimeProblemForRevenue('tari', { regime: 'spread', base: 'it-commercial', spread: '1' })?.code).toBe('municipal.regime_commercial_for_tax');
    expect(regimeProblemForRevenue('imu', 'fixed')?.code).toBe('municipal.regime_not_local_tax');
    expect(regimeProblemForRevenue('imu', 'ch')?.code).toBe('municipal.regime_not_local_tax');
    expect(regimeProblemForRevenue('imu', { regime: 'spread', base: 'it-legal', spread: '4' })?.code).toBe('municipal.points_range');
  });
  it('accepts legal, legal + 0–3 points and none for a tax', () => {
    expect(regimeProblemForRevenue('imu', 'it-legal')).toBeNull();
    expect(regimeProblemForRevenue('tari', { regime: 'spread', base: 'it-legal', spread: '3' })).toBeNull();
    expect(regimeProblemForRevenue('tari', 'none')).toBeNull();
  });
  it('refuses the commercial rate for CUP and CdS fines, leaves other revenues to the regulation', () => {
    expect(regimeProblemForRevenue('cup', 'it-commercial')?.code).toBe('municipal.regime_commercial_not_transaction');
    expect(regimeProblemForRevenue('cds_fine', 'it-commercial')?.code).toBe('municipal.regime_commercial_not_transaction');
    expect(regimeProblemForRevenue('cup', 'fixed')).toBeNull();
    expect(regimeProblemForRevenue('other', 'it-commercial')).toBeNull();
  });
});
