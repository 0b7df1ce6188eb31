import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';
import { checkBalances } from '../../usecases/claims/balances.ts';
import { today } from '../../domain/dates.ts';
import { judgePromises } from '../../usecases/desk/judge-promises.ts';
import { evaluatePlans } from '../../usecases/plans/evaluate-plans.ts';
import { proposeSettlement } from '../../usecases/settlements/propose-settlement.ts';

/**
 * Reversals of payments (issue 15 item 6): a supervisor reverses a payment with a reason; what it paid
 * is owed again, later payments are split and imputed anew by the engine, claims reopen, a promise it
 * kept is judged again — one transaction, audited.
 */
let ctx: ApiContext;
let t: TestTenant;
const company = () =>
  createTestDebtor(ctx.db, t, { kind: 'company', companyName: `Storno ${Math.random().toString(36).slice(2, 8)} S.r.l.`, taxCode: undefined, firstName: undefined, lastName: undefined });

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const pay = async (debtorId: string, amount: string, valueDate: string, extra: Record<string, unknown> = {}) => {
  const res = await ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId, creditorId: t.creditor.id, amount, currency: 'EUR', valueDate, method: 'bank_transfer', ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; allocations: { claimId: string; component: string; amount: string }[] };
};
const split = (p: { allocations: { claimId: string; component: string; amount: string }[] }) =>
  Object.fromEntries(p.allocations.map((a) => [`${a.claimId.slice(0, 4)}:${a.component}`, a.amount]));
const payment = async (id: string) => (await ctx.supervisor({ method: 'GET', url: `/api/payments/${id}` })).json();
const claimRow = (id: string) =>
  ctx.db
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.status', 'c.principal_paid', 'c.interest_paid', 'c.costs_paid', 'b.principal_due'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
const reverse = (client: ApiContext['supervisor'], id: string, payload: Record<string, unknown> = { reason: 'Addebito SDD respinto (AM04)' }) =>
  client({ method: 'POST', url: `/api/payments/${id}/reverse`, payload });

