import { describe, expect, it } from 'vitest';
import { computeStatement, type InterestCase } from '../../domain/interest/compute.ts';
import { FastInterest, totalsOf } from '../../domain/interest/fast.ts';
import { loadRateBook } from './load-rate-book.ts';

// The fast path against the exact path on the rate tables shipped in data/rates.
const book = loadRateBook();
const exact = (c: InterestCase) => totalsOf(computeStatement(book, c));

/** The inputs of the legal-notes vectors (vectors.test.ts), with the figures they must give. */
const VECTORS: [InterestCase, Partial<ReturnType<typeof totalsOf>>][] = [
  [{ principal: '10000', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31' }, { interest: '200.00', costs: '0.00' }],
  [{ principal: '10000', regime: 'it-legal', due: '2023-01-01', paid: '2024-01-01' }, { interest: '499.32' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2023-01-01', paid: '2024-01-01' }, { interest: '1126.16', costs: '40.00', totalDue: '11166.16' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2013-01-01', paid: '2013-12-31' }, { interest: '860.00' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2002-09-01', paid: '2002-12-31' }, { interest: '343.11' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2012-01-01', paid: '2012-12-31' }, { interest: '800.00' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2013-01-01', paid: '2013-06-30', contractDate: '2012-10-01' }, {}],
  [{ principal: '10000', regime: 'it-commercial', due: '2025-01-01', paid: '2025-12-31' }, { interest: '1061.53' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2025-12-31', paid: '2026-01-01' }, { interest: '2.78' }],
  [{ principal: '25000', regime: 'it-commercial', due: '2025-07-15', paid: '2025-08-31' }, { interest: '326.75' }],
  [{ principal: '500', regime: 'it-commercial', due: '2025-01-31', paid: '2025-06-30' }, { costs: '40.00' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2025-01-31', paid: '2025-01-31' }, { costs: '0.00' }],
  [{ principal: '10000', regime: 'it-commercial', due: '2025-01-31', paid: '2025-03-31', flatCompensation: false }, { costs: '0.00' }],
  [
    {
      principal: '1000',
      regime: 'fixed',
      rate: '5',
      due: '2024-12-31',
      paid: '2025-12-31',
      costs: [{ date: '2025-01-15', amount: '40', label: 'spese di sollecito' }],
      payments: [{ date: '2025-12-31', amount: '100' }],
    },
    { principalDue: '990.00', totalDue: '990.00', costsPaid: '40.00', interestPaid: '50.00' },
  ],
  [{ principal: '10000', regime: 'it-legal', due: '2022-12-31', paid: '2023-12-31', judicialClaimDate: '2023-07-01' }, { interest: '852.88' }],
  [{ principal: '10000', regime: 'it-legal', due: '2013-12-31', paid: '2014-12-31', judicialClaimDate: '2014-06-01' }, { interest: '100.00' }],
  [{ principal: '1000', regime: 'fixed', rate: '5.12', due: '2011-01-01', paid: '2011-01-26' }, { interest: '3.51' }],
  [{ principal: '10000', regime: 'fixed', rate: '6', dayCount: '30e360', due: '2015-12-31', paid: '2016-07-30' }, { interest: '350.00' }],
  [{ principal: '10000', regime: 'de-business', due: '2024-01-31', paid: '2024-03-31' }, { costs: '40.00' }],
  [{ principal: '10000', regime: 'de-business', due: '2014-06-30', paid: '2014-12-31' }, { costs: '0.00' }],
  [{ principal: '10000', regime: 'de-consumer', due: '2024-01-31', paid: '2024-03-31' }, {}],
  [{ principal: '100', currency: 'CHF', regime: 'ch', due: '2024-12-31', paid: '2025-12-31' }, { interest: '5.00' }],
  [{ principal: '100', currency: 'CHF', regime: 'ch', due: '2024-12-31', paid: '2026-12-31' }, { interest: '10.00' }],
  [{ principal: '10000', currency: 'CHF', regime: 'ch', due: '2025-01-01', paid: '2025-01-20' }, { interest: '26.03' }],
  [{ principal: '10000', currency: 'CHF', regime: 'ch', dayCount: '30e360', due: '2025-01-01', paid: '2025-01-20' }, { interest: '26.39' }],
  [
    {
      principal: '10000',
      currency: 'CHF',
      regime: 'ch',
      due: '2025-01-01',
      paid: '2025-08-08',
      costs: [{ date: '2025-03-01', amount: '73.30', label: 'Betreibungskosten' }],
      payments: [{ date: '2025-08-08', amount: '1000' }],
    },
    { principalDue: '9373.30', costsPaid: '73.30', interestPaid: '300.00' },
  ],
  [{ principal: '10000', regime: 'it-legal', due: '2023-12-31', paid: '2024-12-31' }, { interest: '250.68' }],
  [{ principal: '10000', regime: 'it-legal', dayCount: 'act366', due: '2023-12-31', paid: '2024-12-31' }, { interest: '250.00' }],
  [{ principal: '10000', regime: 'it-legal', dayCount: 'act360', due: '2023-12-31', paid: '2024-12-31' }, { interest: '254.17' }],
  [{ principal: '10000', regime: 'it-legal', due: '2024-01-01', paid: '2024-01-31' }, { interest: '20.55' }],
  [{ principal: '10000', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31', payments: [{ date: '2024-12-31', amount: '4000' }] }, { interest: '120.00' }],
  [
    { principal: '10000', regime: 'fixed', rate: '10', due: '2024-12-31', paid: '2025-12-31', payments: [{ date: '2025-03-31', amount: '5000' }] },
    { interestDue: '395.29', interest: '641.87', totalDue: '5641.87' },
  ],
  [{ principal: '10000', regime: 'fixed', rate: '10', due: '2024-12-31', paid: '2025-12-31', payments: [{ date: '2025-01-31', amount: '20000' }] }, { totalDue: '0.00' }],
  [{ principal: '10000', regime: 'it-legal', due: '1970-01-01', paid: '2020-01-01' }, { interest: '21625.82' }],
  [{ principal: '0.01', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31' }, { interest: '0.00' }],
  [{ principal: '1000000000000', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31' }, { interest: '20000000000.00' }],
  [{ principal: '10000', regime: 'spread', base: 'it-legal', spread: '3', due: '2025-12-31', paid: '2026-12-31' }, { interest: '460.00' }],
];

describe('fast path = exact path on the shipped rate tables', () => {
  it('gives the legal-notes vectors', () => {
    const engine = new FastInterest(book);
    for (const [c, figures] of VECTORS) {
      const got = engine.totals(c);
      expect(got, JSON.stringify(c)).toEqual(exact(c));
      expect(got).toMatchObject(figures);
    }
    expect(engine.stats.fast).toBe(VECTORS.length);
  });

  it('on 500 seeded random cases, up to 20 years, every regime', () => {
    let seed = 4242;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const iso = (n: number) => new Date(Date.UTC(2002, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const regimes = ['it-legal', 'it-commercial', 'ch', 'de-consumer', 'de-business', 'fr-legal-private', 'fr-legal-other', 'fr-commercial', 'none'] as const;
    const engine = new FastInterest(book);
    for (let i = 0; i < 500; i++) {
      const regime = regimes[Math.floor(rnd() * regimes.length)]!;
      const start = regime.startsWith('fr-legal') ? 4748 : 220; // 2015-01-01, 2002-08-09
      const late = Math.floor(rnd() * Math.min(7305, 8946 - start)); // 0–20 years
      const due = start + Math.floor(rnd() * (8946 - start - late)); // paid up to 2026-06-30
      const cents = Math.max(1, Math.floor(10 ** (rnd() * 11)));
      const c: InterestCase = {
        principal: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
        due: iso(due),
        paid: iso(due + late),
        regime,
        dayCount: (['act365', 'act366', 'act360', '30e360'] as const)[Math.floor(rnd() * 4)],
        payments: Array.from({ length: Math.floor(rnd() * 4) }, () => ({
          date: iso(due + Math.floor(rnd() * (late + 1))),
          amount: `${Math.max(1, Math.floor((cents * rnd()) / 150))}`,
        })),
        ...(rnd() < 0.2 ? { judicialClaimDate: iso(due + Math.floor(rnd() * (late + 1))) } : {}),
      };
      expect(engine.totals(c), JSON.stringify(c)).toEqual(exact(c));
    }
    expect(engine.stats.fast).toBeGreaterThan(490);
  });

  it('rounds an exact half cent up, on both paths', () => {
    // The exact rational interest here is 1.785 €: its two periods are not terminating decimals
    // (30E/360: €140 × 12.50 % × 30 / 36000 = 1.458333…, × 14.00 % × 6 / 36000 = 0.326666…).
    // Summed period by period at 40 significant digits such a total can land just below the half cent;
    // the exact path sums numerators over a common denominator and rounds once, in integers.
    const c: InterestCase = { principal: '140', due: '2023-05-31', paid: '2023-07-06', regime: 'fr-commercial', dayCount: '30e360' };
    const engine = new FastInterest(book);
    expect(engine.totals(c)).toEqual(exact(c));
    expect(engine.totals(c).interest).toBe('1.79');
    expect(engine.stats.fallback.tie).toBe(2);
  });
});
