import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database, Db } from '../../db/connect.ts';
import { buildServer } from '../server.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { as, clientsFor, sessionCookie, type Client } from '../../test/http.ts';
import { createQueue } from '../../usecases/desk/create-queue.ts';

/*
 * The call screen (issue 14 item 3) over HTTP, on a server whose desk clock starts on Monday
 * 7 December 2026 at 10:00 in Rome (INCASSO_CLOCK): a call per number dialled, the right-party check
 * on the server, amounts only after it, right-party outcomes refused without it, the creditor's own
 * promise rules.
 */
let database: Database;
let db: Db;
let app: FastifyInstance;
let t: TestTenant;
let c: Record<'admin' | 'supervisor' | 'operator' | 'viewer', Client>;
let outsider: Client;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  app = await buildServer({ db, config: loadConfig({ PORT: '0', INCASSO_CLOCK: '2026-12-07T10:00:00+01:00' }) });
  await app.ready();
  t = await createTestTenant(db);
  c = await clientsFor(app, t);
  const other = await createTestTenant(db);
  outsider = as(app, await sessionCookie(app, other.users.admin.email));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const AMOUNT = /\d+[.,]\d{2}\b/;

/** A comune's taxpayer with one TARI position of €480 (tax 400, sanction 60, notification 20), a mobile and a queue of the comune. */
async function taxpayer(opts: { promiseRules?: Record<string, unknown> } = {}) {
  const creditor = await c.admin({
    method: 'POST',
    url: '/api/creditors',
    payload: { name: `Comune di Prova ${Math.random().toString(36).slice(2, 8)}`, kind: 'public_entity', cadastralCode: 'B123', ...(opts.promiseRules ? { promiseRules: opts.promiseRules } : {}) },
  });
  expect(creditor.statusCode, creditor.body).toBe(201);
  const creditorId = creditor.json().id as string;
  const debtor = await createTestDebtor(db, t, { firstName: 'Maria', lastName: 'Rossi', birthDate: '1970-03-21' });
  const contact = await db
    .insertInto('contacts')
    .values({ tenant_id: t.tenantId, debtor_id: debtor.id, channel: 'mobile', value: `+39 333 ${Math.floor(1e6 + Math.random() * 8e6)}`, third_party: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const claim = await createTestClaim(db, t, debtor.id, {
    creditorId,
    kind: 'tari',
    taxYear: 2024,
    dueDate: '2026-05-31',
    principal: undefined,
    act: { kind: 'accertamento_esecutivo', number: 'ACC/2026/7', date: '2026-04-01' },
    components: [
      { kind: 'tax', amount: '400.00' },
      { kind: 'sanctions', amount: '60.00' },
      { kind: 'notification_costs', amount: '20.00' },
    ],
  } as never);
  const queue = await createQueue(db, t.users.supervisor.actor, { name: `TARI ${Math.random().toString(36).slice(2, 8)}`, creditorId, operatorIds: [t.users.operator.id] }, '2026-12-07');
  const taxCode = (await db.selectFrom('debtors').select('tax_code').where('id', '=', debtor.id).executeTakeFirstOrThrow()).tax_code!;
  return { creditorId, debtorId: debtor.id, contactId: contact.id, claimId: claim.id, queueId: queue.id, taxCode };
}

/** "Next" for the operator, then the number dialled. */
async function dial(p: { queueId: string; debtorId: string; contactId: string }) {
  const next = await c.operator({ method: 'POST', url: '/api/work/next', payload: { queueId: p.queueId } });
  expect(next.json(), next.body).toMatchObject({ found: true, debtorId: p.debtorId });
  // "Next" names whom to call, never what they owe: the amount waits for the right-party check.
  expect(next.body).not.toMatch(AMOUNT);
  expect(next.json()).not.toHaveProperty('owed');
  const call = await c.operator({ method: 'POST', url: '/api/work/calls', payload: { queueId: p.queueId, debtorId: p.debtorId, contactId: p.contactId } });
  expect(call.statusCode, call.body).toBe(201);
  return call.json() as { id: string; tel: string; startedAt: string };
}

describe('the call screen', () => {
  it('shows no amount, no reference and no debt before the right-party check; a wrong answer keeps it so; the right one discloses the positions', async () => {
    const p = await taxpayer();
    const call = await dial(p);
    // The server's desk clock: the call started on the fixed morning.
    expect(call.startedAt.slice(0, 16)).toBe('2026-12-07T09:00');
    expect(call.tel).toMatch(/^tel:\+39333\d{7}$/);

    const before = await c.operator({ method: 'GET', url: `/api/work/calls/${call.id}` });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ disclosed: null, open: true, identity: { verified: false, triesLeft: 3, locked: false, methods: ['tax_id', 'birth_date'] } });
    expect(before.body).not.toMatch(AMOUNT);
    expect(before.body).not.toContain('ACC/2026/7');
    expect(before.body).not.toContain(p.claimId);
    expect(before.body).not.toContain(p.taxCode);
    expect(before.body).not.toContain('1970-03-21');
    // Nothing about this debtor's debt; the tenant's outcome list (the same on every call) aside.
    const { outcomes, ...aboutDebtor } = before.json();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(JSON.stringify(aboutDebtor)).not.toMatch(/tari|debito|\bdebt\b|tribut|promess|importo/i);

    const wrong = await c.operator({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'birth_date', value: '22/03/1970' } });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json()).toMatchObject({ verified: false, failures: 1, triesLeft: 2, locked: false, message: 'Il dato non corrisponde. Tentativi rimasti: 2' });
    const still = await c.operator({ method: 'GET', url: `/api/work/calls/${call.id}` });
    expect(still.json()).toMatchObject({ disclosed: null, identity: { verified: false, failures: 1 } });
    expect(still.body).not.toMatch(AMOUNT);
    const failed = await db.selectFrom('audit_events').select(['action', 'after']).where('tenant_id', '=', t.tenantId).where('action', '=', 'desk.identity_failed').execute();
    expect(failed).toHaveLength(1);
    // The answer given is not kept.
    expect(JSON.stringify(failed[0]!.after)).not.toContain('1970');

    // The codice fiscale as said on the phone: lower case, spaces.
    const spoken = p.taxCode.toLowerCase().replace(/(.{3})/g, '$1 ');
    const right = await c.operator({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'tax_id', value: spoken } });
    expect(right.json()).toMatchObject({ verified: true, method: 'tax_id', message: null });
    const after = await c.operator({ method: 'GET', url: `/api/work/calls/${call.id}` });
    const v = after.json();
    expect(v.disclosed).toMatchObject({ queueName: expect.stringMatching(/^TARI /), asOf: '2026-12-07', promiseRules: { maxDaysAhead: 30, minAmount: '10.00' }, latestPromiseDate: '2027-01-06' });
    expect(v.disclosed.positions).toHaveLength(1);
    const pos = v.disclosed.positions[0];
    expect(pos).toMatchObject({ id: p.claimId, kind: 'tari', act: { number: 'ACC/2026/7' } });
    expect(pos.components.map((x: { kind: string; due: string }) => [x.kind, x.due])).toEqual([
      ['tax', '400.00'],
      ['sanctions', '60.00'],
      ['notification_costs', '20.00'],
    ]);
    // Today's figures of the interest engine: the tax accrues from 31 May, the other parts do not.
    expect(pos.balance).toMatchObject({ interestDue: '3.33', totalDue: '483.33' });
    expect(pos.script.length).toBeGreaterThan(0);
    expect(JSON.stringify(pos.script)).toContain('483,33');
    // A promise is checked against what the queue holds as owed (record-outcome): 10 % of it at least.
    const item = await db.selectFrom('desk_items').select('owed').where('queue_id', '=', p.queueId).executeTakeFirstOrThrow();
    expect(v.disclosed.owed).toBe(item.owed);
    expect(v.disclosed.minimumPromise).toBe((Math.round(Number(item.owed) * 10) / 100).toFixed(2));
  });

  it('locks the check after three wrong answers for this call', async () => {
    const p = await taxpayer();
    const call = await dial(p);
    for (let i = 0; i < 3; i++) await c.operator({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'tax_id', value: 'XXXXXX00X00X000X' } });
    const locked = await c.operator({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'tax_id', value: p.taxCode } });
    expect(locked.json()).toMatchObject({ verified: false, locked: true, triesLeft: 0 });
    expect((await c.operator({ method: 'GET', url: `/api/work/calls/${call.id}` })).json()).toMatchObject({ disclosed: null, identity: { locked: true } });
  });

  it('refuses a right-party outcome before the check; a third party gets a neutral callback and the call ends', async () => {
    const p = await taxpayer();
    const call = await dial(p);
    const promise = await c.operator({
      method: 'POST',
      url: '/api/work/outcomes',
      payload: { queueId: p.queueId, debtorId: p.debtorId, callId: call.id, outcome: 'PROMESSA_PAGAMENTO', promise: { amount: '100.00', dueOn: '2026-12-20' } },
    });
    expect(promise.statusCode, promise.body).toBe(409);
    expect(promise.json().error.message).toContain('verifica dell’identità');
    // Without naming the call: the operator's open call on this debtor is the one checked.
    const unnamed = await c.operator({ method: 'POST', url: '/api/work/outcomes', payload: { queueId: p.queueId, debtorId: p.debtorId, outcome: 'RICHIAMARE', callbackAt: { date: '2026-12-09', time: '15:00' } } });
    expect(unnamed.statusCode).toBe(409);
    expect(await db.selectFrom('promises').select('id').where('debtor_id', '=', p.debtorId).execute()).toEqual([]);

    const third = await c.operator({ method: 'POST', url: '/api/work/outcomes', payload: { queueId: p.queueId, debtorId: p.debtorId, callId: call.id, outcome: 'TERZO_RISPONDE', contactId: p.contactId } });
    expect(third.json(), third.body).toMatchObject({ recorded: true, outcome: 'TERZO_RISPONDE' });
    const row = await db.selectFrom('desk_calls').select(['ended_at', 'outcome', 'contact_log_id']).where('id', '=', call.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'TERZO_RISPONDE', contact_log_id: third.json().contactLogId });
    expect(row.ended_at?.toISOString().slice(0, 16)).toBe('2026-12-07T09:00');
    expect((await c.operator({ method: 'GET', url: `/api/work/calls/${call.id}` })).json()).toMatchObject({ open: false, outcome: 'TERZO_RISPONDE' });
    // An ended call takes no check any more.
    expect((await c.operator({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'tax_id', value: p.taxCode } })).statusCode).toBe(409);
  });

  it('checks a promise against the creditor’s own rules and records it on the verified call', async () => {
    const p = await taxpayer({ promiseRules: { maxDaysAhead: 7, minAmount: '200.00' } });
    const call = await dial(p);
    await c.operator({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'birth_date', value: '21/03/1970' } });
    const view = (await c.operator({ method: 'GET', url: `/api/work/calls/${call.id}` })).json();
    expect(view.disclosed).toMatchObject({ promiseRules: { maxDaysAhead: 7, minAmount: '200.00', minSharePercent: '10', graceDays: 3 }, minimumPromise: '200.00', latestPromiseDate: '2026-12-14' });
    const base = { queueId: p.queueId, debtorId: p.debtorId, callId: call.id, outcome: 'PROMESSA_PAGAMENTO' };
    // The defaults would take €100 on the 20th; this comune wants €200 within 7 days.
    const refused = await c.operator({ method: 'POST', url: '/api/work/outcomes', payload: { ...base, promise: { amount: '100.00', dueOn: '2026-12-20' } } });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.fields.map((f: { message: string }) => f.message).join(' ')).toMatch(/200,00|200\.00/);
    expect(refused.json().error.fields.map((f: { message: string }) => f.message).join(' ')).toMatch(/2026|14/);
    const ok = await c.operator({ method: 'POST', url: '/api/work/outcomes', payload: { ...base, promise: { amount: '250.00', dueOn: '2026-12-14', channel: 'pagopa' } } });
    expect(ok.json(), ok.body).toMatchObject({ recorded: true, promiseId: expect.any(String) });
    expect(await db.selectFrom('promises').select(['amount', 'due_on', 'grace_days']).where('debtor_id', '=', p.debtorId).executeTakeFirstOrThrow()).toEqual({ amount: '250.00', due_on: '2026-12-14', grace_days: 3 });
    expect(await db.selectFrom('desk_calls').select('outcome').where('id', '=', call.id).executeTakeFirstOrThrow()).toEqual({ outcome: 'PROMESSA_PAGAMENTO' });
    // The creditor shows its rules.
    expect((await c.admin({ method: 'GET', url: `/api/creditors/${p.creditorId}` })).json().promiseRules).toMatchObject({ maxDaysAhead: 7, minAmount: '200.00' });
  });

  it('is the calling operator’s alone: another user 404, another tenant 404, a viewer 403; only the holder dials', async () => {
    const p = await taxpayer();
    // Not held: no call.
    const early = await c.operator({ method: 'POST', url: '/api/work/calls', payload: { queueId: p.queueId, debtorId: p.debtorId, contactId: p.contactId } });
    expect(early.statusCode).toBe(409);
    const call = await dial(p);
    expect((await c.supervisor({ method: 'GET', url: `/api/work/calls/${call.id}` })).statusCode).toBe(404);
    expect((await outsider({ method: 'GET', url: `/api/work/calls/${call.id}` })).statusCode).toBe(404);
    expect((await outsider({ method: 'POST', url: `/api/work/calls/${call.id}/identity`, payload: { method: 'tax_id', value: p.taxCode } })).statusCode).toBe(404);
    expect((await c.viewer({ method: 'GET', url: `/api/work/calls/${call.id}` })).statusCode).toBe(403);
    expect((await c.viewer({ method: 'POST', url: '/api/work/calls', payload: { queueId: p.queueId, debtorId: p.debtorId, contactId: p.contactId } })).statusCode).toBe(403);
    expect((await c.operator({ method: 'GET', url: '/api/work/calls/not-a-uuid' })).statusCode).toBe(404);
    // The supervisor does not hold the debtor: no call for them.
    const sup = await c.supervisor({ method: 'POST', url: '/api/work/calls', payload: { queueId: p.queueId, debtorId: p.debtorId, contactId: p.contactId } });
    expect(sup.statusCode).toBe(409);
    // A number that is not callable.
    await db.updateTable('contacts').set({ consent: 'withdrawn' }).where('id', '=', p.contactId).execute();
    expect((await c.operator({ method: 'POST', url: '/api/work/calls', payload: { queueId: p.queueId, debtorId: p.debtorId, contactId: p.contactId } })).statusCode).toBe(400);
  });
});