describe('reversing a payment', () => {
  it('re-splits the later payment on the same claim onto costs, interest and principal as the engine says (TV-IT-04)', async () => {
    // EUR 10,000 due 2023-01-01, commercial rate: to 2024-01-01 interest 1,126.16 and EUR 40 (legal-notes TV-IT-04).
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const first = await pay(d.id, '2000.00', '2023-09-30');
    const second = await pay(d.id, '3000.00', '2024-01-01');
    expect(first.allocations.find((a) => a.component === 'costs')?.amount).toBe('40.00');
    // The second payment found the costs paid by the first.
    expect(second.allocations.find((a) => a.component === 'costs')).toBeUndefined();

    const res = await reverse(ctx.supervisor, first.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: first.id, reversedAt: expect.any(String) });
    // Without the first, the second meets the €40, then the interest to its date, then principal.
    expect(split(await payment(second.id))).toEqual({
      [`${c.id.slice(0, 4)}:costs`]: '40.00',
      [`${c.id.slice(0, 4)}:interest`]: '1126.16',
      [`${c.id.slice(0, 4)}:principal`]: '1833.84',
    });
    expect(await claimRow(c.id)).toMatchObject({ status: 'partially_paid', principal_paid: '1833.84', interest_paid: '1126.16', costs_paid: '40.00', principal_due: '8166.16' });
    expect((await checkBalances(ctx.db, { tenantId: t.tenantId })).differences).toEqual([]);

    const audit = await auditOf(ctx.db, t.tenantId, first.id);
    const reversed = audit.find((e) => e.action === 'payment.reversed')!;
    expect(reversed).toMatchObject({ after: expect.objectContaining({ reason: 'Addebito SDD respinto (AM04)' }) });
    expect((await auditOf(ctx.db, t.tenantId, c.id)).map((e) => e.action)).toContain('claim.payment_reversed');
    expect((await auditOf(ctx.db, t.tenantId, second.id)).map((e) => e.action)).toContain('payment.reimputed');

    // Twice: a conflict, and nothing changes.
    expect((await reverse(ctx.supervisor, first.id)).statusCode).toBe(409);
  });

  it('imputes a later payment again to the oldest debt it reopens (art. 1193 c.c.); a claim left with no payment goes back in collection', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Imputazione' });
    const a = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '300.00', dueDate: '2025-01-31' });
    const b = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2025-03-31' });
    const first = await pay(d.id, '300.00', '2025-04-10');
    const second = await pay(d.id, '200.00', '2025-05-10');
    expect(second.allocations).toEqual([expect.objectContaining({ claimId: b.id, amount: '200.00' })]);
    expect((await claimRow(a.id)).status).toBe('paid');
    expect((await claimRow(b.id)).status).toBe('paid');

    const res = await reverse(ctx.admin, first.id);
    expect(res.statusCode, res.body).toBe(200);
    expect((await payment(second.id)).allocations).toEqual([expect.objectContaining({ claimId: a.id, component: 'principal', amount: '200.00' })]);
    expect(await claimRow(a.id)).toMatchObject({ status: 'partially_paid', principal_paid: '200.00', principal_due: '100.00' });
    expect(await claimRow(b.id)).toMatchObject({ status: 'in_collection', principal_paid: '0.00', principal_due: '200.00' });
    expect((await auditOf(ctx.db, t.tenantId, second.id)).map((e) => e.action)).toContain('payment.reimputed');
    expect((await checkBalances(ctx.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });

  it('keeps a payment the debtor assigned on its claim', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Assegnato' });
    const a = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '300.00', dueDate: '2025-01-31' });
    const b = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2025-03-31' });
    const first = await pay(d.id, '300.00', '2025-04-10');
    const second = await pay(d.id, '200.00', '2025-05-10', { claimIds: [b.id] });
    expect((await reverse(ctx.supervisor, first.id)).statusCode).toBe(200);
    expect((await payment(second.id)).allocations).toEqual([expect.objectContaining({ claimId: b.id, amount: '200.00' })]);
    expect(await claimRow(a.id)).toMatchObject({ status: 'in_collection', principal_paid: '0.00', principal_due: '300.00' });
    expect((await claimRow(b.id)).status).toBe('paid');
  });

  it('judges again a promise the payment had kept', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Promessa' });
    const a = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '300.00', dueDate: '2025-01-31' });
    const b = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2025-03-31' });
    const promise = await ctx.db
      .insertInto('promises')
      .values({ tenant_id: t.tenantId, debtor_id: d.id, amount: '300.00', currency: 'EUR', due_on: '2025-04-15', grace_days: 3, made_on: '2025-04-01', claim_ids: [a.id] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await pay(d.id, '300.00', '2025-04-10');
    const second = await pay(d.id, '200.00', '2025-05-10');
    expect(second.allocations).toEqual([expect.objectContaining({ claimId: b.id })]);
    await judgePromises(ctx.db, '2025-04-20', undefined, { tenantId: t.tenantId });
    const kept = await ctx.db.selectFrom('promises').select(['state', 'paid']).where('id', '=', promise.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ state: 'kept', paid: '300.00' });

    expect((await reverse(ctx.supervisor, first.id, { reason: 'Assegno insoluto', on: '2025-06-01' })).statusCode).toBe(200);
    // The later €200 now pays the promised claim, short of the €300 promised.
    const judged = await ctx.db.selectFrom('promises').select(['state', 'paid', 'judged_on']).where('id', '=', promise.id).executeTakeFirstOrThrow();
    expect(judged).toEqual({ state: 'short', paid: '200.00', judged_on: '2025-06-01' });
    expect((await auditOf(ctx.db, t.tenantId, d.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['promise.rejudged', 'promise.broken']));
  });

  it('is a supervisor’s, with a reason; an operator is refused, an outsider sees nothing', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Permessi' });
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00', dueDate: '2025-01-31' });
    const p = await pay(d.id, '50.00', '2025-04-10');
    expect((await reverse(ctx.operator, p.id)).statusCode).toBe(403);
    expect((await reverse(ctx.viewer, p.id)).statusCode).toBe(403);
    expect((await reverse(ctx.outsider, p.id)).statusCode).toBe(404);
    const noReason = await reverse(ctx.supervisor, p.id, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(pathsOf(noReason)).toEqual(['reason']);
    expect((await reverse(ctx.supervisor, p.id, { reason: 'x', on: '2025-04-01' })).statusCode).toBe(400);
    expect((await payment(p.id)).reversedAt).toBeNull();
  });

  it('un-fills the plan instalments it had filled; a plan it had paid runs again, its position back in the plan', async () => {
    const todayIso = today().toString();
    // A comune's TARI position not yet due: it owes exactly its principal.
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Rata stornata' });
    const c = await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal: '450.00', dueDate: today().add({ days: 20 }).toString() });
    const plan = (await ctx.operator({ method: 'POST', url: '/api/plans', payload: { claimIds: [c.id], count: 4 } })).json();
    const payPlan = async (amount: string) => {
      const res = await ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId: d.id, creditorId: t.otherCreditor.id, amount, currency: 'EUR', valueDate: todayIso, method: 'bank_transfer', claimIds: [c.id] } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const first = await payPlan('150.00');
    const second = await payPlan('300.00');
    await evaluatePlans(ctx.db, todayIso, { tenantId: ctx.t.tenantId });
    const planOf = async () => (await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json();
    const fill = (p: { instalments: { paid: string; state: string }[] }) => p.instalments.map((i) => [i.paid, i.state]);
    expect(await planOf()).toMatchObject({ state: 'paid', paid: '450.00', closedOn: todayIso });
    expect((await claimRow(c.id)).status).toBe('paid');

    expect((await reverse(ctx.supervisor, second.id, { reason: 'Bonifico richiamato' })).statusCode).toBe(200);
    const reopened = await planOf();
    expect(reopened).toMatchObject({ state: 'active', paid: '150.00', closedOn: null });
    expect(fill(reopened)).toEqual([
      ['112.50', 'paid'],
      ['37.50', 'partly_paid'],
      ['0.00', 'due'],
      ['0.00', 'due'],
    ]);
    expect((await claimRow(c.id)).status).toBe('in_plan');
    const audit = (await auditOf(ctx.db, t.tenantId, plan.id)).find((e) => e.action === 'plan.reopened')!;
    expect(audit.after).toMatchObject({ state: 'active', paid: '150.00', reversedPaymentId: second.id, reason: 'Bonifico richiamato' });

    // The other one too: nothing filled, the plan still runs (its instalments not yet due).
    expect((await reverse(ctx.supervisor, first.id, { reason: 'Bonifico richiamato' })).statusCode).toBe(200);
    const empty = await planOf();
    expect(empty).toMatchObject({ state: 'active', paid: '0.00' });
    expect(fill(empty)).toEqual([
      ['0.00', 'due'],
      ['0.00', 'due'],
      ['0.00', 'due'],
      ['0.00', 'due'],
    ]);
    expect((await claimRow(c.id)).status).toBe('in_plan');
  });

  it('takes back the settlement it had paid: the write-off undone, the offer open again until its deadline (expired after it)', async () => {
    // TV-IT-04: EUR 10,000 due 2023-01-01 at the commercial rate owes 11,166.16 on 2024-01-01.
    const settled = async () => {
      const d = await company();
      const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
      const s = await proposeSettlement(ctx.db, t.users.operator.actor, { debtorId: d.id, creditorId: t.creditor.id, claimIds: [c.id], amount: '11049.54', deadline: '2024-01-31' }, { today: '2024-01-01' });
      const p = await pay(d.id, '11049.54', '2024-01-15');
      const closed = await ctx.operator({ method: 'POST', url: `/api/settlements/${s.id}/close`, payload: {} });
      expect(closed.json()).toMatchObject({ state: 'paid', paidOn: '2024-01-15' });
      expect(await ctx.db.selectFrom('claims').select(['status', 'closed_on']).where('id', '=', c.id).executeTakeFirstOrThrow()).toEqual({ status: 'written_off', closed_on: '2024-01-15' });
      return { d, c, s, p };
    };
    const settlementOf = (id: string) => ctx.db.selectFrom('settlements').select(['state', 'paid_on']).where('id', '=', id).executeTakeFirstOrThrow();

    const a = await settled();
    expect((await reverse(ctx.supervisor, a.p.id, { reason: 'SDD respinto (MD06)', on: '2024-01-20' })).statusCode).toBe(200);
    expect(await settlementOf(a.s.id)).toEqual({ state: 'offered', paid_on: null });
    // Nothing paid any more: the whole debt is owed again, back in collection.
    expect(await ctx.db.selectFrom('claims').select(['status', 'closed_on']).where('id', '=', a.c.id).executeTakeFirstOrThrow()).toEqual({ status: 'in_collection', closed_on: null });
    expect((await claimRow(a.c.id)).principal_due).toBe('10000.00');
    const undone = (await auditOf(ctx.db, t.tenantId, a.c.id)).find((e) => e.action === 'claim.write_off_undone')!;
    expect(undone.after).toMatchObject({ status: 'in_collection', settlementId: a.s.id, reversedPaymentId: a.p.id });
    expect((await auditOf(ctx.db, t.tenantId, a.d.id)).map((e) => e.action)).toContain('settlement.reopened');

    // Reversed after the deadline: the settlement can no longer be paid, it has expired.
    const b = await settled();
    expect((await reverse(ctx.supervisor, b.p.id, { reason: 'SDD respinto (MD06)', on: '2024-02-10' })).statusCode).toBe(200);
    expect(await settlementOf(b.s.id)).toEqual({ state: 'expired', paid_on: null });
    expect((await checkBalances(ctx.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });
});
