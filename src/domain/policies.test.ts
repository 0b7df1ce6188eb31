import { describe, expect, it } from 'vitest';
import { debtorDisplayName } from './model.ts';
import { answeringActor, can, ROLES, type Actor, type Role } from './policies.ts';

const actor = (role: Role): Actor => ({ tenantId: 't', userId: 'u', role, creditorId: role === 'viewer' ? 'c' : null, label: role });

describe('policies', () => {
  it('lets a viewer read and never write', () => {
    expect(can(actor('viewer'), 'read', 'claim')).toBe(true);
    for (const r of ['creditor', 'debtor', 'contact', 'claim', 'payment', 'note'] as const) {
      expect(can(actor('viewer'), 'create', r)).toBe(false);
      expect(can(actor('viewer'), 'update', r)).toBe(false);
    }
  });
  it('keeps creditors to supervisors and users to admins', () => {
    expect(can(actor('operator'), 'create', 'creditor')).toBe(false);
    expect(can(actor('supervisor'), 'create', 'creditor')).toBe(true);
    expect(can(actor('supervisor'), 'create', 'user')).toBe(false);
    expect(can(actor('supervisor'), 'read', 'user')).toBe(false);
    expect(can(actor('admin'), 'create', 'user')).toBe(true);
    expect(can(actor('operator'), 'create', 'payment')).toBe(true);
  });
  it('leaves waiving a creditor’s money to supervisors and admins', () => {
    expect(can(actor('operator'), 'create', 'waiver')).toBe(false);
    expect(can(actor('viewer'), 'create', 'waiver')).toBe(false);
    expect(can(actor('supervisor'), 'create', 'waiver')).toBe(true);
    expect(can(actor('admin'), 'create', 'waiver')).toBe(true);
  });
  it('keeps the desk’s supervision (board, corrections, reassignment, reviews) to supervisors and admins', () => {
    for (const action of ['read', 'update'] as const) {
      expect(can(actor('operator'), action, 'supervision')).toBe(false);
      expect(can(actor('viewer'), action, 'supervision')).toBe(false);
      expect(can(actor('supervisor'), action, 'supervision')).toBe(true);
      expect(can(actor('admin'), action, 'supervision')).toBe(true);
    }
    // An operator still reads the queues it works.
    expect(can(actor('operator'), 'read', 'queue')).toBe(true);
  });
});

describe('debtorDisplayName', () => {
  it('names people surname first and companies by their name', () => {
    expect(debtorDisplayName({ kind: 'consumer', firstName: 'Mario', lastName: 'Rossi' })).toBe('Rossi Mario');
    expect(debtorDisplayName({ kind: 'company', companyName: ' Alfa S.r.l. ' })).toBe('Alfa S.r.l.');
    expect(debtorDisplayName({ kind: 'sole_trader', companyName: 'Bar Sport', firstName: 'Anna', lastName: 'Neri' })).toBe(
      'Bar Sport (Neri Anna)',
    );
  });
  it('keeps approving plans outside the rules and the c.798 extension to supervisors and admins', () => {
    for (const action of ['read', 'update'] as const) {
      expect(can(actor('operator'), action, 'plan_approval')).toBe(false);
      expect(can(actor('viewer'), action, 'plan_approval')).toBe(false);
      expect(can(actor('supervisor'), action, 'plan_approval')).toBe(true);
      expect(can(actor('admin'), action, 'plan_approval')).toBe(true);
    }
  });
  it('queries (issue 16 item 4): the agency opens them, either side replies, the creditor answers — a viewer writes nothing else', () => {
    const expected: Record<Role, Record<'read' | 'open' | 'reply' | 'answer', boolean>> = {
      admin: { read: true, open: true, reply: true, answer: true },
      supervisor: { read: true, open: true, reply: true, answer: true },
      operator: { read: true, open: true, reply: true, answer: false },
      viewer: { read: true, open: false, reply: true, answer: true },
      law_firm: { read: false, open: false, reply: false, answer: false },
    };
    for (const role of ROLES) {
      const a = actor(role);
      expect({
        read: can(a, 'read', 'query'),
        open: can(a, 'create', 'query'),
        reply: can(a, 'update', 'query'),
        answer: can(a, 'create', 'query_answer'),
      }, role).toEqual(expected[role]);
      expect(can(a, 'update', 'query_answer'), role).toBe(false);
    }
    // A viewer not bound to a creditor neither replies nor answers.
    const loose: Actor = { ...actor('viewer'), creditorId: null };
    expect(can(loose, 'update', 'query')).toBe(false);
    expect(can(loose, 'create', 'query_answer')).toBe(false);
    // The answer's opening changes nothing else for the viewer.
    for (const r of ['claim', 'payment', 'plan_approval', 'note', 'debtor'] as const) {
      expect(can(actor('viewer'), 'create', r)).toBe(false);
      expect(can(actor('viewer'), 'update', r)).toBe(false);
    }
  });
  it('an answer runs the position’s use cases with a supervisor’s rights, keeping who answered and the creditor scoping', () => {
    const a = answeringActor(actor('viewer'));
    expect(a).toMatchObject({ role: 'supervisor', creditorId: 'c', label: 'viewer', userId: 'u' });
    expect(can(a, 'update', 'plan_approval')).toBe(true);
    expect(() => answeringActor(actor('operator'))).toThrow(RangeError);
  });
  it('lets a law firm read and update its legal dossiers and nothing else', () => {
    const firm = actor('law_firm');
    expect(can(firm, 'read', 'legal_dossier')).toBe(true);
    expect(can(firm, 'update', 'legal_dossier')).toBe(true);
    expect(can(firm, 'create', 'legal_dossier')).toBe(false);
    for (const r of ['creditor', 'debtor', 'contact', 'address', 'claim', 'payment', 'note', 'user', 'audit', 'rate', 'communication', 'settings', 'commission', 'discharge_report'] as const) {
      for (const a of ['read', 'create', 'update'] as const) expect(can(firm, a, r)).toBe(false);
    }
    expect(can(actor('supervisor'), 'create', 'legal_dossier')).toBe(true);
    expect(can(actor('operator'), 'create', 'legal_dossier')).toBe(false);
    expect(can(actor('operator'), 'read', 'legal_dossier')).toBe(true);
    expect(can(actor('viewer'), 'read', 'legal_dossier')).toBe(true);
  });
});
