import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyClock } from '../../clock.ts';
import { as, openApiContext, sessionCookie, type ApiContext } from '../../test/http.ts';
import { auditOf, createTestClaim, createTestDebtor, TEST_PASSWORD, type TestTenant } from '../../test/factories.ts';
import { hashPassword } from '../../usecases/auth/login.ts';
import { nextDebtor } from '../../usecases/desk/next-debtor.ts';
import { recordOnCall as recordOutcome } from '../../test/desk.ts';
import { judgePromises } from '../../usecases/desk/judge-promises.ts';
import { recordPayment } from '../../usecases/payments/record-payment.ts';

/*
 * The desk supervisor (issue 14 items 1 and 6) through the API: queues managed, the board's figures
 * exact, work reassigned, outcomes corrected with an audited reason, the special queues. The calls are
 * made through the use cases at a fixed Rome clock (Monday 7 December 2026, 10:00), the rest through
 * the routes a supervisor's browser uses.
 */

const DAY = '2026-12-07';
const rome = (time: string) => new Date(`${DAY}T${time}:00+01:00`);

let ctx: ApiContext;
beforeAll(async () => {
  // That Monday for the whole file, whatever the real date: the server's desk clock (a queue is filled
  // for its day, the calls' day) and the use cases' "today" (the board, the reviews, the promises judged).
  applyClock(rome('09:00'));
  ctx = await openApiContext({ clock: rome('09:00').toISOString() });
});
afterAll(async () => {
  await ctx.app.close();
  await ctx.database.close();
  applyClock(undefined);
});

async function taxpayers(t: TestTenant) {
  const ids: Record<string, string> = {};
  const claims: Record<string, string> = {};
  for (const [last, amount] of [['Alpha', '1000.00'], ['Beta', '500.00'], ['Gamma', '200.00'], ['Zeta', '100.00'], ['Eta', '60.00'], ['Theta', '40.00']] as const) {
    const d = await createTestDebtor(ctx.db, t, { firstName: 'Anna', lastName: last });
    ids[last] = d.id;
    await ctx.db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'mobile', value: `+39333${Math.floor(1e6 + Math.random() * 8e6)}`, third_party: false }).execute();
    claims[last] = (await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2024, principal: amount, dueDate: '2026-05-31' })).id;
  }
  return { ids, claims };
}

