import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { STRATEGY_TEMPLATES } from '../../domain/dunning/index.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { AppError } from '../../domain/errors.ts';
import { listPhoneTasks } from '../communications/list-phone-tasks.ts';
import { recordPhoneContact } from '../communications/record-phone-contact.ts';
import { runDunning } from './run-dunning.ts';

/*
 * Issue 13 item 6, the dunning run on the shipped comune strategy: phone first (a call 5 days after the
 * load), letters only to taxpayers the phone cannot reach, and no dunning at all for positions past
 * their decadenza or prescription term (src/domain/municipal/terms.ts).
 */

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

async function comune(): Promise<TestTenant> {
  const t = await createTestTenant(db);
  await db
    .updateTable('creditors')
    .set({ name: 'Valdoria', address_line1: 'Piazza Municipio 1', postal_code: '38100', city: 'Valdoria', country: 'IT', tax_code: '80012345678', cadastral_code: 'L378', email: 'tributi@valdoria.example', pagopa: JSON.stringify({ noticeMode: 'none' }) })
    .where('id', '=', t.otherCreditor.id)
    .execute();
  const s = STRATEGY_TEMPLATES.comune;
  await db.insertInto('strategies').values({ tenant_id: t.tenantId, creditor_id: t.otherCreditor.id, name: s.name, steps: JSON.stringify(s.steps), active: true }).execute();
  return t;
}

async function taxpayer(t: TestTenant, phone: { value?: string; consent?: 'withdrawn'; status?: 'invalid' } | null) {
  const d = await createTestDebtor(db, t);
  await db
    .insertInto('addresses')
    .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: 'Via dei Mille 12', postal_code: '38100', city: 'Valdoria', province: 'TN', country: 'IT', source: 'test' })
    .execute();
  if (phone) {
    await db
      .insertInto('contacts')
      .values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'mobile', value: phone.value ?? '+393331234567', consent: phone.consent ?? 'unknown', status: phone.status ?? 'unverified', third_party: false })
      .execute();
  }
  return d;
}

/** A TARI position of 2024 loaded (imported) on `loadedOn`. */
async function position(t: TestTenant, debtorId: string, loadedOn: string, over: Record<string, unknown> = {}) {
  const c = await createTestClaim(db, t, debtorId, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2024, principal: '420.00', dueDate: '2024-12-16', ...over });
  await db.updateTable('claims').set({ created_at: new Date(`${loadedOn}T09:00:00+01:00`) }).where('id', '=', c.id).execute();
  return c;
}

const actionsOf = (r: Awaited<ReturnType<typeof runDunning>>, debtorId: string) => r.actions.filter((a) => a.debtorId === debtorId).map((a) => [a.stepKey, a.channel]);

describe('the comune strategy, phone first', () => {
  it('calls 5 days after the load; writes at once to who has no usable number or asked to be written to', async () => {
    const t = await comune();
    const withPhone = await taxpayer(t, {});
    const noPhone = await taxpayer(t, null);
    const optedOut = await taxpayer(t, { consent: 'withdrawn' });
    const wrong = await taxpayer(t, { status: 'invalid' });
    for (const d of [withPhone, noPhone, optedOut, wrong]) await position(t, d.id, '2026-03-02');

    const day1 = await runDunning(db, { date: '2026-03-02', tenantId: t.tenantId, time: '10:00' });
    expect(actionsOf(day1, withPhone.id)).toEqual([]);
    for (const d of [noPhone, optedOut, wrong]) expect(actionsOf(day1, d.id)).toEqual([['avviso-bonario', 'letter']]);

    expect(actionsOf(await runDunning(db, { date: '2026-03-06', tenantId: t.tenantId, time: '10:00' }), withPhone.id)).toEqual([]);
    const day5 = await runDunning(db, { date: '2026-03-07', tenantId: t.tenantId, time: '10:00' });
    expect(actionsOf(day5, withPhone.id)).toEqual([['telefonata', 'phone_task']]);
    expect(day5.actions.filter((a) => a.debtorId !== withPhone.id)).toEqual([]);
  });

  it('writes to who was not reached within 20 days of the call; calls again with the instalment offer who was', async () => {
    const t = await comune();
    const unanswered = await taxpayer(t, {});
    const reached = await taxpayer(t, { value: '+393339876543' });
    await position(t, unanswered.id, '2026-03-02');
    await position(t, reached.id, '2026-03-02');
    await runDunning(db, { date: '2026-03-07', tenantId: t.tenantId, time: '10:00' });
    // The operator spoke with one of them (the call screen closes the task as done).
    await db.updateTable('communications').set({ status: 'task_done' }).where('debtor_id', '=', reached.id).where('channel', '=', 'phone_task').execute();

    expect((await runDunning(db, { date: '2026-03-26', tenantId: t.tenantId, time: '10:00' })).actions).toEqual([]);
    const r = await runDunning(db, { date: '2026-03-27', tenantId: t.tenantId, time: '10:00' });
    expect(actionsOf(r, unanswered.id)).toEqual([['avviso-bonario', 'letter']]);
    expect(actionsOf(r, reached.id)).toEqual([['rateizzazione-telefono', 'phone_task']]);
  });
});

