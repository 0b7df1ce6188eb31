import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';
import { proposeSettlement } from '../../usecases/settlements/propose-settlement.ts';

/** The settlement offers of a debtor or a position, for the claim page (issue 15 item 7). */
let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const company = () =>
  createTestDebtor(ctx.db, t, { kind: 'company', companyName: `Elenco ${Math.random().toString(36).slice(2, 8)} S.r.l.`, taxCode: undefined, firstName: undefined, lastName: undefined });
const offer = (debtorId: string, claimId: string, amount: string) =>
  proposeSettlement(ctx.db, t.users.operator.actor, { debtorId, creditorId: t.creditor.id, claimIds: [claimId], amount, deadline: '2024-01-31' }, { today: '2024-01-01' });

describe('GET /api/settlements', () => {
  it('lists a debtor’s or a position’s offers with the approval reasons worded, newest first; outsiders see none', async () => {
    const d = await company();
    // TV-IT-04: EUR 10,000 due 2023-01-01 owes 11,166.16 on 2024-01-01.
    const c1 = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const c2 = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const within = await offer(d.id, c1.id, '11049.54');
    const beyond = await offer(d.id, c2.id, '11000.00');

    const all = await ctx.admin({ method: 'GET', url: `/api/settlements?debtorId=${d.id}`, headers: { 'accept-language': 'en' } });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as { id: string; state: string; amount: string; deadline: string; reasons: string[] }[];
    expect(items.map((s) => s.id).sort()).toEqual([within.id, beyond.id].sort());
    expect(items.find((s) => s.id === within.id)).toMatchObject({ state: 'offered', amount: '11049.54', deadline: '2024-01-31', reasons: [] });
    const b = items.find((s) => s.id === beyond.id)!;
    expect(b.state).toBe('awaiting_approval');
    expect(b.reasons).toHaveLength(1);
    expect(b.reasons[0]).toMatch(/supervisor/i);

    const one = await ctx.operator({ method: 'GET', url: `/api/settlements?claimId=${c2.id}` });
    expect(one.json().items.map((s: { id: string }) => s.id)).toEqual([beyond.id]);
    expect(one.json().items[0].reasons[0]).toMatch(/supervisore/);

    expect((await ctx.outsider({ method: 'GET', url: `/api/settlements?debtorId=${d.id}` })).json().items).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/settlements?debtorId=${d.id}` })).statusCode).toBe(401);
    const bad = await ctx.admin({ method: 'GET', url: '/api/settlements' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad)).toEqual(['debtorId']);
  });
});
