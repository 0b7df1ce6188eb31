import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { createQueue } from './create-queue.ts';
import { listQueues } from './list-queues.ts';
import { nextDebtor } from './next-debtor.ts';
import { recordOnCall as recordOutcome } from '../../test/desk.ts';
import { judgePromises } from './judge-promises.ts';
import { getClaimHold } from '../claims/get-claim-hold.ts';
import { recordPayment } from '../payments/record-payment.ts';

/*
 * The desk's "next" (issue 14 item 2) on the database: who gets which debtor, never the same one twice,
 * never outside the calling rules. 2026-12-07 is a Monday; 8 December (Immacolata) is a holiday.
 */

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => database.close());

/** A Rome wall-clock moment of December 2026 (CET, UTC+1) as an instant. */
const rome = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

async function comuneWithTaxpayers(t: TestTenant) {
  const people = [
    { last: 'Alpha', amount: '1000.00', phone: true },
    { last: 'Beta', amount: '500.00', phone: true },
    { last: 'Gamma', amount: '200.00', phone: true },
    { last: 'Delta', amount: '900.00', phone: false },
    { last: 'Epsilon', amount: '800.00', phone: true, disputed: true },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const d = await createTestDebtor(db, t, { firstName: 'Anna', lastName: p.last });
    ids[p.last] = d.id;
    if (p.phone) await db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'mobile', value: `+39333${Math.floor(Math.random() * 1e7)}`, third_party: false }).execute();
    const claim = await createTestClaim(db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2024, principal: p.amount, dueDate: '2026-05-31' });
    if (p.disputed) await db.updateTable('claims').set({ status: 'disputed' }).where('id', '=', claim.id).execute();
  }
  return ids;
}

describe('the desk’s "next"', () => {
  it('hands out debtors by priority, each to one operator only; the holder gets the same one back', async () => {
    const t = await createTestTenant(db);
    const ids = await comuneWithTaxpayers(t);
    const queue = await createQueue(db, t.users.supervisor.actor, { name: 'TARI Valdoria', creditorId: t.otherCreditor.id, operatorIds: [t.users.operator.id, t.users.supervisor.id] }, '2026-12-07');
    // No phone (Delta) and disputed (Epsilon) are not in the queue.
    expect(queue).toMatchObject({ debtors: 3, operatorIds: [t.users.operator.id, t.users.supervisor.id].sort() });

    const at = rome('2026-12-07', '10:00');
    const [a, b] = await Promise.all([nextDebtor(db, t.users.operator.actor, {}, at), nextDebtor(db, t.users.supervisor.actor, {}, at)]);
    expect(a.found && b.found).toBe(true);
    const got = [a, b].map((r) => (r.found ? r.debtorId : null));
    expect(new Set(got).size).toBe(2);
    expect(got.sort()).toEqual([ids.Alpha, ids.Beta].sort());
    // The operator who holds a debtor gets it again: an outcome comes before the next one.
    const again = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:05'));
    expect(again.found && again.debtorId).toBe(a.found && a.debtorId);
    expect((await listQueues(db, t.users.supervisor.actor))[0]).toMatchObject({ name: 'TARI Valdoria', debtors: 3 });
  });

  it('never offers a debtor already reached today: moved to the next permitted day, and says why nobody is left', async () => {
    const t = await createTestTenant(db);
    const ids = await comuneWithTaxpayers(t);
    await createQueue(db, t.users.supervisor.actor, { name: 'TARI', creditorId: t.otherCreditor.id, operatorIds: [t.users.operator.id] }, '2026-12-07');
    for (const d of [ids.Alpha!, ids.Beta!, ids.Gamma!]) {
      await db
        .insertInto('contact_log')
        .values({ tenant_id: t.tenantId, debtor_id: d, channel: 'phone_task', kind: 'conversation', local_date: '2026-12-07', local_time: '09:00', allowed: true, actor_label: 'test' })
        .execute();
    }
    const none = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:00'));
    expect(none).toMatchObject({ found: false, reasonCode: 'desk.next_all_blocked' });
    expect(none.found === false && none.reason).toContain('Conversazioni oggi: 1 su un massimo di 1');
    // Back on Wednesday morning: 8 December is a holiday.
    const items = await db.selectFrom('desk_items').select(['debtor_id', 'next_work_at']).where('tenant_id', '=', t.tenantId).execute();
    expect(items.map((i) => i.next_work_at.toISOString())).toEqual(Array(3).fill(rome('2026-12-09', '08:30').toISOString()));
    const wednesday = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-09', '08:31'));
    expect(wednesday.found && wednesday.debtorId).toBe(ids.Alpha);
  });

  it('at 22:00, on a Sunday or a holiday says why no call is possible and when the next one is', async () => {
    const t = await createTestTenant(db);
    await comuneWithTaxpayers(t);
    await createQueue(db, t.users.supervisor.actor, { name: 'TARI', creditorId: t.otherCreditor.id, operatorIds: [t.users.operator.id] }, '2026-12-07');
    const late = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '22:00'));
    expect(late).toMatchObject({ found: false, reasonCode: 'dunning.outside_call_hours', next: { date: '2026-12-09', time: '08:30' } });
    const sunday = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-13', '11:00'), 'en');
    expect(sunday).toMatchObject({ found: false, next: { date: '2026-12-14', time: '08:30' } });
    const holiday = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-08', '11:00'));
    expect(holiday).toMatchObject({ found: false, reasonCode: 'dunning.holiday_no_call' });
    // An operator of no queue is told so; another tenant's queue is no queue of theirs.
    const other = await createTestTenant(db);
    expect(await nextDebtor(db, other.users.operator.actor, {}, rome('2026-12-07', '10:00'))).toMatchObject({ found: false, reasonCode: 'desk.next_no_queue' });
  });
});

