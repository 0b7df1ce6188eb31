import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_INSTALMENT_REFERENCE_PREFIX, claimReferences } from '../../domain/dunning/references.ts';
import type { Database } from '../../db/connect.ts';
import { parseDate, today } from '../../domain/dates.ts';
import type { LetterInput } from '../../integrations/letters/index.ts';
import { openTestDatabase } from '../../test/db.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { auditOf, createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { proposePlan } from './propose-plan.ts';
import { sendPlanReminders } from './send-plan-reminders.ts';

/** Reminders per instalment (issue 15 item 1): before the due date, and the express one (c.800) after an unpaid one; each once. */
let database: Database;
let t: TestTenant;
beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  await database.db
    .updateTable('creditors')
    .set({ address_line1: 'Via Roma 1', postal_code: '20121', city: 'Milano', province: 'MI', country: 'IT', email: 'crediti@mandante.example', iban: 'IT60X0542811101000000123456' })
    .where('id', '=', t.creditor.id)
    .execute();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const debtorWith = async (lastName: string, email: string | null) => {
  const d = await createTestDebtor(database.db, t, { lastName });
  if (email) await database.db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: email, consent: 'unknown', third_party: false }).execute();
  await database.db
    .insertInto('addresses')
    .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: 'Via Verdi 10', postal_code: '24100', city: 'Bergamo', province: 'BG', country: 'IT', source: 'test' })
    .execute();
  return d;
};
const commsOf = (debtorId: string) =>
  database.db.selectFrom('communications').select(['id', 'channel', 'status', 'step_key', 'tier', 'subject', 'amount', 'body_text', 'letter', 'recipient']).where('debtor_id', '=', debtorId).orderBy('ref_no').execute();
const instalmentsOf = (planId: string) => database.db.selectFrom('plan_instalments').select(['number', 'courtesy_on', 'reminded_on']).where('plan_id', '=', planId).orderBy('number').execute();
const shift = (d: string, days: number) => parseDate(d).add({ days }).toString();

