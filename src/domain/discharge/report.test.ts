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
