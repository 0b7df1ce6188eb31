import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeStatement, type Component, type InterestCase } from './compute.ts';
import { centsOf, dayNumber, FastInterest, fastTotals, formatCents, totalsOf } from './fast.ts';
import { Money, toMoneyString } from '../money.ts';
import type { Regime } from './regimes.ts';
import { book, day, decimals, prng } from './test-book.ts';

type Outcome = ReturnType<typeof totalsOf> | { error: string };
const outcome = (f: () => ReturnType<typeof totalsOf>): Outcome => {
  try {
    return f();
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
};
const exact = (c: InterestCase) => outcome(() => totalsOf(computeStatement(book, c)));

/** The table window each regime can be computed in, and what it needs. */
const REGIMES: { regime: Regime; from: string; to: string; extra?: (rnd: () => number) => Partial<InterestCase> }[] = [
  { regime: 'it-legal', from: '1942-04-21', to: '2060-12-31' },
  { regime: 'it-commercial', from: '2002-08-08', to: '2026-12-31' },
  { regime: 'ch', from: '1950-01-01', to: '2060-12-31' },
  { regime: 'de-consumer', from: '2002-01-01', to: '2026-12-31' },
  { regime: 'de-business', from: '2002-01-01', to: '2026-12-31' },
  { regime: 'fr-legal-private', from: '2015-01-01', to: '2026-06-30' },
  { regime: 'fr-legal-other', from: '2015-01-01', to: '2026-06-30' },
  { regime: 'fr-commercial', from: '1999-01-01', to: '2060-12-31' },
  { regime: 'fixed', from: '1950-01-01', to: '2060-12-31', extra: (rnd) => ({ rate: rnd() < 0.03 ? '-1.5' : decimals(rnd() * 20, Math.floor(rnd() * 5)) }) },
  {
    regime: 'spread',
    from: '2002-08-08',
    to: '2026-12-31',
    extra: (rnd) => ({
      base: (['it-legal', 'it-commercial', 'de-consumer', 'fr-commercial', 'ch'] as const)[Math.floor(rnd() * 5)]!,
      spread: rnd() < 0.05 ? '-3' : decimals(rnd() * 8, Math.floor(rnd() * 5)),
    }),
  },
  { regime: 'none', from: '1950-01-01', to: '2060-12-31' },
];
const ORDERS: Component[][] = [
  ['interest', 'principal', 'costs'],
  ['principal', 'interest', 'costs'],
  ['costs', 'principal', 'interest'],
  ['interest', 'costs'],
];

function randomCase(rnd: () => number): InterestCase {
  const k = REGIMES[Math.floor(rnd() * REGIMES.length)]!;
  const lo = Temporal.PlainDate.from(k.from);
  const window = lo.until(Temporal.PlainDate.from(k.to)).days;
  const span = Math.min(window, Math.floor(rnd() ** 2 * 50 * 366)); // 0–50 years, shorter ones more often
  const due = day(k.from, Math.floor(rnd() * (window - span + 1)) - (rnd() < 0.05 ? 1 : 0));
  const paid = day(due, rnd() < 0.05 ? 0 : span);
  const cents = Math.max(1, Math.floor(10 ** (rnd() * 14))); // €0.01 – €10^12
  const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  const c: InterestCase = { principal: money(cents), due, paid, regime: k.regime, ...k.extra?.(rnd) };
  const d = rnd();
  if (d < 0.2) c.dayCount = 'act366';
  else if (d < 0.4) c.dayCount = 'act360';
  else if (d < 0.6) c.dayCount = '30e360';
  else if (d < 0.65) c.dayCount = 'act365';
  const days = Temporal.PlainDate.from(due).until(Temporal.PlainDate.from(paid)).days;
  const np = Math.floor(rnd() * 4);
  if (np || rnd() < 0.1) c.payments = [];
  for (let i = 0; i < np; i++) {
    const w = rnd();
    const date = w < 0.15 ? due : w < 0.25 ? paid : w < 0.3 ? day(due, -10) : w < 0.35 && i > 0 ? c.payments![i - 1]!.date : day(due, Math.floor(rnd() * (days + 1)));
    const amount = w > 0.9 ? cents * 3 + 12345 : Math.max(1, Math.floor(cents * rnd() * 0.6));
    c.payments!.push({ date, amount: money(Math.min(amount, 99999999999999)) });
  }
  if (rnd() < 0.3) {
    c.costs = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => ({
      date: day(due, Math.floor(rnd() * (days + 60)) - 10),
      amount: money(1 + Math.floor(rnd() * 50000)),
      label: 'spese',
    }));
  }
  if (rnd() < 0.1) c.flatCompensation = false;
  if (rnd() < 0.1) c.currency = 'CHF';
  if (rnd() < 0.1) c.allocationOrder = ORDERS[Math.floor(rnd() * ORDERS.length)]!;
  if (rnd() < 0.08) c.debtorKind = rnd() < 0.5 ? 'consumer' : 'company';
  if (rnd() < 0.15) c.contractDate = day(due, -Math.floor(rnd() * 3000));
  if (rnd() < 0.25) c.judicialClaimDate = day(due, Math.floor(rnd() * (days + 1)));
  return c;
}

