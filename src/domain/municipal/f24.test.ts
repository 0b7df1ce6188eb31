import { describe, expect, it } from 'vitest';
import { translate } from '../messages/index.ts';
import { f24Lines, TRIBUTE_CODES, tributeCode } from './f24.ts';

const base = { cadastralCode: 'H501', revenue: 'imu' as const };
const lines = (r: ReturnType<typeof f24Lines>) => (r.ok ? r.value.map((l) => [l.tributeCode, l.year, l.debitCents, l.reconsideration]) : r.problem);

describe('F24 section "IMU e altri tributi locali" (municipal-notes.md §3)', () => {
  it('ravvedimento IMU 2024 (§6.7): one line 3918, year 2024, €1,014.08, Ravv. and saldo ticked', () => {
    const r = f24Lines({
      ...base,
      year: 2024,
      ravvedimento: true,
      payment: 'saldo',
      components: [
        { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
        { kind: 'sanctions', amount: '12.50' },
        { kind: 'accrued_interest', amount: '1.58' },
      ],
    });
    expect(r).toEqual({
      ok: true,
      value: [
        {
          cadastralCode: 'H501',
          tributeCode: '3918',
          year: '2024',
          debitCents: 101408,
          reconsideration: true,
          advancePayment: false,
          fullPayment: true,
          includesNotificationCosts: false,
        },
      ],
    });
  });
  it('accertamento IMU 2022 (§6.7): tax 3918, interest 3923, sanctions 3924, notification costs on the tax line', () => {
    const r = f24Lines({
      ...base,
      year: '2022',
      components: [
        { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
        { kind: 'sanctions', amount: '300.00' },
        { kind: 'act_interest', amount: '85.50' },
        { kind: 'notification_costs', amount: '9.50' },
      ],
    });
    expect(lines(r)).toEqual([
      ['3918', '2022', 100950, false],
      ['3924', '2022', 30000, false],
      ['3923', '2022', 8550, false],
    ]);
    expect(r.ok && r.value[0]!.includesNotificationCosts).toBe(true);
    const onSanctions = f24Lines({
      ...base,
      year: 2022,
      notificationCostsOn: 'sanctions',
      components: [
        { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
        { kind: 'sanctions', amount: '300.00' },
        { kind: 'notification_costs', amount: '9.50' },
      ],
    });
    expect(lines(onSanctions)).toEqual([
      ['3918', '2022', 100000, false],
      ['3924', '2022', 30950, false],
    ]);
  });
  it('TARI with TEFA: each beneficiary under its own codes; in ravvedimento each tax takes its own sanctions and interest', () => {
    const components = [
      { kind: 'tax', amount: '200.00' },
      { kind: 'tax', amount: '10.00', tributeCode: 'TEFA' },
      { kind: 'sanctions', amount: '60.00' },
      { kind: 'sanctions', amount: '3.00', tributeCode: 'TEFZ' },
      { kind: 'act_interest', amount: '4.00' },
      { kind: 'act_interest', amount: '0.20', tributeCode: 'TEFN' },
    ] as const;
    expect(lines(f24Lines({ ...base, revenue: 'tari', year: 2023, components }))).toEqual([
      ['3944', '2023', 20000, false],
      ['TEFA', '2023', 1000, false],
      ['3946', '2023', 6000, false],
      ['TEFZ', '2023', 300, false],
      ['3945', '2023', 400, false],
      ['TEFN', '2023', 20, false],
    ]);
    expect(lines(f24Lines({ ...base, revenue: 'tari', year: 2023, components, ravvedimento: true }))).toEqual([
      ['3944', '2023', 26400, true],
      ['TEFA', '2023', 1320, true],
    ]);
    expect(tributeCode('TEFA')?.beneficiary).toBe('provincia');
    // Up to tax year 2020 TEFA went with TARI under 3944–3946.
    expect(lines(f24Lines({ ...base, revenue: 'tari', year: 2020, components }))).toEqual([
      ['3944', '2020', 21000, false],
      ['3946', '2020', 6300, false],
      ['3945', '2020', 420, false],
    ]);
  });
  it('refuses what cannot go on the form, with the reason', () => {
    const tax = { kind: 'tax' as const, amount: '1.00', tributeCode: '3918' };
    const problem = (r: ReturnType<typeof f24Lines>) => (r.ok ? null : r.problem.code);
    expect(problem(f24Lines({ ...base, cadastralCode: 'h501', year: 2024, components: [tax] }))).toBe('municipal.cadastral_code');
    expect(problem(f24Lines({ ...base, cadastralCode: 'H50', year: 2024, components: [tax] }))).toBe('municipal.cadastral_code');
    expect(problem(f24Lines({ ...base, year: 24, components: [tax] }))).toBe('municipal.f24_year');
    expect(problem(f24Lines({ ...base, year: 2024, components: [{ kind: 'tax', amount: '1.00' }] }))).toBe('municipal.tribute_code_missing');
    expect(problem(f24Lines({ ...base, year: 2024, components: [{ ...tax, tributeCode: '3999' }] }))).toBe('municipal.tribute_code_unknown');
    expect(problem(f24Lines({ ...base, year: 2024, components: [{ ...tax, tributeCode: '3944' }] }))).toBe('municipal.tribute_code_mismatch');
    expect(problem(f24Lines({ ...base, year: 2024, components: [{ ...tax, tributeCode: '3924' }] }))).toBe('municipal.tribute_code_role');
    expect(problem(f24Lines({ ...base, year: 2024, components: [tax, { kind: 'collection_charges', amount: '3.00' }] }))).toBe('municipal.f24_component');
    expect(problem(f24Lines({ ...base, revenue: 'cup', year: 2024, components: [tax] }))).toBe('municipal.f24_no_codes');
    expect(problem(f24Lines({ ...base, year: 2024, components: [{ ...tax, amount: '-1.00' }] }))).toBe('money.negative');
    // An act that only imposes sanctions (tax paid late) is payable; a ravvedimento needs its tax.
    expect(lines(f24Lines({ ...base, year: 2024, components: [{ kind: 'sanctions', amount: '3.00' }] }))).toEqual([['3924', '2024', 300, false]]);
    expect(problem(f24Lines({ ...base, year: 2024, ravvedimento: true, components: [{ kind: 'sanctions', amount: '3.00' }] }))).toBe('municipal.f24_no_tax');
    expect(problem(f24Lines({ ...base, year: 2024, components: [{ ...tax, amount: '0.00' }] }))).toBe('municipal.f24_no_tax');
    const twoTaxes = [tax, { ...tax, tributeCode: '3916' }, { kind: 'sanctions' as const, amount: '1.00' }];
    expect(problem(f24Lines({ ...base, year: 2024, ravvedimento: true, components: twoTaxes }))).toBe('municipal.f24_ambiguous');
    const role = f24Lines({ ...base, year: 2024, components: [{ ...tax, tributeCode: '3924' }] });
    expect(!role.ok && translate(role.problem, 'it')).toBe('Il codice tributo 3924 è per sanzioni, non per imposta');
    const charges = f24Lines({ ...base, year: 2024, components: [tax, { kind: 'collection_charges', amount: '3.00' }] });
    expect(!charges.ok && translate(charges.problem, 'en')).toBe('The collection charges component has no F24 tax code: state it separately');
  });
  it('lists every code once, each with a source', () => {
    expect(new Set(TRIBUTE_CODES.map((t) => t.code)).size).toBe(TRIBUTE_CODES.length);
    for (const t of TRIBUTE_CODES) expect(t.source, t.code).toBeTruthy();
    expect(TRIBUTE_CODES.every((t) => /^[0-9A-Z]{4}$/.test(t.code))).toBe(true);
  });
});
