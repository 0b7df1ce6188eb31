import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import type { Step, Strategy } from '../../domain/dunning/index.ts';
import { decodeMessage } from '../../domain/messages/index.ts';
import type { ClaimStatus } from '../../domain/model.ts';
import { smtpTransport } from '../../integrations/mail/transport.ts';
import { openTestDatabase } from '../../test/db.ts';
import { auditOf, createTestClaim, createTestDebtor, createTestTenant, useStrategy, type TestTenant } from '../../test/factories.ts';
import { pdfText } from '../../test/pdf.ts';
import { startSmtpServer } from '../../test/smtp.ts';
import { createGuarantee } from '../guarantees/create-guarantee.ts';
import { enforceGuarantee } from '../guarantees/enforce-guarantee.ts';
import { proposeMediation } from '../mediation/propose-mediation.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import { runDunning } from './run-dunning.ts';

let database: Database;
let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const RUN = '2026-10-15';

const step = (over: Partial<Step> & Pick<Step, 'key' | 'tier' | 'template'>): Step => ({
  delayDays: 10,
  delayFrom: 'due',
  channels: ['email'],
  conditions: {},
  fee: 'none',
  interest: 'none',
  ...over,
});

async function setup(strategy: Strategy) {
  const t = await createTestTenant(db);
  await useStrategy(db, t, strategy);
  return t;
}

async function companyDebtor(t: TestTenant, name: string) {
  const d = await createTestDebtor(db, t, { kind: 'company', companyName: name, firstName: undefined, lastName: undefined, taxCode: undefined, vatNumber: null });
  await db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: `${d.id.slice(0, 8)}@example.it`, consent: 'unknown', third_party: false }).execute();
  return d;
}

/** A closed claim paid `late` days after its due date: the history the risk class is computed from. */
async function paidClaim(t: TestTenant, debtorId: string, late: number) {
  const c = await createTestClaim(db, t, debtorId, { principal: '300.00', dueDate: '2026-01-01' });
  const closed = new Date(Date.UTC(2026, 0, 1 + late)).toISOString().slice(0, 10);
  await db.updateTable('claims').set({ status: 'paid' as ClaimStatus, closed_on: closed, principal_paid: '300.00' }).where('id', '=', c.id).execute();
}

const outboxOf = (tenantId: string) => db.selectFrom('outbox').select(['id', 'guarantor_letter_id', 'communication_id']).where('tenant_id', '=', tenantId).execute();
const lettersOf = (tenantId: string) =>
  db.selectFrom('guarantor_letters').select(['id', 'guarantee_id', 'channel', 'status', 'recipient', 'step_key', 'amount']).where('tenant_id', '=', tenantId).orderBy('created_at').execute();
const claimRow = (id: string) => db.selectFrom('claims').select(['dunning_step_key', 'dunning_step_on', 'next_action_on', 'hold_until']).where('id', '=', id).executeTakeFirstOrThrow();