describe('a taxpayer who asks to be written to', () => {
  it('the call records it: the numbers are opted out (audited), the task is done, and the avviso bonario goes out by letter', async () => {
    const t = await comune();
    const d = await taxpayer(t, {});
    await position(t, d.id, '2026-03-02');
    const r = await runDunning(db, { date: '2026-03-09', tenantId: t.tenantId, time: '10:00' });
    const task = r.actions[0]!.communicationId!;
    const call = await recordPhoneContact(db, t.users.operator.actor, task, { outcome: 'asked_in_writing' }, new Date('2026-03-10T10:00:00+01:00'));
    expect(call).toMatchObject({ recorded: true, task: { status: 'task_done' }, outcome: 'asked_in_writing' });
    expect(await db.selectFrom('contacts').select(['consent', 'status']).where('debtor_id', '=', d.id).execute()).toEqual([{ consent: 'withdrawn', status: 'unverified' }]);
    expect(await db.selectFrom('audit_events').select('action').where('debtor_id', '=', d.id).where('action', '=', 'contact.updated').execute()).toHaveLength(1);
    // Not before 20 days after the call step, then in writing (and never called again).
    expect(actionsOf(await runDunning(db, { date: '2026-03-28', tenantId: t.tenantId, time: '10:00' }), d.id)).toEqual([]);
    expect(actionsOf(await runDunning(db, { date: '2026-03-29', tenantId: t.tenantId, time: '10:00' }), d.id)).toEqual([['avviso-bonario', 'letter']]);
  });
});

describe('positions past their decadenza or prescription term', () => {
  it('an IMU 2019 position at the bonario stage is dunned until 31/12/2024 and never from 01/01/2025 (art. 1 c. 161 L. 296/2006)', async () => {
    const t = await comune();
    const before = await taxpayer(t, null);
    const after = await taxpayer(t, null);
    const imu = { kind: 'imu', taxYear: 2019, dueDate: '2019-12-16', principal: '980.00' };
    const a = await position(t, before.id, '2024-12-20', imu);
    await db.updateTable('claims').set({ act_kind: 'bonario' }).where('id', '=', a.id).execute();
    const lastDay = await runDunning(db, { date: '2024-12-31', tenantId: t.tenantId, time: '10:00' });
    expect(lastDay.actions.map((x) => [x.stepKey, x.claims.map((c) => c.id)])).toEqual([['avviso-bonario', [a.id]]]);

    const b = await position(t, after.id, '2024-12-20', imu);
    await db.updateTable('claims').set({ act_kind: 'bonario' }).where('id', '=', b.id).execute();

    const lapsed = await runDunning(db, { date: '2025-01-01', tenantId: t.tenantId, time: '10:00' });
    expect(lapsed.actions).toEqual([]);
    expect(lapsed.debtors).toBe(0);
    expect(await db.selectFrom('communications').select('id').where('debtor_id', '=', after.id).execute()).toEqual([]);
    // Later runs leave it alone too, and neither the call nor the letter goes out.
    expect((await runDunning(db, { date: '2025-06-30', tenantId: t.tenantId, time: '10:00' })).actions.filter((x) => x.debtorId === after.id)).toEqual([]);
  });

  it('an assessed position past its prescription is skipped, the debtor’s other positions still go out', async () => {
    const t = await comune();
    const d = await taxpayer(t, null);
    const old = await position(t, d.id, '2026-03-02', { kind: 'imu', taxYear: 2018, dueDate: '2018-12-17', principal: '1500.00' });
    await db.updateTable('claims').set({ act_kind: 'accertamento_esecutivo', act_number: '2020/IMU/7', act_notified_on: '2020-10-05', act_enforceable_on: '2020-12-04' }).where('id', '=', old.id).execute();
    const fresh = await position(t, d.id, '2026-03-02');
    const r = await runDunning(db, { date: '2026-03-02', tenantId: t.tenantId, time: '10:00' });
    expect(r.actions.map((x) => x.claims.map((c) => c.id))).toEqual([[fresh.id]]);
    expect(await db.selectFrom('claims').select('dunning_step_no').where('id', '=', old.id).executeTakeFirstOrThrow()).toEqual({ dunning_step_no: 0 });
  });
});

describe('phone tasks of positions past their term', () => {
  it('the call list drops a task once its position lapses (IMU 2019, 01/01/2025), and the call cannot be recorded', async () => {
    const t = await comune();
    const d = await taxpayer(t, {});
    const c = await position(t, d.id, '2024-12-20', { kind: 'imu', taxYear: 2019, dueDate: '2019-12-16', principal: '980.00' });
    await db.updateTable('claims').set({ act_kind: 'bonario' }).where('id', '=', c.id).execute();
    const r = await runDunning(db, { date: '2024-12-27', tenantId: t.tenantId, time: '10:00' });
    expect(actionsOf(r, d.id)).toEqual([['telefonata', 'phone_task']]);
    const operator = t.users.operator.actor;
    const rome = (date: string) => new Date(`${date}T10:00:00+01:00`);
    const on = async (date: string) => (await listPhoneTasks(db, operator, { debtorId: d.id }, rome(date))).tasks.map((x) => x.claims.map((k) => k.claimId));
    expect(await on('2024-12-31')).toEqual([[c.id]]);
    expect(await on('2025-01-02')).toEqual([]);
    const task = r.actions[0]!.communicationId!;
    await expect(recordPhoneContact(db, operator, task, { outcome: 'conversation' }, rome('2025-01-02'))).rejects.toBeInstanceOf(AppError);
  });
});
