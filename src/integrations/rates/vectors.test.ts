import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeStatement, InterestInputError, type InterestCase } from '../../domain/interest/compute.ts';
import { money, toMoneyString, type Money as MoneyT } from '../../domain/money.ts';
import { loadRateBook } from './load-rate-book.ts';

// The public test vectors of the legal notes (§7), computed on the rate tables shipped in data/rates.
const book = loadRateBook();
const run = (c: Partial<InterestCase> & Pick<InterestCase, 'regime' | 'due' | 'paid'>) =>
  computeStatement(book, { principal: '10000', ...c });
const amounts = (s: ReturnType<typeof run>) => s.periods.map((p) => [p.days, p.rate, p.amount]);

describe('Italy — legal-notes vectors', () => {
  it('TV-IT-01: €10,000 at the 2025 legal rate for 365 days = €200.00', () => {
    const s = run({ regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31' });
    expect(s.interest).toBe('200.00');
    expect(amounts(s)).toEqual([[365, '2.00', '200.00']]);
    expect(s.costs).toBe('0.00'); // no €40 outside commercial transactions
  });
  it('TV-IT-02: legal 5 % then 2.5 %, split on 1 January = €499.32', () => {
    const s = run({ regime: 'it-legal', due: '2023-01-01', paid: '2024-01-01' });
    expect(amounts(s)).toEqual([
      [364, '5.00', '498.63'],
      [1, '2.50', '0.68'],
    ]);
    expect(s.interest).toBe('499.32');
  });
  it('TV-IT-04: D.Lgs. 231/2002 +8 over three semesters = €1,126.16', () => {
    const s = run({ regime: 'it-commercial', due: '2023-01-01', paid: '2024-01-01' });
    expect(s.periods).toEqual([
      { from: '2023-01-02', to: '2023-06-30', days: 180, rate: '10.50', principal: '10000.00', amount: '517.81' },
      { from: '2023-07-01', to: '2023-12-31', days: 184, rate: '12.00', principal: '10000.00', amount: '604.93' },
      { from: '2024-01-01', to: '2024-01-01', days: 1, rate: '12.50', principal: '10000.00', amount: '3.42' },
    ]);
    expect(s.interest).toBe('1126.16');
    expect(s.costs).toBe('40.00');
    expect(s.totalDue).toBe('11166.16');
  });
  it('TV-IT-06: 2013 at +8 = €860.00', () => {
    const s = run({ regime: 'it-commercial', due: '2013-01-01', paid: '2013-12-31' });
    expect(amounts(s)).toEqual([
      [180, '8.75', '431.51'],
      [184, '8.50', '428.49'],
    ]);
    expect(s.interest).toBe('860.00');
  });
  it('TV-IT-08: 2002, the first semester of the decree, +7 = €343.11', () => {
    const s = run({ regime: 'it-commercial', due: '2002-09-01', paid: '2002-12-31' });
    expect(amounts(s)).toEqual([[121, '10.35', '343.11']]);
  });
  it('TV-IT-09: 2012 at +7 (contract before 2013) = €800.00', () => {
    const s = run({ regime: 'it-commercial', due: '2012-01-01', paid: '2012-12-31' });
    expect(amounts(s)).toEqual([
      [181, '8.00', '396.71'],
      [184, '8.00', '403.29'],
    ]);
    expect(s.interest).toBe('800.00');
  });
  it('an old contract keeps +7 after 2013; a new one gets +8', () => {
    expect(run({ regime: 'it-commercial', due: '2013-01-01', paid: '2013-06-30', contractDate: '2012-10-01' }).periods[0]!.rate).toBe('7.75');
    expect(run({ regime: 'it-commercial', due: '2013-01-01', paid: '2013-06-30' }).periods[0]!.rate).toBe('8.75');
  });
  it('TV-IT-11: 2025 = €1,061.53', () => {
    const s = run({ regime: 'it-commercial', due: '2025-01-01', paid: '2025-12-31' });
    expect(amounts(s)).toEqual([
      [180, '11.15', '549.86'],
      [184, '10.15', '511.67'],
    ]);
    expect(s.interest).toBe('1061.53');
  });
  it('TV-IT-12: one day over new year = €2.78', () => {
    expect(run({ regime: 'it-commercial', due: '2025-12-31', paid: '2026-01-01' }).interest).toBe('2.78');
  });
  it('TV-IT-13: €25,000 for 47 days of August 2025 = €326.75', () => {
    const s = run({ principal: '25000', regime: 'it-commercial', due: '2025-07-15', paid: '2025-08-31' });
    expect(amounts(s)).toEqual([[47, '10.15', '326.75']]);
  });
  it('TV-IT-16: €40 per late invoice — three invoices, €120', () => {
    const costs = ['2025-01-31', '2025-02-28', '2025-03-31'].map(
      (due) => run({ principal: '500', regime: 'it-commercial', due, paid: '2025-06-30' }).costs,
    );
    expect(costs).toEqual(['40.00', '40.00', '40.00']);
    // Not for a claim paid on time, nor when the creditor waives it.
    expect(run({ regime: 'it-commercial', due: '2025-01-31', paid: '2025-01-31' }).costs).toBe('0.00');
    expect(run({ regime: 'it-commercial', due: '2025-01-31', paid: '2025-03-31', flatCompensation: false }).costs).toBe('0.00');
  });
  it('TV-IT-17: €100 on capital 1,000 + interest 50 + costs 40 → costs, interest, then €10 capital; €990 left', () => {
    const s = computeStatement(book, {
      principal: '1000',
      regime: 'fixed',
      rate: '5',
      due: '2024-12-31',
      paid: '2025-12-31',
      costs: [{ date: '2025-01-15', amount: '40', label: 'spese di sollecito' }],
      payments: [{ date: '2025-12-31', amount: '100' }],
    });
    expect(s.payments).toEqual([{ date: '2025-12-31', amount: '100.00', costs: '40.00', interest: '50.00', principal: '10.00', unallocated: '0.00' }]);
    expect(s.principalDue).toBe('990.00');
    expect(s.totalDue).toBe('990.00');
  });
  it('art. 1284 c.4: from the judicial claim on, the legal rate becomes the commercial rate', () => {
    const s = run({ regime: 'it-legal', due: '2022-12-31', paid: '2023-12-31', judicialClaimDate: '2023-07-01' });
    expect(amounts(s)).toEqual([
      [181, '5.00', '247.95'],
      [184, '12.00', '604.93'],
    ]);
    expect(s.basis.join(' ')).toContain('1284 c.4');
    // Not for proceedings begun before 11 December 2014.
    const old = run({ regime: 'it-legal', due: '2013-12-31', paid: '2014-12-31', judicialClaimDate: '2014-06-01' });
    expect(old.periods.map((p) => p.rate)).toEqual(['1.00']);
    expect(old.basis.join(' ')).toContain('non applicabile');
  });
});

describe('Germany, Switzerland — legal-notes vectors', () => {
  it('TV-DE-01: €1,000, 25 days at 5.12 % = €3.51', () => {
    expect(computeStatement(book, { principal: '1000', regime: 'fixed', rate: '5.12', due: '2011-01-01', paid: '2011-01-26' }).interest).toBe('3.51');
  });
  it('TV-DE-02: €10,000 at 6 %, 1.1.–30.7.2016 counted 30/360 = 210 days, €350.00', () => {
    const s = run({ regime: 'fixed', rate: '6', dayCount: '30e360', due: '2015-12-31', paid: '2016-07-30' });
    expect(amounts(s)).toEqual([[210, '6.00', '350.00']]);
  });
  it('TV-DE-06: the €40 Pauschale for obligations arising after 2014-07-28 only; consumers pay Basiszins + 5', () => {
    expect(run({ regime: 'de-business', due: '2024-01-31', paid: '2024-03-31' }).costs).toBe('40.00');
    expect(run({ regime: 'de-business', due: '2014-06-30', paid: '2014-12-31' }).costs).toBe('0.00');
    expect(run({ regime: 'de-business', due: '2014-06-30', paid: '2014-12-31' }).periods[0]!.rate).toBe('7.27'); // Basiszins -0.73 (2014-H2) + 8
    expect(run({ regime: 'de-consumer', due: '2024-01-31', paid: '2024-03-31' }).periods[0]!.rate).toBe('8.62'); // 3.62 + 5
  });
  it('TV-CH-01: CHF 100 at 5 %: CHF 5.00 each year, never interest on interest', () => {
    const one = computeStatement(book, { principal: '100', currency: 'CHF', regime: 'ch', due: '2024-12-31', paid: '2025-12-31' });
    const two = computeStatement(book, { principal: '100', currency: 'CHF', regime: 'ch', due: '2024-12-31', paid: '2026-12-31' });
    expect([one.interest, two.interest]).toEqual(['5.00', '10.00']);
  });
  it('TV-CH-02: 1 → 20 January is 19 days: CHF 26.03 (act/365) or CHF 26.39 (30/360)', () => {
    const base = { currency: 'CHF' as const, regime: 'ch' as const, due: '2025-01-01', paid: '2025-01-20' };
    expect(run(base).interest).toBe('26.03');
    expect(run({ ...base, dayCount: '30e360' }).interest).toBe('26.39');
  });
  it('TV-CH-04: CHF 1,000 on capital 10,000 + interest 300 + costs 73.30 → 73.30, 300, 626.70', () => {
    const s = run({
      currency: 'CHF',
      regime: 'ch',
      due: '2025-01-01',
      paid: '2025-08-08',
      costs: [{ date: '2025-03-01', amount: '73.30', label: 'Betreibungskosten' }],
      payments: [{ date: '2025-08-08', amount: '1000' }],
    });
    expect(s.payments[0]).toMatchObject({ costs: '73.30', interest: '300.00', principal: '626.70' });
    expect(s.principalDue).toBe('9373.30');
  });
});

describe('edge cases', () => {
  it('counts a leap year by 365 (default) or 366', () => {
    const base = { regime: 'it-legal' as const, due: '2023-12-31', paid: '2024-12-31' };
    expect(run(base).interest).toBe('250.68'); // 366 days / 365
    expect(run({ ...base, dayCount: 'act366' }).interest).toBe('250.00');
    expect(run({ ...base, dayCount: 'act360' }).interest).toBe('254.17');
  });
  it('a rate change on the due date: interest starts the next day at the new rate', () => {
    expect(amounts(run({ regime: 'it-legal', due: '2024-01-01', paid: '2024-01-31' }))).toEqual([[30, '2.50', '20.55']]);
  });
  it('a payment on the due date reduces the principal before any interest runs', () => {
    const s = run({ regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31', payments: [{ date: '2024-12-31', amount: '4000' }] });
    expect(s.periods).toEqual([{ from: '2025-01-01', to: '2025-12-31', days: 365, rate: '2.00', principal: '6000.00', amount: '120.00' }]);
    expect(s.interest).toBe('120.00');
  });
  it('a part payment splits the period: interest runs on the residual principal afterwards', () => {
    const s = run({ regime: 'fixed', rate: '10', due: '2024-12-31', paid: '2025-12-31', payments: [{ date: '2025-03-31', amount: '5000' }] });
    // 90 days on 10,000 = 246.58 (paid first), 4,753.42 to principal; 275 days on 5,246.58.
    expect(s.periods.map((p) => [p.from, p.to, p.days, p.principal, p.amount])).toEqual([
      ['2025-01-01', '2025-03-31', 90, '10000.00', '246.58'],
      ['2025-04-01', '2025-12-31', 275, '5246.58', '395.29'],
    ]);
    expect(s.payments[0]).toMatchObject({ interest: '246.58', principal: '4753.42' });
    expect(s.interestDue).toBe('395.29');
    expect(s.interest).toBe('641.87');
    expect(s.totalDue).toBe('5641.87');
  });
  it('a payment larger than the debt leaves the rest unallocated, and interest stops', () => {
    const s = run({ regime: 'fixed', rate: '10', due: '2024-12-31', paid: '2025-12-31', payments: [{ date: '2025-01-31', amount: '20000' }] });
    expect(s.payments[0]).toMatchObject({ interest: '84.93', principal: '10000.00', unallocated: '9915.07' });
    expect(s.periods).toHaveLength(1);
    expect(s.totalDue).toBe('0.00');
  });
  it('50-year spans, €0.01 and €10^12 stay exact', () => {
    const long = run({ regime: 'it-legal', due: '1970-01-01', paid: '2020-01-01' });
    expect(long.periods.length).toBeGreaterThan(15);
    expect(long.interest).toBe('21625.82'); // re-derived day by day, independently of the engine
    expect(run({ principal: '0.01', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31' }).interest).toBe('0.00');
    expect(run({ principal: '1000000000000', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31' }).interest).toBe('20000000000.00');
  });
  it('gives specific errors for bad input', () => {
    const error = (c: Parameters<typeof run>[0]) => {
      try {
        run(c);
      } catch (e) {
        expect(e).toBeInstanceOf(InterestInputError);
        return [(e as InterestInputError).field, (e as Error).message];
      }
      throw new Error('no error');
    };
    expect(error({ regime: 'it-commercial', due: '2001-01-01', paid: '2003-01-01' })).toEqual([
      'paid',
      expect.stringContaining('prima del 08/08/2002'),
    ]);
    expect(error({ regime: 'de-consumer', due: '2026-10-01', paid: '2027-03-01' })).toEqual(['paid', expect.stringContaining('fino al 31/12/2026')]);
    expect(error({ regime: 'it-legal', due: '2025-01-31', paid: '2025-01-01' })).toEqual(['paid', expect.stringContaining('precede la scadenza')]);
    expect(error({ regime: 'it-commercial', due: '2025-01-31', paid: '2025-03-01', debtorKind: 'consumer' })).toEqual([
      'regime',
      expect.stringContaining('consumatore'),
    ]);
    expect(error({ regime: 'bogus' as never, due: '2025-01-31', paid: '2025-03-01' })).toEqual(['regime', expect.stringContaining('sconosciuto')]);
    expect(error({ principal: '1e3', regime: 'it-legal', due: '2025-01-31', paid: '2025-03-01' })[0]).toBe('principal');
    expect(error({ regime: 'it-legal', due: '2025-02-30', paid: '2025-03-01' })[0]).toBe('due');
    expect(error({ regime: 'fixed', due: '2025-01-31', paid: '2025-03-01' })[0]).toBe('rate');
    expect(error({ regime: 'spread', base: 'it-legal', due: '2025-01-31', paid: '2025-03-01' })[0]).toBe('spread');
  });
  it('local taxes: legal rate + 3 points, per year (TV-IT-21: 4.60 % in 2026)', () => {
    const s = run({ regime: 'spread', base: 'it-legal', spread: '3', due: '2025-12-31', paid: '2026-12-31' });
    expect(s.periods.map((p) => p.rate)).toEqual(['4.60']);
  });
});

describe('France — L441-10 II: the ECB rate of 1 January / 1 July, frozen for the half-year', () => {
  // Expected figures computed independently, day by day (principal × (ECB rate in force on 1 January
  // for January–June, on 1 July for July–December, + 10) / 36500 per day, summed, rounded once) and
  // checked by hand on the period totals. Each case spans ECB changes inside a half-year, which the
  // statutory rate ignores.
  const fr = (c: Omit<Parameters<typeof run>[0], 'regime'>) => run({ regime: 'fr-commercial', ...c });
  it('2009: the cuts of January, March, April and May stay out of H1 (2.50 on 1 January); H2 at 1.00 = €1,174.38', () => {
    const s = fr({ due: '2008-12-31', paid: '2009-12-31' });
    expect(amounts(s)).toEqual([
      [181, '12.50', '619.86'],
      [184, '11.00', '554.52'],
    ]);
    expect(s.interest).toBe('1174.38');
    expect(s.costs).toBe('40.00');
  });
  it('2011: the April hike waits for H2 (1.25 on 1 July), the July hike never counts = €841.37', () => {
    const s = fr({ due: '2011-03-31', paid: '2011-12-31' });
    expect(amounts(s)).toEqual([
      [91, '11.00', '274.25'], // 10000 × 11 × 91 / 36500 = 274.246…
      [184, '11.25', '567.12'], // 10000 × 11.25 × 184 / 36500 = 567.123…
    ]);
    expect(s.interest).toBe('841.37');
  });
  it('2011 November and December cuts: H2 stays at 11.25 to 31 December; 2012 H1 at 1.00 = €281.44', () => {
    const s = fr({ due: '2011-10-31', paid: '2012-01-31' });
    expect(amounts(s)).toEqual([
      [61, '11.25', '188.01'],
      [31, '11.00', '93.42'],
    ]);
    expect(s.interest).toBe('281.44');
  });
  it('2022: the July, September and November hikes leave H2 at 0.00 + 10 = €504.11', () => {
    const s = fr({ due: '2022-06-30', paid: '2022-12-31' });
    expect(amounts(s)).toEqual([[184, '10.00', '504.11']]);
  });
  it('2023: six hikes, two rates — 2.50 on 1 January, 4.00 on 1 July = €1,325.62', () => {
    const s = fr({ due: '2022-12-31', paid: '2023-12-31' });
    expect(amounts(s)).toEqual([
      [181, '12.50', '619.86'],
      [184, '14.00', '705.75'],
    ]);
    expect(s.interest).toBe('1325.62');
  });
  it('2024: the June cut waits for H2 (4.25 on 1 July); September, October and December cuts never count = €837.53', () => {
    const s = fr({ due: '2024-05-31', paid: '2024-12-31' });
    expect(amounts(s)).toEqual([
      [30, '14.50', '119.18'],
      [184, '14.25', '718.36'],
    ]);
    expect(s.interest).toBe('837.53');
  });
  it('2025: January, March, April and June cuts — 3.15 on 1 January, 2.15 on 1 July = €1,264.59', () => {
    const s = fr({ due: '2024-12-31', paid: '2025-12-31' });
    expect(amounts(s)).toEqual([
      [181, '13.15', '652.10'],
      [184, '12.15', '612.49'],
    ]);
    expect(s.interest).toBe('1264.59');
  });
  it('a part payment inside a half-year of ECB hikes (2023): €25,000, €5,000 paid on 15 March = €1,833.26', () => {
    const s = fr({ principal: '25000', due: '2023-01-31', paid: '2023-09-30', payments: [{ date: '2023-03-15', amount: '5000' }], flatCompensation: false });
    // 25000 × 12.5 × 43 / 36500 = 368.15 paid first; 4,631.85 to principal; then 20,368.15 for
    // 107 days at 12.50 (746.37) and 92 days at 14.00 (718.74).
    expect(s.payments[0]).toMatchObject({ interest: '368.15', principal: '4631.85' });
    expect(s.periods.map((p) => [p.from, p.to, p.rate, p.amount])).toEqual([
      ['2023-02-01', '2023-03-15', '12.50', '368.15'],
      ['2023-03-16', '2023-06-30', '12.50', '746.37'],
      ['2023-07-01', '2023-09-30', '14.00', '718.74'],
    ]);
    expect(s.interest).toBe('1833.26');
  });
  it('three years across every change of 2022–2025 = €3,923.19, one rate per half-year', () => {
    const s = fr({ due: '2022-06-30', paid: '2025-06-30' });
    expect(s.periods.map((p) => p.rate)).toEqual(['10.00', '12.50', '14.00', '14.50', '14.25', '13.15']);
    expect(s.interest).toBe('3923.19');
  });
});

describe('the engine against a day-by-day oracle', () => {
  // A few seconds of day-by-day sums: room for a loaded machine.
  it('equals the sum of every single day’s interest on 300 random cases', { timeout: 30_000 }, () => {
    // A seeded generator: the same cases on every run.
    let seed = 20261122;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const regimes = ['it-legal', 'it-commercial', 'ch', 'de-consumer', 'de-business', 'fr-legal-private', 'fr-commercial'] as const;
    const day = (iso: string, n: number) => Temporal.PlainDate.from(iso).add({ days: n }).toString();
    for (let i = 0; i < 300; i++) {
      const regime = regimes[Math.floor(rnd() * regimes.length)]!;
      const due = day('2015-01-01', Math.floor(rnd() * 3650));
      const paid = day(due, Math.floor(rnd() * 1500));
      if (paid > '2026-06-30') continue; // the French table ends there
      const principal = `${Math.floor(rnd() * 1_000_000)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
      if (principal.startsWith('0.00')) continue;
      const s = computeStatement(book, { principal, regime, due, paid });
      // Oracle: the rate in force each day, looked up row by row, times one day.
      let total = money(0);
      for (let d = day(due, 1); d <= paid; d = day(d, 1)) {
        const rate = dailyRate(regime, d, due);
        total = total.plus(money(principal).times(rate).dividedBy(36500));
      }
      expect(s.interest, `${regime} ${principal} ${due}→${paid}`).toBe(toMoneyString(total));
    }
  });
});

describe('interest pauses against the day-by-day oracle', () => {
  it('equals the sum of every single unpaused day’s interest on 300 random cases, with part payments', { timeout: 30_000 }, () => {
    let seed = 20261206;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const regimes = ['it-legal', 'it-commercial', 'ch', 'de-consumer', 'de-business', 'fr-legal-private', 'fr-commercial'] as const;
    const day = (iso: string, n: number) => Temporal.PlainDate.from(iso).add({ days: n }).toString();
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const regime = regimes[Math.floor(rnd() * regimes.length)]!;
      const due = day('2015-01-01', Math.floor(rnd() * 3650));
      const span = Math.floor(rnd() * 1500);
      const paid = day(due, span);
      if (paid > '2026-06-30') continue;
      const principal = `${1 + Math.floor(rnd() * 1_000_000)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
      const pauses = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => {
        const from = day(due, Math.floor(rnd() * (span + 10)) - 5);
        return { from, to: rnd() < 0.25 ? null : day(from, Math.floor(rnd() * (span / 2 + 1))) };
      });
      const paused = (d: string) => pauses.some((z) => z.from <= d && (z.to === null || d <= z.to));
      // One part payment (on the principal only: no costs, the flat compensation off) splits the days.
      const payOn = day(due, Math.floor(rnd() * (span + 1)));
      const cents = Math.floor(Number(principal) * 100 * rnd() * 0.8);
      const payAmount = money(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
      const withPayment = rnd() < 0.5 && payAmount.gt(0) && payOn > due;
      const s = computeStatement(book, {
        principal,
        regime,
        due,
        paid,
        pauses,
        flatCompensation: false,
        allocationOrder: ['principal', 'interest', 'costs'],
        ...(withPayment ? { payments: [{ date: payOn, amount: toMoneyString(payAmount) }] } : {}),
      });
      // Oracle: the rate in force each unpaused day, on the principal of that day; the engine rounds
      // the interest open at the payment to the cent (the payment goes to the principal first).
      let total = money(0);
      for (let d = day(due, 1); d <= paid; d = day(d, 1)) {
        const capital = withPayment && d > payOn ? money(principal).minus(payAmount) : money(principal);
        if (!paused(d)) total = total.plus(capital.times(dailyRate(regime, d, due)).dividedBy(36500));
        if (withPayment && d === payOn) total = money(toMoneyString(total));
      }
      expect(s.interest, `${regime} ${principal} ${due}→${paid} ${JSON.stringify(pauses)} ${withPayment ? `${payOn} ${payAmount}` : ""}`).toBe(toMoneyString(total));
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('a plan’s pause: €10,000 at the legal rate 2025 (2 %), paused 1 April – 30 September: 182 of 365 days accrue = €99.73', () => {
    const s = computeStatement(book, { principal: '10000', regime: 'it-legal', due: '2024-12-31', paid: '2025-12-31', pauses: [{ from: '2025-04-01', to: '2025-09-30' }] });
    // 90 days (January–March) + 92 days (October–December) = 182 days × 10,000 × 2 % / 365 = 99.7260… → 99.73
    expect(s.periods.map((p) => [p.from, p.to])).toEqual([
      ['2025-01-01', '2025-03-31'],
      ['2025-10-01', '2025-12-31'],
    ]);
    expect(s.interest).toBe('99.73');
    expect(s.pauses).toEqual([{ from: '2025-04-01', to: '2025-09-30' }]);
  });
});

function rowRate(rows: { from: string; to: string | null; rate: string }[], d: string): string {
  const row = rows.find((r) => r.from <= d && (r.to === null || d <= r.to));
  if (!row) throw new Error(`no rate on ${d}`);
  return row.rate;
}

function dailyRate(regime: string, d: string, due: string): MoneyT {
  switch (regime) {
    case 'it-legal':
      return money(rowRate(book.itLegal.rows, d));
    case 'it-commercial':
      return money(rowRate((due < '2013-01-01' ? book.itCommercialPlus7 : book.itCommercialPlus8).rows, d));
    case 'ch':
      return money(5);
    case 'de-consumer':
      return money(rowRate(book.deBasiszins.rows, d)).plus(5);
    case 'de-business':
      return money(rowRate(book.deBasiszins.rows, d)).plus(due > '2014-07-28' ? 9 : 8);
    case 'fr-legal-private':
      return money(rowRate(book.frLegalPrivate.rows, d));
    case 'fr-commercial':
      // L441-10 II: the ECB rate in force on 1 January (January–June) or 1 July (July–December).
      return money(rowRate(book.ecbMro.rows, `${d.slice(0, 4)}-${d.slice(5, 7) <= '06' ? '01' : '07'}-01`)).plus(10);
    default:
      throw new Error(regime);
  }
}

describe('exactness and refusals found by the fast path’s cross-check', () => {
  it('a total of exactly x.xx5 rounds up (numerators summed over a common denominator)', () => {
    // 30E/360: €140 × 12.50 % × 30 days / 36000 = 1.458333… and × 14.00 % × 6 days = 0.326666…;
    // neither terminates, together they are exactly 1.785 → 1.79.
    const s = computeStatement(book, { principal: '140', due: '2023-05-31', paid: '2023-07-06', regime: 'fr-commercial', dayCount: '30e360' });
    expect(s.periods.map((p) => [p.days, p.rate])).toEqual([
      [30, '12.50'],
      [6, '14.00'],
    ]);
    expect(s.interest).toBe('1.79');
  });
  it('a rate pushed below zero by a negative spread accrues nothing; a negative contractual rate is refused', () => {
    const s = run({ regime: 'spread', base: 'it-legal', spread: '-3', due: '2020-12-31', paid: '2021-12-31' });
    expect(s.periods.map((p) => [p.rate, p.amount])).toEqual([['0.00', '0.00']]);
    expect(s.interest).toBe('0.00');
    expect(() => run({ regime: 'fixed', rate: '-1', due: '2020-12-31', paid: '2021-12-31' })).toThrow(InterestInputError);
  });
  it('refuses costs after the end date, a broken allocation order and amounts with spaces', () => {
    const base = { regime: 'it-legal' as const, due: '2024-12-31', paid: '2025-06-30' };
    expect(() => run({ ...base, costs: [{ date: '2025-07-01', amount: '10', label: 'x' }] })).toThrow(/oltre la data di fine/);
    expect(() => run({ ...base, allocationOrder: ['interest', 'costs'] as never })).toThrow(/ciascuno una volta/);
    expect(() => run({ ...base, principal: ' 100' })).toThrow(/spazi/);
  });
});
