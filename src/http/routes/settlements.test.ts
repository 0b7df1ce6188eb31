import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';
import { today } from '../../domain/dates.ts';
import { checkBalances } from '../../usecases/claims/balances.ts';
import { recordPayment } from '../../usecases/payments/record-payment.ts';
import { proposeSettlement } from '../../usecases/settlements/propose-settlement.ts';

/**
 * Settlements (saldo e stralcio, issue 15 item 3): offered within the creditor's mandate by an
 * operator, beyond it approved by a supervisor; the remainder written off only once the amount is paid.
 */
let ctx: ApiContext;
let t: TestTenant;
const company = () =>
  createTestDebtor(ctx.db, t, { kind: 'company', companyName: `Stralcio ${Math.random().toString(36).slice(2, 8)} S.r.l.`, taxCode: undefined, firstName: undefined, lastName: undefined });

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

// TV-IT-04: EUR 10,000 due 2023-01-01 at the commercial rate owes 11,166.16 on 2024-01-01.
const tvIt04 = async () => {
  const d = await company();
  const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
  return { d, c };
};
const offer = (debtorId: string, claimId: string, amount: string, actor = t.users.operator.actor) =>
  proposeSettlement(ctx.db, actor, { debtorId, creditorId: t.creditor.id, claimIds: [claimId], amount, deadline: '2024-01-31' }, { today: '2024-01-01' });
const pay = (debtorId: string, amount: string, valueDate: string) =>
  recordPayment(ctx.db, t.users.operator.actor, { debtorId, creditorId: t.creditor.id, amount, currency: 'EUR', valueDate, method: 'bank_transfer' });
const close = (client: ApiContext['operator'], id: string, payload: Record<string, unknown> = {}) => client({ method: 'POST', url: `/api/settlements/${id}/close`, payload });