describe('fast path = exact path', () => {
  it('on 2,000 seeded random cases: all regimes and day counts, 0–3 payments, costs, €0.01–€10^12, 0–50 years', { timeout: 30_000 }, () => {
    const engine = new FastInterest(book);
    const rnd = prng(20261122);
    let errors = 0;
    for (let i = 0; i < 2000; i++) {
      const c = randomCase(rnd);
      const want = exact(c);
      if ('error' in want) errors++;
      expect(outcome(() => engine.totals(c)), JSON.stringify(c)).toEqual(want);
    }
    // The fast path answered nearly every valid case itself (it is not all fallback).
    const { fast, fallback } = engine.stats;
    expect(fast).toBeGreaterThan((2000 - errors) * 0.9);
    expect(fallback.negativeRate).toBeGreaterThan(0);
    expect(errors).toBeGreaterThan(10);
  });

  it('what each payment settled (split): 2,000 seeded random cases give the exact rows, or none where the exact path decides', { timeout: 30_000 }, () => {
    const engine = new FastInterest(book);
    const rnd = prng(20261207);
    let split = 0;
    let paying = 0;
    for (let i = 0; i < 2000; i++) {
      const c = randomCase(rnd);
      if (rnd() < 0.3) c.payments = [...(c.payments ?? []), ...(c.payments ?? [])]; // same-day payments, given in order
      const got = engine.split(c);
      let want: ReturnType<typeof computeStatement> | null = null;
      try {
        want = computeStatement(book, c);
      } catch {
        // the exact path refuses it: so must the fast one (it hands such cases over)
      }
      if (!got) continue;
      expect(want, JSON.stringify(c)).not.toBeNull();
      split++;
      if (c.payments?.length) paying++;
      expect(got.payments, JSON.stringify(c)).toEqual(want!.payments.map((p) => ({ costs: p.costs, interest: p.interest, principal: p.principal, unallocated: p.unallocated })));
      expect(got.totals, JSON.stringify(c)).toEqual(totalsOf(want!));
    }
    expect(split).toBeGreaterThan(1700);
    expect(paying).toBeGreaterThan(1000);
  });

  it('with accrueFrom (interest settled up to a day): 1,000 seeded random cases agree, errors included', () => {
    const engine = new FastInterest(book);
    const rnd = prng(20261205);
    let used = 0;
    for (let i = 0; i < 1000; i++) {
      const c = randomCase(rnd);
      const days = Temporal.PlainDate.from(c.due).until(Temporal.PlainDate.from(c.paid)).days;
      const w = rnd();
      c.accrueFrom = w < 0.1 ? day(c.due, -5) : w < 0.15 ? day(c.paid, 1) : day(c.due, Math.floor(rnd() * (days + 1)));
      if (c.accrueFrom > c.due && c.accrueFrom <= c.paid) used++;
      expect(outcome(() => engine.totals(c)), JSON.stringify(c)).toEqual(exact(c));
    }
    expect(used).toBeGreaterThan(700);
    expect(engine.stats.fast).toBeGreaterThan(800);
  });

  it('with interest pauses (an instalment plan with interest on the deferral): 1,000 seeded random cases agree, errors included', () => {
    const engine = new FastInterest(book);
    const rnd = prng(20261206);
    let paused = 0;
    for (let i = 0; i < 1000; i++) {
      const c = randomCase(rnd);
      const days = Temporal.PlainDate.from(c.due).until(Temporal.PlainDate.from(c.paid)).days;
      const at = () => day(c.due, Math.floor(rnd() * (days + 20)) - 10);
      c.pauses = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
        const from = at();
        const w = rnd();
        // Open-ended, a window, a single day, one ending before it starts (pauses nothing), overlaps.
        return { from, to: w < 0.2 ? null : w < 0.3 ? from : w < 0.35 ? day(from, -3) : day(from, Math.floor(rnd() * (days / 2 + 2))) };
      });
      if (rnd() < 0.3) c.accrueFrom = day(c.due, Math.floor(rnd() * (days + 1)));
      if (rnd() < 0.01) c.pauses = [{ from: '2025-02-30', to: null }];
      const want = exact(c);
      if (!('error' in want) && c.pauses.some((z) => z.from <= c.paid && (z.to === null || z.to >= z.from))) paused++;
      expect(outcome(() => engine.totals(c)), JSON.stringify(c)).toEqual(want);
    }
    expect(paused).toBeGreaterThan(600);
    expect(engine.stats.fast).toBeGreaterThan(800);
  });

  it('at the rounding points: half cents, long spans of large principals, act366 and 30E/360', () => {
    const engine = new FastInterest(book);
    const rnd = prng(7);
    const base = { regime: 'fixed' as const, rate: '10', due: '2024-12-31' };
    const cases: InterestCase[] = [
      // €18.25 at 10 % for one day = 0.5 cent exactly: half-up gives a cent.
      { ...base, principal: '18.25', paid: '2025-01-01' },
      { ...base, principal: '36.50', paid: '2025-01-01', payments: [{ date: '2025-01-01', amount: '0.01' }] },
      { ...base, principal: '9.00', dayCount: 'act360', paid: '2025-01-01' },
      { ...base, principal: '18.30', dayCount: 'act366', due: '2023-12-31', paid: '2024-01-01' },
      { ...base, principal: '9999999999999.99', regime: 'it-legal', due: '1942-04-20', paid: '2060-12-31' },
      { ...base, principal: '1000000000000', dayCount: 'act366', due: '1960-02-28', paid: '2059-03-01', payments: [{ date: '2000-02-29', amount: '5' }] },
    ];
    // Exact half cents: rate·days·principal / (divisor·10⁶) = k + ½ for an odd number of days.
    const ties = [
      { dayCount: 'act365', rate: '7.3', unit: 5000, start: '2019-03-01' }, // principal·days / 5000 cents
      { dayCount: 'act360', rate: '9', unit: 4000, start: '2019-03-01' },
      { dayCount: '30e360', rate: '9', unit: 4000, start: '2019-03-01' },
      { dayCount: 'act366', rate: '3.66', unit: 10000, start: '2024-01-01' }, // a leap year: /366
    ] as const;
    for (let i = 0; i < 200; i++) {
      const t = ties[i % 4]!;
      const due = day(t.start, Math.floor(rnd() * 200));
      const principal = formatCents(t.unit / 2 + t.unit * Math.floor(rnd() * 1000));
      const days = t.dayCount === '30e360' ? 1 : 1 + 2 * Math.floor(rnd() * 40);
      cases.push({ ...base, rate: t.rate, dayCount: t.dayCount, principal, due, paid: day(due, days) });
    }
    for (const c of cases) expect(engine.totals(c), JSON.stringify(c)).toEqual(exact(c));
    expect(engine.totals(cases[0]!).interest).toBe('0.01');
    expect(engine.stats.exactTies).toBeGreaterThan(100);
    expect(engine.stats.bigintRoundings).toBeGreaterThan(0);
    expect(engine.stats.fast).toBeGreaterThan(cases.length * 0.95);
  });

  it('art. 1284 c.4: one composed table per judicial claim date, checked against resolveRegime', () => {
    const engine = new FastInterest(book);
    for (let i = 0; i < 60; i++) {
      const c: InterestCase = { principal: '12345.67', regime: 'it-legal', due: '2012-03-31', paid: '2026-12-31', judicialClaimDate: day('2014-12-01', i * 73) };
      expect(engine.totals(c), c.judicialClaimDate!).toEqual(exact(c));
    }
    // 2014-12-01 precedes art. 17 D.L. 132/2014; the first c.4 table is checked against resolveRegime.
    expect(engine.stats.composedTables).toBe(58);
    // Beyond the commercial table the exact path refuses; so does the fast path (through it).
    const late: InterestCase = { principal: '100', regime: 'it-legal', due: '2026-01-31', paid: '2027-02-01', judicialClaimDate: '2026-06-01' };
    expect(outcome(() => engine.totals(late))).toEqual(exact(late));
    expect(outcome(() => engine.totals(late))).toHaveProperty('error');
  });

  it('throws what the exact path throws', () => {
    const bad: InterestCase[] = [
      { principal: '0', regime: 'it-legal', due: '2025-01-31', paid: '2025-03-01' },
      { principal: '1,5', regime: 'it-legal', due: '2025-01-31', paid: '2025-03-01' },
      { principal: '100', regime: 'it-legal', due: '2025-02-30', paid: '2025-03-01' },
      { principal: '100', regime: 'it-legal', due: '2025-03-01', paid: '2025-01-31' },
      { principal: '100', regime: 'fixed', due: '2025-01-31', paid: '2025-03-01' },
      { principal: '100', regime: 'it-commercial', due: '2001-01-01', paid: '2003-01-01' },
      { principal: '100', regime: 'it-commercial', debtorKind: 'consumer', due: '2025-01-31', paid: '2025-03-01' },
      { principal: '100', regime: 'bogus' as Regime, due: '2025-01-31', paid: '2025-03-01' },
      { principal: '100', regime: 'ch', dayCount: 'act999' as 'act365', due: '2025-01-31', paid: '2025-03-01' },
      { principal: '100', regime: 'ch', due: '2025-01-31', paid: '2025-03-01', payments: [{ date: '2025-03-02', amount: '1' }] },
      { principal: '100', regime: 'ch', due: '2025-01-31', paid: '2025-03-01', costs: [{ date: '2025-02-01', amount: '0.001', label: 'x' }] },
    ];
    for (const c of bad) {
      const want = exact(c);
      expect(want).toHaveProperty('error');
      expect(outcome(() => fastTotals(book, c))).toEqual(want);
    }
  });
});

