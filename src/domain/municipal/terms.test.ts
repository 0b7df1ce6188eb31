import { describe, expect, it } from 'vitest';
import { MUNICIPAL_TERMS, lapsedTerm, termLapse, type TermPosition } from './terms.ts';

const position = (p: Partial<TermPosition>): TermPosition => ({
  kind: 'imu',
  actKind: 'bonario',
  dueDate: '2019-12-16',
  taxYear: 2019,
  actDate: null,
  actNotifiedOn: null,
  actEnforceableOn: null,
  ...p,
});

describe('decadenza of the power to assess, art. 1 c. 161 L. 296/2006', () => {
  it('IMU 2019 saldo due 16/12/2019: assessable until 31/12/2024, lapsed from 01/01/2025', () => {
    const imu = position({});
    expect(termLapse(imu)).toMatchObject({ lapsedOn: '2025-01-01', term: { key: 'decadenza-accertamento', kind: 'decadenza', law: 'art. 1 c. 161 L. 296/2006', verified: true } });
    expect(lapsedTerm(imu, '2024-12-31')).toBeNull();
    expect(lapsedTerm(imu, '2025-01-01')?.lapsedOn).toBe('2025-01-01');
  });
  it('counts the year the payment was due: TARI 2020 due 31/03/2021 lapses on 01/01/2027', () => {
    expect(termLapse(position({ kind: 'tari', taxYear: 2020, dueDate: '2021-03-31' }))?.lapsedOn).toBe('2027-01-01');
  });
  it('never counts from before the tax year', () => {
    expect(termLapse(position({ taxYear: 2021, dueDate: '2020-06-16' }))?.lapsedOn).toBe('2027-01-01');
  });
  it('a position with no act recorded is at the bonario stage', () => {
    expect(termLapse(position({ actKind: null }))?.term.key).toBe('decadenza-accertamento');
  });
});

describe('prescription of the assessed claim (five years, configurable: verified false)', () => {
  it('runs from enforceability: enforceable 04/12/2020 → past it from 05/12/2025', () => {
    const acc = position({ actKind: 'accertamento_esecutivo', actDate: '2020-09-30', actNotifiedOn: '2020-10-05', actEnforceableOn: '2020-12-04' });
    expect(termLapse(acc)).toMatchObject({ lapsedOn: '2025-12-05', term: { key: 'prescrizione-tributo-accertato', kind: 'prescrizione', verified: false } });
    expect(lapsedTerm(acc, '2025-12-04')).toBeNull();
    expect(lapsedTerm(acc, '2025-12-05')).not.toBeNull();
  });
  it('without the enforceability date: 60 days after notification (c. 792 L. 160/2019)', () => {
    expect(termLapse(position({ actKind: 'accertamento_esecutivo', actNotifiedOn: '2020-10-05' }))?.lapsedOn).toBe('2025-12-05');
  });
  it('an assessed act without any date has no computable term', () => {
    expect(termLapse(position({ actKind: 'ingiunzione_fiscale' }))).toBeNull();
  });
  it('CdS fine: five years from the verbale (29/02/2020 → past it from 01/03/2025)', () => {
    expect(termLapse(position({ kind: 'cds_fine', actKind: 'verbale_cds', actDate: '2020-02-29', dueDate: '2020-05-10', taxYear: null }))).toMatchObject({
      lapsedOn: '2025-03-01',
      term: { key: 'prescrizione-cds', law: 'art. 28 L. 689/1981; art. 209 D.Lgs. 285/1992' },
    });
  });
  it('CUP notice: five years from the due date', () => {
    expect(termLapse(position({ kind: 'cup', actKind: 'cup_notice', dueDate: '2021-04-30', taxYear: 2021 }))?.lapsedOn).toBe('2026-05-01');
  });
});

describe('the table is data', () => {
  it('a company claim has no municipal term', () => {
    expect(termLapse(position({ kind: 'invoice', actKind: null }))).toBeNull();
  });
  it('a caller may pass its own table (a comune whose regulation says otherwise)', () => {
    const longer = MUNICIPAL_TERMS.map((t) => (t.key === 'prescrizione-tributo-accertato' ? { ...t, years: 10, law: 'art. 2946 c.c.' } : t));
    const acc = position({ actKind: 'accertamento_esecutivo', actEnforceableOn: '2020-12-04' });
    expect(termLapse(acc, longer)).toMatchObject({ lapsedOn: '2030-12-05', term: { law: 'art. 2946 c.c.' } });
  });
  it('every line cites its law', () => {
    for (const t of MUNICIPAL_TERMS) expect(t.law).not.toBe('');
  });
});