describe('strategy step "enforce the guarantee"', () => {
  it('limited to risk class D: demands once from the class-D debtor’s guarantor, by e-mail through the outbox, and tells it only about its guarantee', async () => {
    const strategy: Strategy = {
      name: 'Escussione classe D',
      steps: [step({ key: 'escussione', tier: 'legal', template: 'legal-handoff-it', channels: ['pec', 'email', 'registered_letter'], conditions: { riskClasses: ['D'] }, action: 'enforce_guarantee' })],
    };
    const t = await setup(strategy);
    const bad = await companyDebtor(t, 'Cantieri Neri S.r.l.');
    const good = await companyDebtor(t, 'Puntuali Bianchi S.r.l.');
    // Three invoices paid 90 days late (class D), three paid on the day (B with the open one overdue).
    for (let i = 0; i < 3; i++) await paidClaim(t, bad.id, 90);
    for (let i = 0; i < 3; i++) await paidClaim(t, good.id, 0);
    const covered = await createTestClaim(db, t, bad.id, { externalRef: 'FT-COPERTA', principal: '1000.00', dueDate: '2026-09-01' });
    const secret = await createTestClaim(db, t, bad.id, { externalRef: 'FT-RISERVATA', principal: '9876.54', dueDate: '2026-09-01', description: 'Fornitura riservata' });
    const goodClaim = await createTestClaim(db, t, good.id, { externalRef: 'FT-PUNTUALE', principal: '500.00', dueDate: '2026-09-01' });
    await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, [bad.id, good.id], RUN));

    const guarantor = { kind: 'bank' as const, name: 'Banca Alpina S.p.A.', addressLine1: 'Piazza Affari 1', postalCode: '20123', city: 'Milano', email: 'garanzie@banca-alpina.example' };
    const gBad = await createGuarantee(db, t.users.admin.actor, {
      creditorId: t.creditor.id,
      debtorId: bad.id,
      guarantor,
      kind: 'bank_guarantee',
      reference: 'FB-77',
      amount: '5000.00',
      currency: 'EUR',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      covers: 'claims',
      claimIds: [covered.id],
    });
    const gGood = await createGuarantee(db, t.users.admin.actor, {
      creditorId: t.creditor.id,
      debtorId: good.id,
      guarantor: { ...guarantor, name: 'Banca Lariana S.p.A.' },
      kind: 'bank_guarantee',
      amount: '5000.00',
      currency: 'EUR',
      validFrom: '2026-01-01',
      covers: 'relationship',
    });

    const run = await runDunning(db, { date: RUN, tenantId: t.tenantId, time: '10:00' });
    expect(run.failed).toEqual([]);
    // Only the class-D debtor: one action, one demand, one outbox message.
    expect(run.actions.map((a) => [a.debtorId, a.audience, a.stepKey])).toEqual([[bad.id, 'guarantor', 'escussione']]);
    expect(run.actions[0]).toMatchObject({ channel: 'email', recipient: 'garanzie@banca-alpina.example', skipped: null, blocked: null });
    expect(run.actions[0]!.claims.map((c) => c.reference).sort()).toEqual(['FT-COPERTA', 'FT-RISERVATA']);
    const letters = await lettersOf(t.tenantId);
    expect(letters).toEqual([expect.objectContaining({ guarantee_id: gBad.id, channel: 'email', status: 'queued', recipient: 'garanzie@banca-alpina.example', step_key: 'escussione' })]);
    const outbox = await outboxOf(t.tenantId);
    expect(outbox).toEqual([expect.objectContaining({ guarantor_letter_id: letters[0]!.id, communication_id: null })]);
    expect((await db.selectFrom('guarantees').select('state').where('id', '=', gBad.id).executeTakeFirstOrThrow()).state).toBe('enforced');
    expect((await db.selectFrom('guarantees').select('state').where('id', '=', gGood.id).executeTakeFirstOrThrow()).state).toBe('active');
    // The claims are past the step; the class-B debtor's claim never met it.
    expect(await claimRow(covered.id)).toMatchObject({ dunning_step_key: 'escussione', dunning_step_on: RUN, next_action_on: null });
    expect(await claimRow(secret.id)).toMatchObject({ dunning_step_key: 'escussione' });
    expect((await claimRow(goodClaim.id)).dunning_step_key).toBeNull();
    const audit = await auditOf(db, t.tenantId, covered.id);
    expect(audit.at(-1)).toMatchObject({ action: 'claim.dunning_step_done', after: { step: 'escussione', action: 'enforce_guarantee', records: [{ kind: 'guarantor_letter', id: letters[0]!.id }] } });

    // Delivered once, with the PDF: the guarantor reads its guarantee and the covered claim, nothing else.
    const transport = smtpTransport(smtp.url);
    try {
      expect(await deliverOutbox(db, { transport, from: 'incasso <noreply@example.test>', tenantId: t.tenantId })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await deliverOutbox(db, { transport, from: 'incasso <noreply@example.test>', tenantId: t.tenantId })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await transport.close();
    }
    const mails = smtp.received.filter((m) => m.to.includes('garanzie@banca-alpina.example') && m.messageId.includes(letters[0]!.id));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    const pdf = pdfText(mail.attachments[0]!.content).replace(/\s+/g, ' ');
    for (const body of [pdf, mail.text.replace(/\s+/g, ' ')]) {
      expect(body).toContain('FT-COPERTA');
      expect(body).toContain('FB-77');
      expect(body).not.toContain('FT-RISERVATA');
      expect(body).not.toContain('9.876,54');
      expect(body).not.toContain('Fornitura riservata');
    }
    expect((await lettersOf(t.tenantId))[0]!.status).toBe('sent');

    // Re-runs (the same day, later days) demand nothing more and queue nothing more.
    for (const date of [RUN, '2026-10-16', '2026-12-31']) {
      const again = await runDunning(db, { date, tenantId: t.tenantId, time: '10:00' });
      expect(again.actions.filter((a) => a.audience === 'guarantor')).toEqual([]);
    }
    expect(await lettersOf(t.tenantId)).toHaveLength(1);
    expect(await outboxOf(t.tenantId)).toHaveLength(1);

    // A claim reaching the step later, its guarantee already enforced: skipped, saying why, and moved on.
    const late = await createTestClaim(db, t, bad.id, { externalRef: 'FT-TARDIVA', principal: '200.00', dueDate: '2026-10-20' });
    await db.insertInto('guarantee_claims').values({ tenant_id: t.tenantId, guarantee_id: gBad.id, claim_id: late.id }).execute();
    const skip = await runDunning(db, { date: '2026-11-05', tenantId: t.tenantId, time: '10:00' });
    const skipped = skip.actions.find((a) => a.claims.some((c) => c.id === late.id))!;
    expect(skipped).toMatchObject({ audience: 'guarantor', records: [] });
    expect(skipped.skipped?.code).toBe('guarantees.none_enforceable');
    expect(await claimRow(late.id)).toMatchObject({ dunning_step_key: 'escussione' });
    const lateAudit = (await auditOf(db, t.tenantId, late.id)).at(-1)!;
    expect(lateAudit.action).toBe('claim.dunning_step_skipped');
    expect(decodeMessage((lateAudit.after as { reason: string }).reason).code).toBe('guarantees.none_enforceable');
    expect(await outboxOf(t.tenantId)).toHaveLength(1);
  });

  it('the enforce button queues one outbox message too; a guarantor without e-mail gets a registered letter to print', async () => {
    const t = await setup({ name: 'solo lettere', steps: [step({ key: 'soft-1', tier: 'soft', template: 'soft-reminder' })] });
    const d = await companyDebtor(t, 'Edilsud S.r.l.');
    const c = await createTestClaim(db, t, d.id, { principal: '700.00', dueDate: '2026-09-01' });
    const base = { creditorId: t.creditor.id, debtorId: d.id, kind: 'personal_guarantee' as const, amount: '1000.00', currency: 'EUR' as const, validFrom: '2026-01-01', covers: 'claims' as const, claimIds: [c.id] };
    const byMail = await createGuarantee(db, t.users.admin.actor, { ...base, guarantor: { kind: 'person', name: 'Anna Bianchi', email: 'anna.bianchi@example.it' } });
    const byPost = await createGuarantee(db, t.users.admin.actor, { ...base, guarantor: { kind: 'person', name: 'Carlo Verdi', addressLine1: 'Via Po 12', postalCode: '10123', city: 'Torino' } });
    const none = await createGuarantee(db, t.users.admin.actor, { ...base, guarantor: { kind: 'person', name: 'Dario Neri', city: 'Torino' } });

    const mailed = await enforceGuarantee(db, t.users.operator.actor, byMail.id);
    expect(mailed.letters).toEqual([expect.objectContaining({ channel: 'email', status: 'queued', recipient: 'anna.bianchi@example.it', stepKey: null })]);
    expect(await outboxOf(t.tenantId)).toEqual([expect.objectContaining({ guarantor_letter_id: mailed.letters[0]!.id })]);

    const posted = await enforceGuarantee(db, t.users.operator.actor, byPost.id);
    expect(posted.letters).toEqual([expect.objectContaining({ channel: 'registered_letter', status: 'to_print', recipient: 'Carlo Verdi, Via Po 12, 10123 Torino' })]);
    expect(await outboxOf(t.tenantId)).toHaveLength(1);

    await expect(enforceGuarantee(db, t.users.operator.actor, none.id)).rejects.toMatchObject({ msg: { code: 'guarantees.guarantor_no_contact' } });
    expect((await db.selectFrom('guarantees').select('state').where('id', '=', none.id).executeTakeFirstOrThrow()).state).toBe('active');
    expect(await lettersOf(t.tenantId)).toHaveLength(2);
  });
});

