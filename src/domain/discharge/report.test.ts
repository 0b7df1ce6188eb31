import { describe, expect, it } from 'vitest';
import { assignCapital, buildDischargeReport, cmpCodePoints, collectionRate, compareRows, DischargeTotaller, type PositionInput } from './report.ts';

const base = (over: Partial<PositionInput> & { ref: string; amounts: [string, string, string][] }): PositionInput => {
  const { ref, amounts, ...rest } = over;
  return {
    claimId: `c-${ref}`,
    reference: ref,
    taxpayer: `T ${ref}`,
    taxId: null,
    revenue: 'tari',
    taxYear: 2022,
    currency: 'EUR',
    loaded: amounts.reduce((a, [x]) => a + Number(x) * 100, 0) / 100 + '',
    status: 'in_collection',
    storedPaid: amounts.reduce((a, [, x]) => a + Number(x) * 100, 0) / 100 + '',
    writtenOffBy: null,
    components: amounts.map(([amount, collected, waived], i) => ({ kind: i === 0 ? 'tax' : 'sanctions', amount, collected, waived })),
    otherCollected: '0',
    debtor: { deceased: false, ceased: false, hardship: false, debtorId: `d-${ref}` },
    activity: { attempts: 0, rightParty: 0, letters: 0, plans: 0 },
    planRunning: false,
    noCallableContact: false,
    lastOutcomeEffect: null,
    ...rest,
  };
};

describe('discharge report (domain)', () => {
  const positions: PositionInput[] = [
    base({ ref: 'A1', amounts: [['100.00', '100.00', '0'], ['30.00', '30.00', '0']], status: 'paid' }),
    base({ ref: 'A2', amounts: [['200.00', '50.00', '0']], status: 'partially_paid' }),
    base({ ref: 'A3', amounts: [['300.00', '100.00', '0']], status: 'in_plan', planRunning: true, activity: { attempts: 2, rightParty: 1, letters: 1, plans: 1 } }),
    base({ ref: 'B1', revenue: 'imu', taxYear: 2021, amounts: [['150.00', '0', '0'], ['45.00', '0', '45.00']], status: 'written_off', writtenOffBy: 'creditor' }),
    base({ ref: 'B2', revenue: 'imu', taxYear: 2021, amounts: [['80.00', '0', '0']], noCallableContact: true, activity: { attempts: 3, rightParty: 0, letters: 2, plans: 0 } }),
    base({ ref: 'B3', revenue: 'imu', taxYear: 2021, amounts: [['60.00', '10.00', '0']], status: 'returned', debtor: { deceased: true, ceased: false, hardship: false, debtorId: 'd-B3' } }),
  ];
  const r = buildDischargeReport('2026-12-31', positions, true);

  it('gives each position its final state and reason', () => {
    expect(r.rows.map((x) => [x.reference, x.state, x.reason])).toEqual([
      ['B1', 'annulled', 'annulled_by_creditor'],
      ['B2', 'unreachable', 'no_valid_contact'],
      ['B3', 'returned', 'debtor_deceased'],
      ['A1', 'paid_full', 'paid'],
      ['A2', 'paid_part', 'part_paid'],
      ['A3', 'in_plan', 'plan_running'],
    ]);
  });

  it('holds the identity per revenue and year, matching the hand totals', () => {
    expect(r.breaks).toEqual([]);
    // IMU 2021: loaded 150+45+80+60 = 335; collected 10; annulled 45 + 150 = 195; residual 80 + 50 = 130.
    // TARI 2022: loaded 130+200+300 = 630; collected 130+50+100 = 280; annulled 0; residual 150+200 = 350.
    expect(r.groups.map((g) => [g.revenue, g.taxYear, g.loaded, g.collected, g.annulled, g.residual])).toEqual([
      ['imu', 2021, '335.00', '10.00', '195.00', '130.00'],
      ['tari', 2022, '630.00', '280.00', '0.00', '350.00'],
    ]);
    expect(r.totals).toEqual([{ currency: 'EUR', positions: 6, loaded: '965.00', collected: '290.00', annulled: '195.00', residual: '480.00', otherCollected: '0.00' }]);
    expect(collectionRate(r.totals[0]!)).toBe('37.66'); // 290 / (965 − 195) = 37.662…%
  });

  it('counts activity and social-protection cases without names', () => {
    expect(r.summary.byState.unreachable).toBe(1);
    expect(r.summary.attempts).toBe(5);
    expect(r.summary.debtorsDeceased).toBe(1);
  });

  it('refuses when the ledger disagrees with the stored balances, or the loaded amount with its components', () => {
    const bad = buildDischargeReport('2026-12-31', [
      { ...positions[1]!, storedPaid: '60.00' },
      { ...positions[0]!, loaded: '131.00' },
      { ...positions[4]!, storedPaid: '90', components: [{ kind: 'tax', amount: '80.00', collected: '90.00', waived: '0' }] },
    ], true);
    expect(bad.breaks.map((b) => [b.reference, b.problem])).toEqual([
      ['A1', 'identity'],
      ['A1', 'loaded_not_components'],
      ['A2', 'ledger_not_balances'],
      ['B2', 'negative_residual'],
    ]);
  });
});