describe('the desk supervisor', () => {
  let ids: Record<string, string>;
  let claims: Record<string, string>;
  let queue: { id: string; version: number };

  it('creates a queue for the comune with its operators; lists whom it may assign', async () => {
    ({ ids, claims } = await taxpayers(ctx.t));
    const ops = (await ctx.supervisor({ method: 'GET', url: '/api/work/operators' })).json() as { id: string; role: string }[];
    expect(ops.map((o) => o.id).sort()).toEqual([ctx.t.users.operator.id, ctx.t.users.supervisor.id].sort());
    expect((await ctx.operator({ method: 'GET', url: '/api/work/operators' })).statusCode).toBe(403);
    const res = await ctx.supervisor({ method: 'POST', url: '/api/work/queues', payload: { name: 'TARI Valdoria', creditorId: ctx.t.otherCreditor.id, filter: { kinds: ['tari'] }, operatorIds: [ctx.t.users.operator.id] } });
    expect(res.statusCode).toBe(201);
    queue = res.json();
    expect(res.json()).toMatchObject({ debtors: 6, leased: 0, version: 1, operatorIds: [ctx.t.users.operator.id] });
  });

  it('updates a queue with its version: name, operators assigned, switched off and on; audited; stale 409, operator 403, outsider 404', async () => {
    const patch = (client = ctx.supervisor, payload: Record<string, unknown> = {}) => client({ method: 'PATCH', url: `/api/work/queues/${queue.id}`, payload });
    const ok = await patch(ctx.supervisor, { name: 'TARI Valdoria 2024', operatorIds: [ctx.t.users.operator.id, ctx.t.users.supervisor.id], active: false, version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'TARI Valdoria 2024', active: false, version: 2, operatorIds: [ctx.t.users.operator.id, ctx.t.users.supervisor.id].sort() });
    expect((await patch(ctx.supervisor, { active: true, version: 1 })).statusCode).toBe(409);
    expect((await patch(ctx.operator, { active: true, version: 2 })).statusCode).toBe(403);
    expect((await patch(ctx.outsider, { active: true, version: 2 })).statusCode).toBe(404);
    // Switched off, "next" offers nothing.
    expect(await nextDebtor(ctx.db, ctx.t.users.operator.actor, {}, rome('10:00'))).toMatchObject({ found: false, reasonCode: 'desk.next_no_queue' });
    const back = await patch(ctx.supervisor, { active: true, version: 2 });
    expect(back.json()).toMatchObject({ active: true, version: 3 });
    queue = back.json();
    const audit = await auditOf(ctx.db, ctx.t.tenantId, queue.id);
    expect(audit.map((a) => a.action)).toEqual(['queue.created', 'queue.filled', 'queue.updated', 'queue.updated']);
    expect(audit[2]!.before).toMatchObject({ name: 'TARI Valdoria', active: true, operatorIds: [ctx.t.users.operator.id] });
    expect(audit[2]!.after).toMatchObject({ name: 'TARI Valdoria 2024', active: false });
  });

  it('the board counts each operator’s and queue’s calls, contacts, right-party contacts, promises, kept promises and money after a contact', async () => {
    const op = ctx.t.users.operator.actor;
    const sup = ctx.t.users.supervisor.actor;
    const call = async (actor: typeof op, who: string, time: string, outcome: string, extra: Record<string, unknown> = {}) => {
      const got = await nextDebtor(ctx.db, actor, {}, rome(time));
      expect(got.found && got.debtorId).toBe(ids[who]);
      const contact = await ctx.db.selectFrom('contacts').select('id').where('debtor_id', '=', ids[who]!).executeTakeFirstOrThrow();
      const r = await recordOutcome(ctx.db, actor, { queueId: queue.id, debtorId: ids[who]!, outcome, contactId: contact.id, ...extra }, rome(time));
      expect(r.recorded).toBe(true);
    };
    await call(op, 'Alpha', '10:00', 'PROMESSA_PAGAMENTO', { promise: { amount: '300.00', dueOn: '2026-12-20' } });
    await call(op, 'Beta', '10:05', 'NON_RISPONDE');
    await call(sup, 'Gamma', '10:10', 'RIFIUTO');
    await call(op, 'Zeta', '10:15', 'CONTESTAZIONE', { reason: 'Ha già presentato ricorso' });
    // The dispute goes to the comune as a query on the position, with the operator's reason (issue 16 item 4).
    const disputed = (await ctx.operator({ method: 'GET', url: `/api/queries?claimId=${claims.Zeta!}` })).json().items;
    expect(disputed).toMatchObject([{ kind: 'dispute', status: 'open', waitingFor: 'creditor', creditorId: ctx.t.otherCreditor.id }]);
    expect((await ctx.operator({ method: 'GET', url: `/api/queries/${disputed[0].id}` })).json().messages).toMatchObject([{ side: 'agency', text: 'Contestazione raccolta al telefono dal desk: Ha già presentato ricorso' }]);
    await call(op, 'Eta', '10:20', 'DIFFICOLTA_ECONOMICA', { reason: 'Ha perso il lavoro' });
    // Alpha pays what he promised the same day: the promise is kept, the money credited to the call.
    await recordPayment(
      ctx.db,
      ctx.t.users.operator.actor,
      { debtorId: ids.Alpha!, creditorId: ctx.t.otherCreditor.id, amount: '300.00', currency: 'EUR', valueDate: DAY, method: 'bank_transfer', claimIds: [claims.Alpha!] },
      { today: DAY },
    );
    // Money of a debtor never reached by the desk is nobody's.
    await recordPayment(
      ctx.db,
      ctx.t.users.operator.actor,
      { debtorId: ids.Theta!, creditorId: ctx.t.otherCreditor.id, amount: '10.00', currency: 'EUR', valueDate: DAY, method: 'bank_transfer', claimIds: [claims.Theta!] },
      { today: DAY },
    );
    await judgePromises(ctx.db, DAY, rome('18:00'), { tenantId: ctx.t.tenantId });

    const board = await ctx.supervisor({ method: 'GET', url: `/api/work/board?from=${DAY}&to=${DAY}` });
    expect(board.statusCode).toBe(200);
    const b = board.json();
    expect(b).toMatchObject({ from: DAY, to: DAY, collectedAfterDays: 30 });
    const operator = b.operators.find((o: { userId: string }) => o.userId === ctx.t.users.operator.id);
    expect(operator).toEqual({
      userId: ctx.t.users.operator.id,
      name: expect.any(String),
      attempts: 4,
      contacts: 3,
      rightParty: 3,
      worked: 4,
      refused: 0,
      promises: 1,
      promised: [{ currency: 'EUR', amount: '300.00' }],
      promisesKept: 1,
      kept: [{ currency: 'EUR', amount: '300.00' }],
      collected: [{ currency: 'EUR', amount: '300.00' }],
      outcomes: { PROMESSA_PAGAMENTO: 1, NON_RISPONDE: 1, CONTESTAZIONE: 1, DIFFICOLTA_ECONOMICA: 1 },
    });
    expect(b.operators.find((o: { userId: string }) => o.userId === ctx.t.users.supervisor.id)).toMatchObject({ attempts: 1, contacts: 1, rightParty: 1, promises: 0, collected: [], outcomes: { RIFIUTO: 1 } });
    expect(b.queues).toEqual([expect.objectContaining({ queueId: queue.id, name: 'TARI Valdoria 2024', attempts: 5, contacts: 4, rightParty: 4, promises: 1, promisesKept: 1, collected: [{ currency: 'EUR', amount: '300.00' }] })]);
    expect(b.total).toMatchObject({ attempts: 5, contacts: 4, rightParty: 4, worked: 5, promised: [{ currency: 'EUR', amount: '300.00' }], kept: [{ currency: 'EUR', amount: '300.00' }] });
    // The attribution window is the tenant's setting, the same as the agency's KPIs.
    await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { kpiAttributionDays: 7 } });
    expect((await ctx.supervisor({ method: 'GET', url: `/api/work/board?from=${DAY}` })).json()).toMatchObject({ collectedAfterDays: 7 });
    await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { kpiAttributionDays: null } });
    // Another day is empty; an operator sees no board; an outsider sees only its own tenant's (nothing).
    expect((await ctx.supervisor({ method: 'GET', url: '/api/work/board?from=2026-12-08&to=2026-12-08' })).json().total).toMatchObject({ attempts: 0, promises: 0, collected: [] });
    expect((await ctx.operator({ method: 'GET', url: `/api/work/board?from=${DAY}` })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'GET', url: `/api/work/board?from=${DAY}` })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'GET', url: `/api/work/board?from=${DAY}` })).json()).toMatchObject({ operators: [], queues: [], total: { attempts: 0 } });
  });

  it('a supervisor corrects an outcome with a reason: the original kept, the board counts the correction, audited; operator 403, outsider 404', async () => {
    const list = await ctx.supervisor({ method: 'GET', url: `/api/work/outcomes?userId=${ctx.t.users.supervisor.id}` });
    expect(list.json()).toEqual([expect.objectContaining({ debtorId: ids.Gamma, outcome: 'RIFIUTO', counts: 'RIFIUTO', queueId: queue.id, correction: null })]);
    const id = list.json()[0].id as string;
    const url = `/api/work/outcomes/${id}/correction`;
    expect((await ctx.supervisor({ method: 'POST', url, payload: { outcome: 'NON_RISPONDE', reason: '' } })).statusCode).toBe(400);
    expect((await ctx.operator({ method: 'POST', url, payload: { outcome: 'NON_RISPONDE', reason: 'x' } })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'POST', url, payload: { outcome: 'NON_RISPONDE', reason: 'x' } })).statusCode).toBe(404);
    expect((await ctx.operator({ method: 'GET', url: '/api/work/outcomes' })).statusCode).toBe(403);
    const ok = await ctx.supervisor({ method: 'POST', url, payload: { outcome: 'NON_RISPONDE', reason: 'Riascolto: nessuno ha risposto' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: 'RIFIUTO', counts: 'NON_RISPONDE', correction: { outcome: 'NON_RISPONDE', reason: 'Riascolto: nessuno ha risposto' } });
    const row = await ctx.db.selectFrom('contact_log').select(['outcome', 'corrected_outcome', 'corrected_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: 'RIFIUTO', corrected_outcome: 'NON_RISPONDE', corrected_by: ctx.t.users.supervisor.id });
    const audit = (await auditOf(ctx.db, ctx.t.tenantId, ids.Gamma!)).filter((a) => a.action === 'desk.outcome_corrected');
    expect(audit).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ outcome: 'RIFIUTO' }),
        after: expect.objectContaining({ outcome: 'NON_RISPONDE', reason: 'Riascolto: nessuno ha risposto', effectsRerun: false }),
      }),
    ]);
    const b = (await ctx.supervisor({ method: 'GET', url: `/api/work/board?from=${DAY}&to=${DAY}` })).json();
    expect(b.operators.find((o: { userId: string }) => o.userId === ctx.t.users.supervisor.id)).toMatchObject({ attempts: 1, contacts: 0, rightParty: 0, outcomes: { NON_RISPONDE: 1 } });
    expect(b.total).toMatchObject({ attempts: 5, contacts: 3, rightParty: 3 });
    expect((await ctx.supervisor({ method: 'GET', url: '/api/work/outcomes?outcome=NON_RISPONDE' })).json()).toHaveLength(2);
  });

  it('reassigns an operator’s work to another operator or releases it, audited with the reason; outsider 404', async () => {
    const held = await nextDebtor(ctx.db, ctx.t.users.operator.actor, {}, new Date());
    // The real clock may forbid calls now: lease Theta by hand then, as "next" would.
    if (!held.found) {
      await ctx.db.updateTable('desk_items').set({ leased_by: ctx.t.users.operator.id, leased_until: new Date(Date.now() + 20 * 60_000) }).where('debtor_id', '=', ids.Theta!).execute();
    }
    const leased = await ctx.db.selectFrom('desk_items').select('debtor_id').where('queue_id', '=', queue.id).where('leased_by', '=', ctx.t.users.operator.id).execute();
    expect(leased).toHaveLength(1);
    const debtor = leased[0]!.debtor_id;
    expect((await ctx.operator({ method: 'POST', url: '/api/work/reassign', payload: { fromUserId: ctx.t.users.operator.id, toUserId: ctx.t.users.supervisor.id, reason: 'x' } })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'POST', url: '/api/work/reassign', payload: { debtorId: debtor, toUserId: null, reason: 'x' } })).statusCode).toBe(404);
    const moved = await ctx.supervisor({ method: 'POST', url: '/api/work/reassign', payload: { fromUserId: ctx.t.users.operator.id, toUserId: ctx.t.users.supervisor.id, reason: 'Operatore in pausa' } });
    expect(moved.json()).toEqual({ moved: 1 });
    const item = await ctx.db.selectFrom('desk_items').select(['leased_by', 'leased_until']).where('queue_id', '=', queue.id).where('debtor_id', '=', debtor).executeTakeFirstOrThrow();
    expect(item.leased_by).toBe(ctx.t.users.supervisor.id);
    const released = await ctx.supervisor({ method: 'POST', url: '/api/work/reassign', payload: { debtorId: debtor, toUserId: null, reason: 'Libera' } });
    expect(released.json()).toEqual({ moved: 1 });
    expect(await ctx.db.selectFrom('desk_items').select(['leased_by', 'leased_until', 'callback_user_id']).where('queue_id', '=', queue.id).where('debtor_id', '=', debtor).executeTakeFirstOrThrow()).toEqual({ leased_by: null, leased_until: null, callback_user_id: null });
    // Given to an operator who does not work the queue: refused.
    await ctx.supervisor({ method: 'PATCH', url: `/api/work/queues/${queue.id}`, payload: { operatorIds: [ctx.t.users.supervisor.id], version: queue.version } });
    expect((await ctx.supervisor({ method: 'POST', url: '/api/work/reassign', payload: { debtorId: debtor, toUserId: ctx.t.users.operator.id, reason: 'x' } })).statusCode).toBe(400);
    const audit = (await auditOf(ctx.db, ctx.t.tenantId, debtor)).filter((a) => a.action === 'desk.work_reassigned');
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ queueId: queue.id, leasedBy: ctx.t.users.operator.id, callbackUserId: null }, { queueId: queue.id, leasedBy: ctx.t.users.supervisor.id, callbackUserId: null, reason: 'Operatore in pausa' }],
      [{ queueId: queue.id, leasedBy: ctx.t.users.supervisor.id, callbackUserId: null }, { queueId: queue.id, leasedBy: null, callbackUserId: null, reason: 'Libera' }],
    ]);
  });

  it('the special queues: a dispute put back into the queue, a hardship review closed; each audited; outsider 404', async () => {
    const reviews = async (kind: string) => (await ctx.supervisor({ method: 'GET', url: `/api/work/reviews?kind=${kind}` })).json() as { id: string; debtorId: string; outcome: string; operator: string }[];
    // A correction does not undo the dispute: the debtor stays in the special queue, under its original outcome.
    const zetaCall = (await ctx.supervisor({ method: 'GET', url: '/api/work/outcomes?outcome=CONTESTAZIONE' })).json()[0].id as string;
    expect((await ctx.supervisor({ method: 'POST', url: `/api/work/outcomes/${zetaCall}/correction`, payload: { outcome: 'RIFIUTO', reason: 'Non era una contestazione' } })).statusCode).toBe(200);
    const disputes = await reviews('dispute');
    expect(disputes).toEqual([expect.objectContaining({ debtorId: ids.Zeta, outcome: 'CONTESTAZIONE', operator: expect.stringContaining('operator'), queueId: queue.id, callable: true })]);
    const hardship = await reviews('supervisor');
    expect(hardship).toEqual([expect.objectContaining({ debtorId: ids.Eta, outcome: 'DIFFICOLTA_ECONOMICA' })]);
    expect(await reviews('skip_tracing')).toEqual([]);
    expect((await ctx.operator({ method: 'GET', url: '/api/work/reviews?kind=dispute' })).statusCode).toBe(403);
    const url = `/api/work/reviews/${disputes[0]!.id}`;
    expect((await ctx.outsider({ method: 'POST', url, payload: { action: 'close', reason: 'x' } })).statusCode).toBe(404);
    expect((await ctx.supervisor({ method: 'POST', url, payload: { action: 'requeue', reason: 'x' } })).statusCode).toBe(400);
    const back = await ctx.supervisor({ method: 'POST', url, payload: { action: 'requeue', queueId: queue.id, reason: 'Il comune ha respinto la contestazione' } });
    expect(back.json()).toEqual({ debtorId: ids.Zeta, resolution: 'requeued' });
    expect((await ctx.db.selectFrom('claims').select('status').where('id', '=', claims.Zeta!).executeTakeFirstOrThrow()).status).toBe('in_collection');
    expect(await ctx.db.selectFrom('desk_items').select('debtor_id').where('queue_id', '=', queue.id).where('debtor_id', '=', ids.Zeta!).execute()).toHaveLength(1);
    expect(await reviews('dispute')).toEqual([]);
    expect((await ctx.supervisor({ method: 'POST', url, payload: { action: 'close', reason: 'again' } })).statusCode).toBe(409);
    // The dispute is over: its query to the comune is withdrawn with the reason, in the same transaction,
    // and both sides read why (the agency's supervisor and the comune's own user).
    const email = `tributi-${Date.now()}@comune.test`;
    await ctx.db
      .insertInto('users')
      .values({ tenant_id: ctx.t.tenantId, email, name: 'Ufficio Tributi', password_hash: await hashPassword(TEST_PASSWORD), role: 'viewer', creditor_id: ctx.t.otherCreditor.id })
      .execute();
    const comune = as(ctx.app, await sessionCookie(ctx.app, email));
    let queryId = '';
    for (const side of [ctx.supervisor, comune]) {
      const [q] = (await side({ method: 'GET', url: `/api/queries?claimId=${claims.Zeta!}` })).json().items;
      expect(q).toMatchObject({ kind: 'dispute', status: 'closed', waitingFor: null, answer: null });
      queryId = q.id;
      expect((await side({ method: 'GET', url: `/api/queries/${q.id}` })).json().messages.map((m: { side: string; text: string }) => [m.side, m.text])).toEqual([
        ['agency', 'Contestazione raccolta al telefono dal desk: Ha già presentato ricorso'],
        ['agency', 'Contestazione ritirata dall’agenzia: la posizione torna in riscossione. Motivo: Il comune ha respinto la contestazione'],
      ]);
    }
    expect((await comune({ method: 'GET', url: '/api/queries?waitingFor=creditor' })).json().items).toEqual([]);
    const withdrawn = (await auditOf(ctx.db, ctx.t.tenantId, queryId)).filter((a) => a.action === 'query.withdrawn');
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({ after: { status: 'closed', reason: 'Il comune ha respinto la contestazione', claimId: claims.Zeta } });

    const closed = await ctx.supervisor({ method: 'POST', url: `/api/work/reviews/${hardship[0]!.id}`, payload: { action: 'close', reason: 'Indirizzato ai servizi sociali' } });
    expect(closed.json()).toEqual({ debtorId: ids.Eta, resolution: 'closed' });
    expect(await reviews('supervisor')).toEqual([]);
    // Closing changes nothing else: the hold stays.
    expect((await ctx.db.selectFrom('claims').select('hold_until').where('id', '=', claims.Eta!).executeTakeFirstOrThrow()).hold_until).not.toBeNull();
    const actions = async (d: string) => (await auditOf(ctx.db, ctx.t.tenantId, d)).map((a) => a.action).filter((a) => a.startsWith('desk.review'));
    expect(await actions(ids.Zeta!)).toEqual(['desk.review_requeued']);
    expect(await actions(ids.Eta!)).toEqual(['desk.review_closed']);
  });
});