describe('fast path parsing and formatting', () => {
  it('accepts exactly the dates and amounts the exact path accepts', () => {
    expect(dayNumber('1900-01-01')).toBe(1);
    expect(dayNumber('2199-12-31')).toBe(Temporal.PlainDate.from('1899-12-31').until('2199-12-31').days);
    expect(dayNumber('2024-02-29') - dayNumber('2024-02-28')).toBe(1);
    for (const d of ['1899-12-31', '2200-01-01', '2023-02-29', '2024-13-01', '2024-1-01', ' 2024-01-01', '2024/01/01', '']) expect(dayNumber(d)).toBe(-1);
    expect([centsOf('1234.56'), centsOf('1234.5'), centsOf('7'), centsOf('0.01'), centsOf('9999999999999.99')]).toEqual([123456, 123450, 700, 1, 999999999999999]);
    for (const a of ['0', '0.00', '-1', '1e3', '1,5', '1.234', ' 1', '1.', '.5', '12345678901234']) expect(centsOf(a)).toBe(-1);
  });
  it('gives canonical strings for non-canonical input amounts', () => {
    for (const principal of ['007.50', '7.5', '7', '0.10', '00.10', '1000000']) {
      const c: InterestCase = { principal, regime: 'ch', due: '2024-12-31', paid: '2025-12-31' };
      expect(fastTotals(book, c)).toEqual(exact(c));
    }
  });
  it('formats cents canonically', () => {
    expect([0, 5, 99, 100, 12345, 100000000000001].map(formatCents)).toEqual(['0.00', '0.05', '0.99', '1.00', '123.45', '1000000000000.01']);
    const rnd = prng(3);
    for (let i = 0; i < 2000; i++) {
      const cents = Math.floor(10 ** (rnd() * 15.9));
      expect(formatCents(cents)).toBe(toMoneyString(new Money(cents).dividedBy(100)));
    }
  });
});
