import { describe, expect, it } from 'vitest';
import { chooseProcedure, pauseUntil, proposeProcedure } from './rules.ts';

describe('mediation rules', () => {
  it('proposes UNIREC conciliation to an Italian creditor’s consumer', () => {
    expect(proposeProcedure('consumer', 'IT', '1200.00')).toMatchObject({ procedure: 'conciliazione_paritetica', compulsory: false });
  });

  it('proposes negoziazione assistita to a business up to € 50,000 (compulsory) and mediazione above', () => {
    expect(proposeProcedure('company', 'IT', '50000.00')).toMatchObject({ procedure: 'negoziazione_assistita', compulsory: true, law: 'art. 3 D.L. 132/2014 (L. 162/2014)' });
    expect(proposeProcedure('sole_trader', 'IT', '50000.01')).toMatchObject({ procedure: 'mediazione', compulsory: false });
  });

  it('proposes Schlichtung in Switzerland and nothing in Germany or France', () => {
    expect(proposeProcedure('consumer', 'CH', '800.00')).toMatchObject({ procedure: 'schlichtung', compulsory: true, pauseDays: 60, law: 'art. 197, 203 ZPO' });
    expect(proposeProcedure('company', 'DE', '800.00')).toBeNull();
    expect(proposeProcedure('consumer', 'FR', '800.00')).toBeNull();
  });

  it('takes the operator’s choice when the jurisdiction allows it', () => {
    expect(chooseProcedure('consumer', 'IT', '100.00', { procedure: 'mediazione' })).toMatchObject({ procedure: 'mediazione', compulsory: false });
    expect(chooseProcedure('company', 'IT', '90000.00', { compulsoryByMatter: true })).toMatchObject({ procedure: 'mediazione', compulsory: true });
    expect(chooseProcedure('company', 'IT', '100.00', { procedure: 'conciliazione_paritetica' })).toBe('not_allowed');
    expect(chooseProcedure('company', 'IT', '100.00', { procedure: 'schlichtung' })).toBe('not_allowed');
    expect(chooseProcedure('company', 'DE', '100.00')).toBe('not_available');
  });

  it('pauses for the procedure’s length', () => {
    expect(pauseUntil('2026-12-06', 90)).toBe('2027-03-06');
  });
});