describe('settlements', () => {
  it('an operator offers up to 10 % of interest and costs off; paid, the remainder is written off and audited', async () => {
    const { d, c } = await tvIt04();
    const s = await offer(d.id, c.id, '11049.54');
    expect(s).toMatchObject({ state: 'offered', owed: '11166.16', discount: '116.62', approvals: [], offeredOn: '2024-01-01' });
    // Not paid yet, before the deadline: it stays open.
    expect((await close(ctx.operator, s.id, { on: '2024-01-10' })).statusCode).toBe(409);
    await pay(d.id, '11049.54', '2024-01-15');
    const closed = await close(ctx.operator, s.id);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'paid', paidOn: '2024-01-15' });
    const claim = await ctx.db.selectFrom('claims').select(['status', 'closed_on']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(claim).toEqual({ status: 'written_off', closed_on: '2024-01-15' });
    const writeOff = (await auditOf(ctx.db, t.tenantId, c.id)).find((e) => e.action === 'claim.written_off')!;
    // Interest ran from 2024-01-01 to 2024-01-15 on top of the 116.62 given up.
    expect(Number((writeOff.after as { writtenOff: string }).writtenOff)).toBeGreaterThan(116.62);
    expect((await close(ctx.operator, s.id)).statusCode).toBe(409);
    expect((await checkBalances(ctx.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });

  it('beyond the operator’s authority waits for a supervisor; an operator cannot approve, an outsider sees nothing', async () => {
    const { d, c } = await tvIt04();
    const s = await offer(d.id, c.id, '11000.00');
    expect(s).toMatchObject({ state: 'awaiting_approval', discount: '166.16', approvals: ['settlement.beyond_operator'] });
    // Awaiting approval, it cannot be closed.
    expect((await close(ctx.operator, s.id)).statusCode).toBe(409);
    expect((await ctx.operator({ method: 'POST', url: `/api/settlements/${s.id}/approve` })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'POST', url: `/api/settlements/${s.id}/approve` })).statusCode).toBe(404);
    const approved = await ctx.supervisor({ method: 'POST', url: `/api/settlements/${s.id}/approve` });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'offered', approvedBy: t.users.supervisor.id });
    expect((await ctx.supervisor({ method: 'POST', url: `/api/settlements/${s.id}/approve` })).statusCode).toBe(409);
    expect((await auditOf(ctx.db, t.tenantId, d.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['settlement.proposed', 'settlement.approved']));
  });

  it('an offer pauses dunning on its positions until its deadline; one awaiting approval only once approved', async () => {
    const hold = async (id: string) => ctx.db.selectFrom('claims').select(['hold_until', 'hold_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    const { d, c } = await tvIt04();
    await offer(d.id, c.id, '11049.54');
    expect(await hold(c.id)).toEqual({ hold_until: '2024-01-31', hold_reason: 'Saldo e stralcio offerto: solleciti sospesi fino alla scadenza dell’offerta, 31/01/2024' });
    expect((await auditOf(ctx.db, t.tenantId, c.id)).map((e) => e.action)).toContain('claim.held');
    // Beyond the operator's authority: no pause while nobody has offered it yet; approved, it pauses.
    const now = today().toString();
    const deadline = today().add({ days: 20 }).toString();
    const other = await tvIt04();
    const s = await proposeSettlement(ctx.db, t.users.operator.actor, { debtorId: other.d.id, creditorId: t.creditor.id, claimIds: [other.c.id], amount: '10000.00', deadline }, { today: now });
    expect(s.state).toBe('awaiting_approval');
    expect((await hold(other.c.id)).hold_until).toBeNull();
    expect((await ctx.supervisor({ method: 'POST', url: `/api/settlements/${s.id}/approve` })).statusCode).toBe(200);
    expect((await hold(other.c.id)).hold_until).toBe(deadline);
  });

  it('expires unpaid after its deadline and gives nothing up', async () => {
    const { d, c } = await tvIt04();
    const s = await offer(d.id, c.id, '11100.00');
    const expired = await close(ctx.supervisor, s.id, { on: '2024-02-01' });
    expect(expired.statusCode, expired.body).toBe(200);
    expect(expired.json()).toMatchObject({ state: 'expired', paidOn: null });
    expect((await ctx.db.selectFrom('claims').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).not.toBe('written_off');
  });

  it('refuses through the API what is no settlement, naming the field', async () => {
    const { d, c } = await tvIt04();
    const res = await ctx.operator({ method: 'POST', url: '/api/settlements', payload: { debtorId: d.id, creditorId: t.creditor.id, claimIds: [c.id], amount: '1.00', deadline: '2000-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res)).toEqual(['deadline']);
    const whole = await ctx.operator({ method: 'POST', url: '/api/settlements', payload: { debtorId: d.id, creditorId: t.creditor.id, claimIds: [c.id], amount: '99999.00', deadline: '2000-01-01' } });
    expect(pathsOf(whole)).toEqual(['amount']);
    expect((await ctx.viewer({ method: 'POST', url: '/api/settlements', payload: { debtorId: d.id, creditorId: t.creditor.id, claimIds: [c.id], amount: '1.00', deadline: '2000-01-01' } })).statusCode).toBe(403);
  });

  it('follows the creditor’s mandate as a supervisor sets it: below its minimum a supervisor must approve', async () => {
    const k = await ctx.supervisor({ method: 'POST', url: '/api/creditors', payload: { name: `Mandante stralcio ${Date.now()}`, kind: 'company' } });
    expect(k.statusCode, k.body).toBe(201);
    const creditorId = k.json().id as string;
    expect((await ctx.operator({ method: 'PATCH', url: `/api/creditors/${creditorId}`, payload: { settlementRules: { creditorMinPercent: '99.5' } } })).statusCode).toBe(403);
    const set = await ctx.supervisor({ method: 'PATCH', url: `/api/creditors/${creditorId}`, payload: { settlementRules: { operatorMaxDiscountPercent: '100', creditorMinPercent: '99.5' } } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().settlementRules).toEqual({ operatorMaxDiscountPercent: '100', creditorMinPercent: '99.5', maxDays: 30, publicRevenues: false });
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01', creditorId });
    const input = { debtorId: d.id, creditorId, claimIds: [c.id], deadline: '2024-01-31' };
    // 99.5 % of 11,166.16 = 11,110.33.
    expect(await proposeSettlement(ctx.db, t.users.operator.actor, { ...input, amount: '11110.33' }, { today: '2024-01-01' })).toMatchObject({ state: 'offered', approvals: [] });
    expect(await proposeSettlement(ctx.db, t.users.operator.actor, { ...input, amount: '11110.32' }, { today: '2024-01-01' })).toMatchObject({
      state: 'awaiting_approval',
      approvals: ['settlement.below_creditor_minimum'],
    });
  });
});
