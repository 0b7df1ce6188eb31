import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountParam, dateParam } from '../../domain/messages/index.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { createTestDebtor, uniq } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { messageFor, openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';

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
    // The law's default order: notification costs, the c.803 charges (paid on day 22 after enforceability:
    // 3 % of the base 1,385.50 = 41.565 → 41.57), then the act's interest, then sanctions, then tax.
    expect(await paid()).toEqual({ notification_costs: '10.00', act_interest: '48.43', sanctions: '0.00', tax: '0.00' });
    const rows = await ctx.db
      .selectFrom('payment_allocations')
      .select(['component', 'amount'])
      .where('payment_id', '=', pay.json().id)
      .orderBy('component')
      .execute();
    expect(rows).toEqual([
      { component: 'act_interest', amount: '48.43' },
      { component: 'collection_charges', amount: '41.57' },
      { component: 'notification_costs', amount: '10.00' },
    ]);
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
    // Today, long after day 60: the 100 paid early bears 3 % (3.00), the 1,285.50 owed 6 % (77.13).
    expect(claim).toMatchObject({ principalPaid: '100.00', totalDue: '1375.63' });
    // Put the law's order back for the other tests.
    await ctx.admin({ method: 'PATCH', url: `/api/creditors/${comuneId}`, payload: { revenueRules: comune.revenueRules } });
  });

  it('an enforceable accertamento owes the c.803 charges: 3 % up to day 60, 6 % after, in the statement, the balance and the payment’s split', async () => {
    // Enforceable 2025-03-10: day 60 is 2025-05-09. Base: tax 1,000 + sanctions 300 + the act's interest 85.50.
    const c = (await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ interestRegime: 'none' }) })).json();
    const statement = async (asOf: string) => {
      const res = await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}/statement?asOf=${asOf}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().statement;
    };
    expect((await statement('2025-03-09')).charges).toBeUndefined();
    expect((await statement('2025-03-09')).totalDue).toBe('1395.50');
    const day60 = await statement('2025-05-09');
    expect(day60.charges).toEqual({
      enforceableOn: '2025-03-10',
      earlyUntil: '2025-05-09',
      band: 'early',
      base: '1385.50',
      baseEarlyPaid: '0.00',
      baseLatePaid: '0.00',
      baseDue: '1385.50',
      amount: '41.57',
      paid: '0.00',
      due: '41.57',
      capped: false,
      reason: { code: 'municipal.charges_early', params: { rate: '3', cap: amountParam('300.00'), withinDays: 60, until: dateParam('2025-05-09') } },
    });
    expect(day60.totalDue).toBe('1437.07');
    const day61 = await statement('2025-05-10');
    expect(day61.charges).toMatchObject({ band: 'late', amount: '83.13', due: '83.13', reason: { code: 'municipal.charges_late' } });
    expect(day61.totalDue).toBe('1478.63');
    const pdf = pdfText((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}/statement.pdf?asOf=2025-05-10&lang=it` })).rawPayload);
    expect(pdf).toContain('Oneri di riscossione');
    expect(pdf).toContain('83,13');
    expect(pdf).toContain('Oneri di riscossione 6 % (massimo 600,00 €): pagamento oltre il 60° giorno');
    // The balance on any day is the statement's; the charges count with the costs.
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}?asOf=2025-05-10` })).json()).toMatchObject({ balance: { asOf: '2025-05-10', totalDue: '1478.63', costsDue: '83.13' } });

    // A payment on day 60 meets the notification costs and the 3 % charges first; the base it settles keeps the 3 %.
    const pay = await ctx.admin({
      method: 'POST',
      url: '/api/payments',
      payload: { debtorId, creditorId: comuneId, amount: '500.00', currency: 'EUR', valueDate: '2025-05-09', method: 'pagopa', claimIds: [c.id] },
    });
    expect(pay.statusCode, pay.body).toBe(201);
    const after = await statement('2025-05-10');
    expect(after.payments[0]).toMatchObject({
      amount: '500.00',
      chargesBand: 'early',
      parts: { notification_costs: '10.00', collection_charges: '41.57', act_interest: '85.50', sanctions: '300.00' },
      principal: '62.93',
    });
    // Day 61: 448.43 paid early bears 3 % (13.4529), the 937.07 owed 6 % (56.2242): 69.68, 41.57 of it paid.
    expect(after.charges).toMatchObject({ baseEarlyPaid: '448.43', baseDue: '937.07', amount: '69.68', paid: '41.57', due: '28.11' });
    expect(after.totalDue).toBe('965.18');
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json()).toMatchObject({ totalDue: '965.18' });
    // The act corrected to one not (yet) enforceable: no charges, the payment re-split over the act alone.
    const corrected = await ctx.admin({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/118' } } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ totalDue: '895.50' });
    expect((await statement('2025-05-10')).payments[0]).toMatchObject({ parts: { notification_costs: '10.00', act_interest: '85.50', sanctions: '300.00' }, principal: '104.50' });
  });

  it('a change of the regulation’s c.803 figures reaches the stored balance of a position with no payments', async () => {
    const c = (await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ interestRegime: 'none' }) })).json();
    // Today, long after day 60: 6 % of 1,385.50 = 83.13.
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json()).toMatchObject({ totalDue: '1478.63' });
    const comune = (await ctx.admin({ method: 'GET', url: `/api/creditors/${comuneId}` })).json();
    const rules = comune.revenueRules;
    const patched = await ctx.admin({
      method: 'PATCH',
      url: `/api/creditors/${comuneId}`,
      payload: { revenueRules: { ...rules, collectionCharges: { ...rules.collectionCharges, late: { rate: '5', cap: '600.00' } } }, version: comune.version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    // 5 % of 1,385.50 = 69.275 → 69.28.
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json()).toMatchObject({ totalDue: '1464.78' });
    await ctx.admin({ method: 'PATCH', url: `/api/creditors/${comuneId}`, payload: { revenueRules: rules } });
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
    expect(messageFor(sum, 'principal')).toContain('1.395,50');

    const commercial = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ interestRegime: 'it-commercial' }) });
    expect(commercial.statusCode).toBe(400);
    expect(messageFor(commercial, 'interestRegime')).toMatch(/IMU/);

    const none = await ctx.admin({ method: 'POST', url: '/api/claims', payload: base({ components: undefined }) });
    expect(none.statusCode).toBe(400);
    expect(pathsOf(none)).toEqual(['principal']);
  });
});