describe('call outcomes on the desk', () => {
  async function setUp() {
    const t = await createTestTenant(db);
    const ids = await comuneWithTaxpayers(t);
    const queue = await createQueue(db, t.users.supervisor.actor, { name: 'TARI', creditorId: t.otherCreditor.id, operatorIds: [t.users.operator.id, t.users.supervisor.id] }, '2026-12-07');
    const contactOf = async (debtorId: string) =>
      (await db.selectFrom('contacts').select(['id', 'status', 'consent']).where('debtor_id', '=', debtorId).executeTakeFirstOrThrow());
    return { t, ids, queue, contactOf };
  }

  it('a wrong number invalidates the contact; with no number left the debtor leaves the queue', async () => {
    const { t, ids, queue, contactOf } = await setUp();
    const at = rome('2026-12-07', '10:00');
    const got = await nextDebtor(db, t.users.operator.actor, {}, at);
    expect(got.found && got.debtorId).toBe(ids.Alpha);
    const contact = await contactOf(ids.Alpha!);
    const r = await recordOutcome(db, t.users.operator.actor, { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'NUMERO_ERRATO', contactId: contact.id }, rome('2026-12-07', '10:03'));
    expect(r).toMatchObject({ recorded: true, leftQueue: true });
    expect((await contactOf(ids.Alpha!)).status).toBe('invalid');
    const next = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:04'));
    expect(next.found && next.debtorId).toBe(ids.Beta);
    const log = await db.selectFrom('contact_log').select(['kind', 'outcome', 'channel']).where('debtor_id', '=', ids.Alpha!).execute();
    expect(log).toEqual([{ kind: 'phone_attempt', outcome: 'NUMERO_ERRATO', channel: 'desk' }]);
  });

  it('a promise is checked, recorded, pauses the positions and keeps the debtor away until it is judged', async () => {
    const { t, ids, queue } = await setUp();
    await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:00'));
    const base = { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'PROMESSA_PAGAMENTO' };
    // Beyond 30 days: refused with the latest day allowed; nothing recorded.
    await expect(recordOutcome(db, t.users.operator.actor, { ...base, promise: { amount: '300.00', dueOn: '2027-02-01' } }, rome('2026-12-07', '10:05'))).rejects.toMatchObject({
      fields: [{ path: 'promise' }],
    });
    const ok = await recordOutcome(db, t.users.operator.actor, { ...base, promise: { amount: '300.00', dueOn: '2026-12-20', channel: 'pagopa' } }, rome('2026-12-07', '10:06'));
    expect(ok).toMatchObject({ recorded: true, leftQueue: false, nextWorkAt: rome('2026-12-24', '08:30').toISOString() });
    const promise = await db.selectFrom('promises').selectAll().where('debtor_id', '=', ids.Alpha!).executeTakeFirstOrThrow();
    expect(promise).toMatchObject({ amount: '300.00', currency: 'EUR', due_on: '2026-12-20', grace_days: 3, state: 'pending', made_on: '2026-12-07' });
    const statuses = await db.selectFrom('claims').select('status').where('debtor_id', '=', ids.Alpha!).execute();
    expect(statuses.map((s) => s.status)).toEqual(['promised']);
    // Reached today: a conversation in the log; the debtor is not offered again today.
    const next = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:07'));
    expect(next.found && next.debtorId).toBe(ids.Beta);
    const log = await db.selectFrom('contact_log').select(['kind', 'outcome']).where('debtor_id', '=', ids.Alpha!).execute();
    expect(log).toEqual([{ kind: 'conversation', outcome: 'PROMESSA_PAGAMENTO' }]);
  });

  it('a promise is in one currency: positions in euros and francs are refused, nothing recorded', async () => {
    const { t, ids, queue } = await setUp();
    await createTestClaim(db, t, ids.Alpha!, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2024, principal: '80.00', currency: 'CHF', dueDate: '2026-05-31' });
    await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:00'));
    const refused = recordOutcome(db, t.users.operator.actor, { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'PROMESSA_PAGAMENTO', promise: { amount: '300.00', dueOn: '2026-12-20' } }, rome('2026-12-07', '10:05'));
    await expect(refused).rejects.toMatchObject({ fields: [{ path: 'promise', message: expect.stringContaining('in più valute (CHF, EUR)') }] });
    expect(await db.selectFrom('promises').select('id').where('debtor_id', '=', ids.Alpha!).execute()).toEqual([]);
  });

  it('a callback comes back to the same operator at its time; an outcome needs the debtor held', async () => {
    const { t, ids, queue } = await setUp();
    await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:00'));
    // Not held by the supervisor: refused.
    await expect(recordOutcome(db, t.users.supervisor.actor, { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'NON_RISPONDE' }, rome('2026-12-07', '10:01'))).rejects.toMatchObject({ code: 'conflict' });
    // A callback at 21:30 is outside the calling hours.
    await expect(
      recordOutcome(db, t.users.operator.actor, { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'RICHIAMARE', callbackAt: { date: '2026-12-07', time: '21:30' } }, rome('2026-12-07', '10:02')),
    ).rejects.toMatchObject({ fields: [{ path: 'callbackAt' }] });
    await recordOutcome(db, t.users.operator.actor, { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'RICHIAMARE', callbackAt: { date: '2026-12-09', time: '15:00' } }, rome('2026-12-07', '10:03'));
    // Wednesday 15:01: the supervisor gets the next by priority, the operator its callback (reached on Monday, not today).
    const sup = await nextDebtor(db, t.users.supervisor.actor, {}, rome('2026-12-09', '15:01'));
    expect(sup.found && sup.debtorId).toBe(ids.Beta);
    const op = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-09', '15:01'));
    expect(op).toMatchObject({ found: true, debtorId: ids.Alpha, callback: true });
  });
});