describe('strategy step "propose mediation"', () => {
  it('proposes once for the debtor × creditor, holds the claims; a re-run or a pending mediation proposes none', async () => {
    const strategy: Strategy = {
      name: 'Mediazione',
      steps: [
        step({ key: 'mediazione', tier: 'negotiation', template: 'negotiation-offer', delayDays: 40, action: 'propose_mediation' }),
        step({ key: 'legale', tier: 'legal', template: 'legal-handoff-it', delayDays: 15, delayFrom: 'previous' }),
      ],
    };
    const t = await setup(strategy);
    const d = await companyDebtor(t, 'Trasporti Gialli S.r.l.');
    const a = await createTestClaim(db, t, d.id, { principal: '4000.00', dueDate: '2026-09-01' });
    const b = await createTestClaim(db, t, d.id, { principal: '1500.00', dueDate: '2026-09-03' });
    const other = await companyDebtor(t, 'Logistica Viola S.r.l.');
    const o = await createTestClaim(db, t, other.id, { principal: '800.00', dueDate: '2026-09-01' });
    // The other debtor is already in a mediation the operator proposed.
    const manual = await proposeMediation(db, t.users.operator.actor, { creditorId: t.creditor.id, debtorId: other.id });
    await db.updateTable('claims').set({ hold_until: null, hold_reason: null }).where('id', '=', o.id).execute();

    const run = await runDunning(db, { date: RUN, tenantId: t.tenantId, time: '10:00' });
    expect(run.failed).toEqual([]);
    const mine = run.actions.find((x) => x.debtorId === d.id)!;
    expect(mine).toMatchObject({ audience: 'mediation', stepKey: 'mediazione', skipped: null });
    expect(mine.records).toHaveLength(1);
    const mediations = await db.selectFrom('mediations').selectAll().where('tenant_id', '=', t.tenantId).where('debtor_id', '=', d.id).execute();
    // A company, Italian creditor, € 5,500 in dispute: negoziazione assistita, 90 days' pause.
    expect(mediations).toEqual([expect.objectContaining({ id: mine.records[0]!.id, procedure: 'negoziazione_assistita', outcome: 'pending', proposed_on: RUN, pause_until: '2027-01-13' })]);
    const held = await db.selectFrom('mediation_claims').select('claim_id').where('mediation_id', '=', mediations[0]!.id).execute();
    expect(held.map((h) => h.claim_id).sort()).toEqual([a.id, b.id].sort());
    // Held until the pause ends; the next step not before the day after.
    expect(await claimRow(a.id)).toMatchObject({ dunning_step_key: 'mediazione', hold_until: '2027-01-13', next_action_on: '2027-01-14' });
    expect(await claimRow(b.id)).toMatchObject({ dunning_step_key: 'mediazione', hold_until: '2027-01-13' });

    // The other debtor: skipped, the pending one named; no second mediation.
    const skipped = run.actions.find((x) => x.debtorId === other.id)!;
    expect(skipped.skipped).toMatchObject({ code: 'mediation.already_pending' });
    expect(await db.selectFrom('mediations').select('id').where('debtor_id', '=', other.id).execute()).toEqual([{ id: manual.id }]);

    // Re-runs propose nothing more.
    for (const date of [RUN, '2026-10-16', '2026-11-30']) {
      const again = await runDunning(db, { date, tenantId: t.tenantId, time: '10:00' });
      expect(again.actions.filter((x) => x.audience === 'mediation')).toEqual([]);
    }
    expect(await db.selectFrom('mediations').select('id').where('tenant_id', '=', t.tenantId).execute()).toHaveLength(2);
  });
});
