import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClaim, createTestDebtor } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';
import { refreshDebtorProfiles } from '../../usecases/risk/refresh-debtor-profiles.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

const AS_OF = '2026-06-30';

/** A company customer with three invoices paid `daysLate` after their due date and one open in the given stage. */
async function customer(name: string, paidOn: string, stage: string) {
  const { db, t } = ctx;
  const d = await createTestDebtor(db, t, { lastName: name });
  for (let i = 0; i < 3; i++) {
    const c = await createTestClaim(db, t, d.id, { principal: '500.00', dueDate: '2026-01-10' });
    await db.updateTable('claims').set({ status: 'paid', principal_paid: '500.00', closed_on: paidOn }).where('id', '=', c.id).execute();
  }
  const open = await createTestClaim(db, t, d.id, { principal: '800.00', dueDate: '2026-06-25' });
  await db.updateTable('claims').set({ stage }).where('id', '=', open.id).execute();
  await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, [d.id], AS_OF));
  return d.id;
}

describe('risk class and advice in the debtors API', () => {
  it('lists carry the class, filter and sort by it; the detail has the profile, its explanation and the advice; the choice is recorded', async () => {
    const good = await customer('Puntuale', '2026-01-10', 'negotiation');
    const bad = await customer('Moroso', '2026-04-20', 'negotiation');

    const onlyD = (await ctx.admin({ method: 'GET', url: '/api/debtors?riskClass=D&pageSize=100' })).json();
    expect(onlyD.items.map((i: { id: string }) => i.id)).toEqual([bad]);
    expect(onlyD.total).toBe(1);
    const sorted = (await ctx.admin({ method: 'GET', url: '/api/debtors?sort=riskClass&order=desc&pageSize=100' })).json();
    const ids = sorted.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(bad)).toBeLessThan(ids.indexOf(good));
    expect(sorted.items.find((i: { id: string }) => i.id === good).riskClass).toBe('A');

    const detail = (await ctx.admin({ method: 'GET', url: `/api/debtors/${bad}`, headers: { 'accept-language': 'it' } })).json();
    expect(detail.riskClass).toBe('D');
    expect(detail.risk.profile.explanation).toBe('D: 3 delle ultime 3 fatture pagate con oltre 60 giorni di ritardo; fatture saldate entro la scadenza: solo 0% delle 3 pagate');
    expect(detail.risk.profile.figures).toMatchObject({ paid: 3, avgDaysLate: '100.0', medianDaysLate: 100 });
    expect(detail.risk.advice.recommend).toBe('close');
    const goodDetail = (await ctx.admin({ method: 'GET', url: `/api/debtors/${good}`, headers: { 'accept-language': 'en' } })).json();
    expect(goodDetail.risk.advice.recommend).toBe('negotiate');
    expect(goodDetail.risk.advice.reasons.at(-1)).toMatch(/negotiate and offer a payment plan/);

    const res = await ctx.operator({ method: 'POST', url: `/api/debtors/${bad}/advice`, payload: { choice: 'guarantee', reason: 'Offre una fideiussione bancaria' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ recommended: 'close', choice: 'guarantee', riskClass: 'D', reason: 'Offre una fideiussione bancaria' });
    const after = (await ctx.admin({ method: 'GET', url: `/api/debtors/${bad}` })).json();
    expect(after.risk.choices).toHaveLength(1);
    expect(await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', bad).where('action', '=', 'debtor.advice_recorded').execute()).toHaveLength(1);

    // Outsiders get 404; a choice without a reason is refused.
    expect((await ctx.outsider({ method: 'POST', url: `/api/debtors/${bad}/advice`, payload: { choice: 'close', reason: 'x' } })).statusCode).toBe(404);
    expect((await ctx.operator({ method: 'POST', url: `/api/debtors/${bad}/advice`, payload: { choice: 'close', reason: ' ' } })).statusCode).toBe(400);
  });
});