describe('promises judged after their date', () => {
  async function promised() {
    const t = await createTestTenant(db);
    const ids = await comuneWithTaxpayers(t);
    const queue = await createQueue(db, t.users.supervisor.actor, { name: 'TARI', creditorId: t.otherCreditor.id, operatorIds: [t.users.operator.id] }, '2026-12-07');
    await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-07', '10:00'));
    await recordOutcome(db, t.users.operator.actor, { queueId: queue.id, debtorId: ids.Alpha!, outcome: 'PROMESSA_PAGAMENTO', promise: { amount: '300.00', dueOn: '2026-12-20' } }, rome('2026-12-07', '10:05'));
    return { t, ids, queue };
  }
  const statusOf = async (debtorId: string) => (await db.selectFrom('claims').select('status').where('debtor_id', '=', debtorId).execute()).map((c) => c.status);

  it('a broken promise brings the debtor back: dunning resumes, first in the queue', async () => {
    const { t, ids } = await promised();
    // The claim page says what pauses it and until when.
    const claim = await db.selectFrom('claims').select('id').where('debtor_id', '=', ids.Alpha!).executeTakeFirstOrThrow();
    expect((await getClaimHold(db, t.users.operator.actor, claim.id)).pause).toEqual({ kind: 'promise', until: '2026-12-23', amount: '300.00' });
    // Within the grace days nothing happens.
    expect(await judgePromises(db, '2026-12-23', rome('2026-12-23', '09:00'), { tenantId: t.tenantId })).toMatchObject({ judged: 0 });
    expect(await statusOf(ids.Alpha!)).toEqual(['promised']);
    const r = await judgePromises(db, '2026-12-24', rome('2026-12-24', '09:00'), { tenantId: t.tenantId });
    expect(r.broken).toBeGreaterThanOrEqual(1);
    const promise = await db.selectFrom('promises').select(['state', 'paid', 'judged_on']).where('debtor_id', '=', ids.Alpha!).executeTakeFirstOrThrow();
    expect(promise).toEqual({ state: 'broken', paid: '0.00', judged_on: '2026-12-24' });
    // Back to work: the dunning engine acts on in-collection claims again.
    expect(await statusOf(ids.Alpha!)).toEqual(['in_collection']);
    expect((await getClaimHold(db, t.users.operator.actor, claim.id)).pause).toBeNull();
    const next = await nextDebtor(db, t.users.operator.actor, {}, rome('2026-12-24', '09:30'));
    expect(next.found && next.debtorId).toBe(ids.Alpha);
  });

  it('a promise paid in time is kept; the rest of the debt resumes as partially paid', async () => {
    const { t, ids } = await promised();
    const claim = await db.selectFrom('claims').select('id').where('debtor_id', '=', ids.Alpha!).executeTakeFirstOrThrow();
    await recordPayment(db, t.users.operator.actor, {
      debtorId: ids.Alpha!,
      creditorId: t.otherCreditor.id,
      amount: '300.00',
      currency: 'EUR',
      valueDate: '2026-12-18',
      method: 'bank_transfer',
      claimIds: [claim.id],
    }, { today: '2026-12-18' });
    const r = await judgePromises(db, '2026-12-18', rome('2026-12-18', '09:00'), { tenantId: t.tenantId });
    expect(r.kept).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('promises').select(['state', 'paid']).where('debtor_id', '=', ids.Alpha!).executeTakeFirstOrThrow()).toEqual({ state: 'kept', paid: '300.00' });
    expect(await statusOf(ids.Alpha!)).toEqual(['partially_paid']);
    const audit = await db.selectFrom('audit_events').select('action').where('entity_id', '=', ids.Alpha!).where('action', 'like', 'promise.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['promise.kept']);
  });
});
