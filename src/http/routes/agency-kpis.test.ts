import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../usecases/auth/login.ts';
import { today } from '../../domain/dates.ts';
import { createTestClaim, createTestDebtor, TEST_PASSWORD } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

/**
 * The agency's KPIs per operator and per queue (issue 16 item 7) on a hand-built desk: two operators in
 * two queues, calls (one corrected, one refused), promises made and judged, plans, timed calls and
 * payments credited to the last right-party contact within 30 days — or to nobody. Exact figures; a
 * creditor narrows them; another tenant sees nothing of it; a creditor's viewer and an operator are refused.
 */
let ctx: ApiContext;
const now = today();
const day = (n: number) => now.subtract({ days: n }).toString();
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

describe('agency KPIs per operator and per queue', () => {
  it('counts calls, promises, plans, handling and attributed money exactly, per operator, per queue and in total', async () => {
    const { t, db } = ctx;
    const op1 = t.users.operator.id;
    const op2Email = `op2-${t.tenantId.slice(0, 8)}@example.test`;
    const op2 = (
      await db
        .insertInto('users')
        .values({ tenant_id: t.tenantId, email: op2Email, name: 'Zeta Operatrice', password_hash: await hashPassword(TEST_PASSWORD), role: 'operator', creditor_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const queue = async (name: string, userId: string) => {
      const q = await db.insertInto('work_queues').values({ tenant_id: t.tenantId, name, creditor_id: t.creditor.id }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('work_queue_members').values({ tenant_id: t.tenantId, queue_id: q.id, user_id: userId }).execute();
      return q.id;
    };
    const q1 = await queue('Coda A', op1);
    const q2 = await queue('Coda B', op2);
    const soon = now.add({ days: 20 }).toString();
    const position = async (creditorId = t.creditor.id) => {
      const d = await createTestDebtor(db, t);
      const c = await createTestClaim(db, t, d.id, { principal: '1000.00', dueDate: soon, creditorId });
      return { debtorId: d.id, claimId: c.id, creditorId };
    };
    const [d1, d2, d3, d4] = [await position(), await position(), await position(), await position()];
    const d5 = await position(t.otherCreditor.id);
    const d6 = await position();
    const call = async (p: { debtorId: string }, user: string, q: string, ago: number, outcome: string, extra: Record<string, unknown> = {}) =>
      db
        .insertInto('contact_log')
        .values({ tenant_id: t.tenantId, debtor_id: p.debtorId, channel: 'desk', kind: 'conversation', local_date: day(ago), local_time: '10:00', allowed: true, actor_label: 'test', outcome, user_id: user, queue_id: q, ...extra })
        .execute();
    // Operator 1, queue A: 5 attempts, 4 right-party (one by a supervisor's correction); a refused call counts nothing.
    await call(d1, op1, q1, 3, 'NON_RISPONDE');
    await call(d1, op1, q1, 2, 'PROMESSA_PAGAMENTO');
    await call(d2, op1, q1, 15, 'PROMESSA_PAGAMENTO');
    await call(d2, op1, q1, 10, 'NON_RISPONDE', { corrected_outcome: 'RICHIAMARE', corrected_at: new Date(), correction_reason: 'era il debitore' });
    await call(d4, op1, q1, 6, 'RIFIUTO');
    await call(d4, op1, q1, 6, 'RIFIUTO', { allowed: false, reason: 'limite' });
    // Operator 2, queue B: 4 attempts, 3 right-party; d3's conversation 40 days ago is outside the period and the window.
    await call(d3, op2, q2, 40, 'RICHIAMARE');
    await call(d3, op2, q2, 5, 'NON_RISPONDE');
    await call(d4, op2, q2, 12, 'PROMESSA_PAGAMENTO');
    await call(d4, op2, q2, 1, 'RICHIAMARE');
    await call(d5, op2, q2, 1, 'RICHIAMARE');

    const promise = (p: { debtorId: string; claimId: string }, by: string, made: number, amount: string, state: 'pending' | 'kept' | 'short' | 'broken', judged: number | null, currency = 'EUR') =>
      db
        .insertInto('promises')
        .values({ tenant_id: t.tenantId, debtor_id: p.debtorId, amount, currency, due_on: day(0), grace_days: 0, made_on: day(made), made_by: by, claim_ids: [p.claimId], state, judged_on: judged === null ? null : day(judged) })
        .execute();
    await promise(d1, op1, 2, '100.00', 'pending', null);
    await promise(d2, op1, 15, '50.00', 'kept', 1);
    await promise(d4, op2, 12, '30.25', 'broken', 3, 'CHF'); // francs: never added to euros
    await promise(d3, op2, 60, '20.00', 'short', 4); // made before the period (no call that day: no queue), judged in it

    const plan = (p: { debtorId: string; claimId: string }, by: string, started: number, state: string) =>
      db
        .insertInto('plans')
        .values({ tenant_id: t.tenantId, debtor_id: p.debtorId, creditor_id: t.creditor.id, claim_ids: [p.claimId], currency: 'EUR', total: '300.00', instalment_count: 3, state: state as never, rules: JSON.stringify({}), started_on: day(started), proposed_by: by })
        .execute();
    await plan(d1, t.users.operator.actor.label, 2, 'active');
    await plan(d4, `user:${op2Email}`, 1, 'rejected');

    const contact = async (p: { debtorId: string }) =>
      (await db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: p.debtorId, channel: 'mobile', value: `+39333${Math.floor(Math.random() * 1e7)}`, third_party: false }).returning('id').executeTakeFirstOrThrow()).id;
    const timed = async (p: { debtorId: string }, user: string, q: string, ago: number, seconds: number | null) => {
      const start = new Date(`${day(ago)}T10:00:00+01:00`);
      await db
        .insertInto('desk_calls')
        .values({ tenant_id: t.tenantId, queue_id: q, debtor_id: p.debtorId, contact_id: await contact(p), user_id: user, started_at: start, ended_at: seconds === null ? null : new Date(start.getTime() + seconds * 1000) })
        .execute();
    };
    await timed(d1, op1, q1, 3, 90);
    await timed(d1, op1, q1, 2, 121);
    await timed(d4, op2, q2, 1, 60);
    await timed(d4, op2, q2, 0, null); // still open: not counted

    const pay = async (p: { debtorId: string; claimId: string; creditorId: string }, amount: string) => {
      const r = await ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId: p.debtorId, creditorId: p.creditorId, amount, currency: 'EUR', valueDate: day(0), method: 'bank_transfer', claimIds: [p.claimId] } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string };
    };
    await pay(d1, '60.00'); // op1's promise call 2 days before
    await pay(d2, '25.50'); // op1's corrected call 10 days before
    await pay(d3, '40.00'); // only a non-right-party call in 30 days: not attributed
    await pay(d4, '10.05'); // op2's call yesterday is later than op1's 6 days ago
    await pay(d5, '7.00'); // op2, another creditor's position
    const reversed = await pay(d6, '5.00'); // reversed: not counted anywhere
    const rev = await ctx.supervisor({ method: 'POST', url: `/api/payments/${reversed.id}/reverse`, payload: { reason: 'addebito respinto' } });
    expect(rev.statusCode, rev.body).toBe(200);

    const period = `from=${day(20)}&to=${day(0)}`;
    const r = await ctx.supervisor({ method: 'GET', url: `/api/portal/agency-kpis?${period}` });
    expect(r.statusCode, r.body).toBe(200);
    const k = r.json();
    expect(k).toMatchObject({ from: day(20), to: day(0), creditorId: null, attributionDays: 30, notAttributed: [{ currency: 'EUR', amount: '40.00' }] });
    const byUser = Object.fromEntries(k.operators.map((o: { userId: string | null }) => [o.userId, o]));
    expect(byUser[op1]).toEqual({
      userId: op1,
      name: expect.stringMatching(/^operator /),
      attempts: 5,
      rightParty: 4,
      rpcRate: '80.00',
      promises: 2,
      promised: [{ currency: 'EUR', amount: '150.00' }],
      promisesKept: 1,
      promisesBroken: 0,
      keptRate: '100.00',
      plans: 1,
      collected: [{ currency: 'EUR', amount: '85.50' }],
      handledCalls: 2,
      averageHandlingSeconds: 106,
      calls: { userId: op1, from: day(20), to: day(0) },
    });
    expect(byUser[op2]).toMatchObject({
      name: 'Zeta Operatrice',
      attempts: 4,
      rightParty: 3,
      rpcRate: '75.00',
      promises: 1,
      promised: [{ currency: 'CHF', amount: '30.25' }],
      promisesKept: 0,
      promisesBroken: 2,
      keptRate: '0.00',
      plans: 0,
      collected: [{ currency: 'EUR', amount: '17.05' }],
      handledCalls: 1,
      averageHandlingSeconds: 60,
    });
    const byQueue = Object.fromEntries(k.queues.map((o: { queueId: string | null }) => [o.queueId, o]));
    expect(byQueue[q1]).toMatchObject({ name: 'Coda A', attempts: 5, rightParty: 4, promises: 2, promisesKept: 1, plans: 1, collected: [{ currency: 'EUR', amount: '85.50' }], calls: { queueId: q1 } });
    expect(byQueue[q2]).toMatchObject({ name: 'Coda B', attempts: 4, rightParty: 3, promises: 1, promisesBroken: 1, collected: [{ currency: 'EUR', amount: '17.05' }] });
    // d3's short promise was made on a day without a promise call: no queue.
    expect(byQueue['null']).toMatchObject({ name: null, promisesBroken: 1, attempts: 0, calls: null });
    expect(k.total).toMatchObject({ attempts: 9, rightParty: 7, rpcRate: '77.78', promises: 3, promised: [{ currency: 'CHF', amount: '30.25' }, { currency: 'EUR', amount: '150.00' }], promisesKept: 1, promisesBroken: 2, keptRate: '33.33', plans: 1, collected: [{ currency: 'EUR', amount: '102.55' }], handledCalls: 3, averageHandlingSeconds: 90 });

    // One creditor: its debtors' calls, promises on its positions, its payments.
    const mine = (await ctx.admin({ method: 'GET', url: `/api/portal/agency-kpis?${period}&creditorId=${t.creditor.id}` })).json();
    const op2Mine = mine.operators.find((o: { userId: string }) => o.userId === op2);
    expect(op2Mine).toMatchObject({ attempts: 3, rightParty: 2, rpcRate: '66.67', collected: [{ currency: 'EUR', amount: '10.05' }] });
    expect(mine.total.collected).toEqual([{ currency: 'EUR', amount: '95.55' }]);

    // The window is data: 3 days — d2's payment (10 days after) is no longer op1's.
    expect((await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { kpiAttributionDays: 3 } })).json()).toMatchObject({ kpiAttributionDays: 3 });
    const short = (await ctx.supervisor({ method: 'GET', url: `/api/portal/agency-kpis?${period}` })).json();
    expect(short.attributionDays).toBe(3);
    expect(short.operators.find((o: { userId: string }) => o.userId === op1).collected).toEqual([{ currency: 'EUR', amount: '60.00' }]);
    expect(short.notAttributed).toEqual([{ currency: 'EUR', amount: '65.50' }]);
    expect((await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { kpiAttributionDays: null } })).json()).toMatchObject({ kpiAttributionDays: 30 });

    // Default period: the current month.
    const month = (await ctx.supervisor({ method: 'GET', url: '/api/portal/agency-kpis' })).json();
    expect([month.from, month.to]).toEqual([now.with({ day: 1 }).toString(), now.with({ day: now.daysInMonth }).toString()]);

    // The export carries the same figures.
    const csv = await ctx.supervisor({ method: 'GET', url: `/api/portal/agency-kpis/export?${period}&format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('dimension;name;attempts;right_party;rpc_rate;promises;promises_kept;promises_broken;kept_rate;plans;handled_calls;average_handling_seconds;promised_CHF;promised_EUR;collected_EUR');
    expect(lines).toContain('operator;Zeta Operatrice;4;3;75.00;1;0;2;0.00;0;1;60;30.25;0.00;17.05');
    expect(lines).toContain('queue;Coda A;5;4;80.00;2;1;0;100.00;1;2;106;0.00;150.00;85.50');
    expect(lines).toContain('total;;9;7;77.78;3;1;2;33.33;1;3;90;30.25;150.00;102.55');
    expect(lines.at(-1)).toBe('not_attributed;;;;;;;;;;;;;;40.00');
    const xlsx = await ctx.supervisor({ method: 'GET', url: `/api/portal/agency-kpis/export?${period}&format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const total = ws.getRows(1, ws.rowCount)!.find((row) => row.getCell(1).value === 'total')!;
    expect(total.getCell(13).value).toBe(30.25);
    expect(total.getCell(15).value).toBe(102.55);
  });

  it('is the agency supervisors’: a creditor’s viewer and an operator are refused, another tenant sees nothing of it', async () => {
    const { t } = ctx;
    expect((await ctx.viewer({ method: 'GET', url: '/api/portal/agency-kpis' })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'GET', url: `/api/portal/agency-kpis/export?creditorId=${t.creditor.id}` })).statusCode).toBe(403);
    expect((await ctx.operator({ method: 'GET', url: '/api/portal/agency-kpis' })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'GET', url: `/api/portal/agency-kpis?creditorId=${t.creditor.id}` })).statusCode).toBe(404);
    const theirs = (await ctx.outsider({ method: 'GET', url: `/api/portal/agency-kpis?from=${day(60)}&to=${day(0)}` })).json();
    expect(theirs.operators).toEqual([]);
    expect(theirs.queues).toEqual([]);
    expect(theirs.total).toMatchObject({ attempts: 0, promises: 0, plans: 0, collected: [], handledCalls: 0 });
    expect(theirs.notAttributed).toEqual([]);
    expect((await ctx.supervisor({ method: 'GET', url: `/api/portal/agency-kpis?from=${day(0)}&to=${day(1)}` })).statusCode).toBe(400);
  });
});