describe('assignCapital', () => {
  it('puts capital stored without its component onto the accruing components by position, at most what each owes', () => {
    const comps = [
      { amount: '100.00', waived: '0', collected: '0', accrues: true },
      { amount: '30.00', waived: '0', collected: '0', accrues: false },
      { amount: '50.00', waived: '10.00', collected: '5.00', accrues: true },
    ];
    expect(assignCapital(comps, '120.00')).toEqual(['100.00', '0.00', '25.00']);
    // More than owed: the rest on the last accruing component (the identity check then shows it).
    expect(assignCapital(comps, '150.00')).toEqual(['100.00', '0.00', '55.00']);
  });
});

describe('report order', () => {
  it('orders text by code point, as PostgreSQL\'s "C" collation does, so the database can sort a large report', () => {
    // UTF-16 units put U+FF21 (Ａ) after U+1F600 (😀, a surrogate pair); code points put it before.
    expect(cmpCodePoints('\uff21', '\u{1f600}')).toBeLessThan(0);
    expect('\uff21' < '\u{1f600}').toBe(false);
    expect(cmpCodePoints('R-1', 'R-10')).toBeLessThan(0);
    expect(cmpCodePoints('b', 'a')).toBeGreaterThan(0);
    const row = (reference: string, taxYear: number | null) => ({ revenue: 'imu' as const, taxYear, reference, claimId: 'x' });
    expect([row('B', null), row('B', 2020), row('A', 2021)].sort(compareRows).map((r) => `${r.reference}${r.taxYear}`)).toEqual(['B2020', 'A2021', 'Bnull']);
  });

  it('gives the same totals whatever the order the positions are added in (a chunked read adds them as they come)', () => {
    const a = new DischargeTotaller('2026-12-31', true);
    const b = new DischargeTotaller('2026-12-31', true);
    const ps = [
      base({ ref: 'A1', amounts: [['100.00', '100.00', '0']], status: 'paid' }),
      base({ ref: 'A2', amounts: [['200.00', '50.00', '0']], status: 'partially_paid', activity: { attempts: 2, rightParty: 1, letters: 0, plans: 0 } }),
      base({ ref: 'B1', revenue: 'imu', taxYear: 2021, amounts: [['150.00', '0', '0']], status: 'written_off', writtenOffBy: 'creditor' }),
    ];
    ps.forEach((p) => a.add(p));
    [...ps].reverse().forEach((p) => b.add(p));
    expect(b.finish()).toEqual(a.finish());
    expect(a.finish()).toMatchObject({ positions: 3, totals: [{ currency: 'EUR', loaded: '450.00', collected: '150.00', annulled: '150.00', residual: '150.00' }] });
  });
});

describe('discharge report rows in integer cents', () => {
  it('gives the rows and breaks decimal.js gives, for amounts of every shape', async () => {
    const { positionRow, positionRowExact, cents, centsText } = await import('./report.ts');
    expect([cents('12'), cents('12.5'), cents('-0.07'), cents('1.234'), cents('1e3'), cents('')]).toEqual([1200n, 1250n, -7n, null, null, null]);
    expect([centsText(0n), centsText(5n), centsText(-7n), centsText(123456n)]).toEqual(['0.00', '0.05', '-0.07', '1234.56']);
    // A fixed pseudo-random walk over amounts, statuses and breaking cases (over-collection, a wrong carico, a stale balance).
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const amountText = () => {
      const c = next(50_000);
      return next(3) === 0 ? String(Math.floor(c / 100)) : next(2) ? `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}` : `${Math.floor(c / 100)}.${c % 10}`;
    };
    const statuses = ['in_collection', 'paid', 'written_off', 'returned', 'in_plan', 'disputed'] as const;
    for (let i = 0; i < 2_000; i++) {
      const comps = Array.from({ length: 1 + next(3) }, (_, k) => ({ kind: (k ? 'sanctions' : 'tax') as 'tax' | 'sanctions', amount: amountText(), collected: next(3) ? '0' : amountText(), waived: next(4) ? '0.00' : amountText() }));
      const p = base({ ref: `P${i}`, amounts: comps.map((c) => [c.amount, c.collected, c.waived]), status: statuses[next(statuses.length)]!, writtenOffBy: next(2) ? 'settlement' : 'creditor' });
      if (next(5) === 0) p.loaded = amountText();
      if (next(5) === 0) p.storedPaid = amountText();
      p.otherCollected = next(2) ? '0' : amountText();
      for (const check of [true, false]) expect(positionRow(p, check), `P${i}`).toEqual(positionRowExact(p, check));
    }
    // Anything but plain cents takes the exact path and still gives the same row.
    const odd = base({ ref: 'X', amounts: [['10.005', '0', '0']] });
    expect(positionRow(odd, false)).toEqual(positionRowExact(odd, false));
  });
});
