import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { createTestDebtor, uniq } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { messageFor, openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let comuneId: string;
let debtorId: string;

beforeAll(async () => {
  ctx = await openApiContext();
  const comune = await ctx.admin({
    method: 'POST',
    url: '/api/creditors',
    payload: { name: `Comune di Atti ${uniq()}`, kind: 'public_entity', taxCode: fakePartitaIva(Date.now() % 100000), cadastralCode: 'A123', revenueRules: { interestPoints: '1' } },
  });
  if (comune.statusCode !== 201) throw new Error(comune.body);
  comuneId = comune.json().id;
  debtorId = (await createTestDebtor(ctx.db, ctx.t, { lastName: `Contribuente${uniq()}` })).id;
});
afterAll(async () => {
  await ctx.app.close();
});

const base = (over: Record<string, unknown> = {}) => ({
  creditorId: comuneId,
  debtorId,
  externalRef: `IMU-2022-${uniq()}`,
  kind: 'imu',
  currency: 'EUR',
  dueDate: '2025-03-10',
  taxYear: 2022,
  act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/118', date: '2024-12-20', notifiedOn: '2025-01-08', enforceableOn: '2025-03-10' },
  components: [
    { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
    { kind: 'sanctions', amount: '300.00', tributeCode: '3924' },
    { kind: 'act_interest', amount: '85.50', tributeCode: '3923' },
    { kind: 'notification_costs', amount: '10.00' },
  ],
  ...over,
});

describe('a comune’s position as its act states it', () => {
  it('records the act, its notice code and its components; the amount is their sum; the tax runs at the legal rate plus the comune’s points', async () => {
    const notice = noticeCodeAux3('12', '0000000000001');
    const res = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ noticeCode: notice.replace(/(\d{4})/g, '$1 ') }) });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      principal: '1395.50',
      noticeCode: notice,
      taxYear: 2022,
      interestRegime: 'spread',
      interestBase: 'it-legal',
      interestSpread: '1',
      act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/118', date: '2024-12-20', notifiedOn: '2025-01-08', enforceableOn: '2025-03-10' },
    });
    expect(c.components.map((k: { kind: string; amount: string; accruesInterest: boolean; tributeCode: string | null; due: string }) => [k.kind, k.amount, k.accruesInterest, k.tributeCode, k.due])).toEqual([
      ['tax', '1000.00', true, '3918', '1000.00'],
      ['sanctions', '300.00', false, '3924', '300.00'],
      ['act_interest', '85.50', false, '3923', '85.50'],
      ['notification_costs', '10.00', false, null, '10.00'],
    ]);
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json()).toMatchObject({ noticeCode: notice, components: [{ kind: 'tax' }, {}, {}, {}] });
    // Lists carry the act, not the components.
    const listed = (await ctx.admin({ method: 'GET', url: `/api/claims?debtorId=${debtorId}` })).json().items.find((x: { id: string }) => x.id === c.id);
    expect(listed).toMatchObject({ act: { number: 'ACC/2025/118' }, noticeCode: notice });
    expect(listed.components).toBeUndefined();

    // The same notice code twice for the comune: refused.
    const again = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ noticeCode: notice }) });
    expect(again.statusCode).toBe(409);
    // A claim of components: the amount is corrected through them.
    const patched = await ctx.admin({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { principal: '900.00' } });
    expect(patched.statusCode).toBe(400);
    expect(pathsOf(patched)).toEqual(['principal']);
    // The act's number and the notice code can be corrected.
    const corrected = await ctx.admin({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/119' }, noticeCode: null } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ act: { number: 'ACC/2025/119', date: null }, noticeCode: null });
  });

  it('settles a payment over the act’s components in the comune’s own order, and again when the comune changes it', async () => {
    const created = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ interestRegime: 'none' }) });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    const pay = await ctx.admin({
      method: 'POST',
      url: '/api/payments',
      payload: { debtorId, creditorId: comuneId, amount: '100.00', currency: 'EUR', valueDate: '2025-04-01', method: 'pagopa', claimIds: [c.id] },
    });
    expect(pay.statusCode, pay.body).toBe(201);
    const paid = async () =>
      Object.fromEntries(
        (await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json().components.map((k: { kind: string; paid: string }) => [k.kind, k.paid]),
      );
    // The law's default order: notification costs, then the act's interest, then sanctions, then tax.
    expect(await paid()).toEqual({ notification_costs: '10.00', act_interest: '85.50', sanctions: '4.50', tax: '0.00' });
    const comune = (await ctx.admin({ method: 'GET', url: `/api/creditors/${comuneId}` })).json();
    const order = ['tax', 'sanctions', 'act_interest', 'accrued_interest', 'notification_costs', 'collection_charges', 'costs', 'fees', 'principal'];
    const patched = await ctx.admin({
      method: 'PATCH',
      url: `/api/creditors/${comuneId}`,
      payload: { revenueRules: { ...comune.revenueRules, allocationOrder: order }, version: comune.version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await paid()).toEqual({ notification_costs: '0.00', act_interest: '0.00', sanctions: '0.00', tax: '100.00' });
    const claim = (await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json();
    expect(claim).toMatchObject({ principalPaid: '100.00', totalDue: '1295.50' });
    // Put the law's order back for the other tests.
    await ctx.admin({ method: 'PATCH', url: `/api/creditors/${comuneId}`, payload: { revenueRules: comune.revenueRules } });
  });

  it('refuses a wrong notice code, components that disagree with the amount, act dates out of order and the commercial rate on a tax', async () => {
    const good = noticeCodeAux3('12', '0000000000002');
    const wrongCheck = good.slice(0, 16) + String((Number(good.slice(16)) + 1) % 93).padStart(2, '0');
    const bad = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: base({ noticeCode: wrongCheck, act: { kind: 'accertamento_esecutivo', notifiedOn: '2025-03-01', enforceableOn: '2025-01-01' } }),
    });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['act.enforceableOn', 'noticeCode']);

    const sum = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ principal: '1400.00' }) });
    expect(sum.statusCode).toBe(400);
    expect(messageFor(sum, 'principal')).toContain('1395.50');

    const commercial = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ interestRegime: 'it-commercial' }) });
    expect(commercial.statusCode).toBe(400);
    expect(messageFor(commercial, 'interestRegime')).toMatch(/IMU/);

    const none = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ components: undefined }) });
    expect(none.statusCode).toBe(400);
    expect(pathsOf(none)).toEqual(['principal']);
  });
});