describe('sendPlanReminders (the plan-reminders job)', () => {
  it('a courtesy reminder a week before, by e-mail or letter; the express one ten days after an unpaid due date, recorded for c.800; each once', async () => {
    const todayIso = today().toString();
    const a = await debtorWith('Promemoria', 'anna.promemoria@example.it');
    const b = await debtorWith('Lettera', null);
    const plans = [];
    for (const d of [a, b]) {
      const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '300.00', dueDate: '2026-06-30' });
      plans.push(await proposePlan(database.db, t.users.operator.actor, { claimIds: [c.id], count: 3 }));
    }
    const [pa, pb] = plans as [Awaited<ReturnType<typeof proposePlan>>, Awaited<ReturnType<typeof proposePlan>>];
    expect(pa).toMatchObject({ state: 'active', total: '300.00' });
    expect(pa.instalments.map((i) => i.amount)).toEqual(['100.00', '100.00', '100.00']);
    const due1 = pa.instalments[0]!.dueOn;
    // Anna pays €40 towards the first instalment today.
    await recordPayment(database.db, t.users.operator.actor, { debtorId: a.id, creditorId: t.creditor.id, amount: '40.00', currency: 'EUR', valueDate: todayIso, method: 'bank_transfer' });

    expect(await sendPlanReminders(database.db, { date: shift(due1, -8), time: '10:00', tenantId: t.tenantId })).toEqual({ courtesy: 0, express: 0, blocked: 0, failed: [] });
    const week = shift(due1, -7);
    expect(await sendPlanReminders(database.db, { date: week, time: '10:00', tenantId: t.tenantId })).toEqual({ courtesy: 2, express: 0, blocked: 0, failed: [] });
    const [mailA] = await commsOf(a.id);
    expect(mailA).toMatchObject({ channel: 'email', status: 'queued', step_key: 'plan-courtesy', tier: 'soft', amount: '60.00', recipient: 'anna.promemoria@example.it', letter: null });
    expect(mailA!.subject).toMatch(/^Promemoria: rata n\. 1 in scadenza il /);
    expect(mailA!.body_text).toMatch(/restano da pagare 60,00\s€/);
    expect(await database.db.selectFrom('outbox').select('status').where('communication_id', '=', mailA!.id).execute()).toEqual([{ status: 'pending' }]);
    const [letterB] = await commsOf(b.id);
    expect(letterB).toMatchObject({ channel: 'letter', status: 'to_print', step_key: 'plan-courtesy', amount: '100.00' });
    const letter = letterB!.letter as unknown as LetterInput;
    // The slip carries the instalment's own RF (prefix 3 and its number), as on the plan's document.
    const refNo = (await database.db.selectFrom('plan_instalments').select('ref_no').where('plan_id', '=', pb.id).where('number', '=', 1).executeTakeFirstOrThrow()).ref_no;
    expect(letter.payment).toMatchObject({ amount: '100.00', payBy: due1, referenceType: 'SCOR', reference: claimReferences(refNo, PLAN_INSTALMENT_REFERENCE_PREFIX).rf });
    expect(letter.legalNotice).toEqual([]);
    expect((await instalmentsOf(pa.id))[0]).toEqual({ number: 1, courtesy_on: week, reminded_on: null });
    // Again the same day (a retry, a second node) or the next: nothing twice.
    expect(await sendPlanReminders(database.db, { date: week, time: '10:00', tenantId: t.tenantId })).toMatchObject({ courtesy: 0, express: 0 });
    expect(await sendPlanReminders(database.db, { date: shift(week, 1), time: '10:00', tenantId: t.tenantId })).toMatchObject({ courtesy: 0, express: 0 });

    // Unpaid ten days after the due date: the express reminder, which the lapse of c.800 counts.
    expect(await sendPlanReminders(database.db, { date: shift(due1, 9), time: '10:00', tenantId: t.tenantId })).toMatchObject({ courtesy: 0, express: 0 });
    const after = shift(due1, 10);
    expect(await sendPlanReminders(database.db, { date: after, time: '10:00', tenantId: t.tenantId })).toEqual({ courtesy: 0, express: 2, blocked: 0, failed: [] });
    const express = (await commsOf(a.id))[1]!;
    expect(express).toMatchObject({ channel: 'email', step_key: 'plan-express', tier: 'formal', amount: '60.00' });
    expect(express.subject).toMatch(/^Sollecito: rata n\. 1 scaduta il /);
    expect(express.body_text).toMatch(/mancano 60,00\s€/);
    expect(express.body_text).toContain('espresso sollecito');
    expect((await instalmentsOf(pa.id))[0]).toEqual({ number: 1, courtesy_on: week, reminded_on: after });
    expect((await instalmentsOf(pb.id))[0]).toEqual({ number: 1, courtesy_on: week, reminded_on: after });
    const recorded = (await auditOf(database.db, t.tenantId, pa.id)).filter((e) => e.action === 'plan.reminder_recorded');
    expect(recorded).toEqual([expect.objectContaining({ actor_label: 'system:plan-reminders', after: { number: 1, sentOn: after } })]);
    const letterExpress = (await commsOf(b.id))[1]!.letter as unknown as LetterInput;
    expect(letterExpress.payment).toMatchObject({ amount: '100.00', payBy: shift(after, 10) });
    expect(await sendPlanReminders(database.db, { date: after, time: '10:00', tenantId: t.tenantId })).toMatchObject({ courtesy: 0, express: 0 });
    expect(await commsOf(a.id)).toHaveLength(2);
    // Every message sent is a written contact in the log (the weekly limits count it).
    expect(await database.db.selectFrom('contact_log').select(['channel', 'allowed']).where('debtor_id', '=', a.id).execute()).toEqual([
      { channel: 'email', allowed: true },
      { channel: 'email', allowed: true },
    ]);
  });

  it('never writes to a debtor who opted out of e-mail and has no address: blocked, tried again next time', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Rifiuto' });
    await database.db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: 'no@example.it', consent: 'withdrawn', third_party: false }).execute();
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2026-06-30' });
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [c.id], count: 2 });
    const r = await sendPlanReminders(database.db, { date: shift(plan.instalments[0]!.dueOn, -3), time: '10:00', tenantId: t.tenantId });
    expect(r.blocked).toBeGreaterThanOrEqual(1);
    expect(await commsOf(d.id)).toEqual([]);
    expect((await instalmentsOf(plan.id))[0]).toEqual({ number: 1, courtesy_on: null, reminded_on: null });
  });

  it('a comune’s instalment reminder asks for the instalment through its own pagoPA notice, for the instalment’s amount, not the position’s notice', async () => {
    await database.db
      .updateTable('creditors')
      .set({ tax_code: fakePartitaIva(5151), pagopa: JSON.stringify({ noticeMode: 'generated', segregationCode: '07' }), cadastral_code: 'H501', address_line1: 'Piazza del Municipio 1', postal_code: '00100', city: 'Valdoria' })
      .where('id', '=', t.otherCreditor.id)
      .execute();
    const d = await debtorWith('Avviso', null);
    const c = await createTestClaim(database.db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal: '450.00', dueDate: today().add({ days: 20 }).toString() });
    const position = (await database.db.selectFrom('claims').select('notice_code').where('id', '=', c.id).executeTakeFirstOrThrow()).notice_code;
    expect(position).not.toBeNull();
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [c.id], count: 4 });
    expect(plan.state).toBe('active');
    const first = await database.db.selectFrom('plan_instalments').select(['notice_code', 'amount']).where('plan_id', '=', plan.id).where('number', '=', 1).executeTakeFirstOrThrow();
    expect(first.notice_code).not.toBeNull();
    expect(first.notice_code).not.toBe(position);
    const r = await sendPlanReminders(database.db, { date: shift(plan.instalments[0]!.dueOn, -7), time: '10:00', tenantId: t.tenantId });
    expect(r).toMatchObject({ courtesy: 1, failed: [] });
    const [sent] = await commsOf(d.id);
    expect(sent).toMatchObject({ channel: 'letter', amount: '112.50' });
    const letter = sent!.letter as unknown as LetterInput;
    const notices = letter.municipal!.positions.map((x) => x.pagopa);
    expect(notices).toEqual([expect.objectContaining({ noticeCode: first.notice_code, amount: '112.50', payBy: plan.instalments[0]!.dueOn, qrPayload: `PAGOPA|002|${first.notice_code}|${fakePartitaIva(5151)}|11250` })]);
    // The F24 would pay the whole position, not the instalment.
    expect(letter.municipal!.positions.map((x) => x.f24)).toEqual([null]);
    expect(JSON.stringify(letter)).not.toContain(position!);
  });
});

