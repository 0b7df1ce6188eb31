import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { createDebtor } from '../../usecases/debtors/create-debtor.ts';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

const day = (offset: number) => today().add({ days: offset }).toString();

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const holds = (ids: string[]) => ctx.db.selectFrom('claims').select(['id', 'hold_until', 'hold_reason']).where('id', 'in', ids).orderBy('id').execute();

describe('mediation API', () => {
  it('proposes UNIREC conciliation for a consumer, holds its open claims in the same transaction, and lifts them when refused', async () => {
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Conciliante' });
    const a = await createTestClaim(ctx.db, t, debtor.id, { principal: '400.00', dueDate: day(5) });
    const b = await createTestClaim(ctx.db, t, debtor.id, { principal: '250.50', dueDate: day(8) });
    const elsewhere = await createTestClaim(ctx.db, t, debtor.id, { creditorId: t.otherCreditor.id });

    const options = await ctx.operator({ method: 'GET', url: `/api/mediations/options?creditorId=${t.creditor.id}&debtorId=${debtor.id}` });
    expect(options.json()).toMatchObject({ jurisdiction: 'IT', debtorKind: 'consumer', currency: 'EUR', amount: '650.50', proposed: { procedure: 'conciliazione_paritetica', compulsory: false, pauseDays: 90 }, allowed: ['conciliazione_paritetica', 'negoziazione_assistita', 'mediazione'] });

    const res = await ctx.operator({ method: 'POST', url: '/api/mediations', payload: { creditorId: t.creditor.id, debtorId: debtor.id, body: 'Adiconsum Milano' } });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ procedure: 'conciliazione_paritetica', compulsory: false, proposedOn: day(0), pauseUntil: day(90), amount: '650.50', currency: 'EUR', outcome: 'pending', body: 'Adiconsum Milano', version: 1 });
    expect(m.law).toContain('UNIREC');
    expect(m.claims.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    const held = await holds([a.id, b.id, elsewhere.id]);
    for (const h of held.filter((x) => x.id !== elsewhere.id)) {
      expect(h.hold_until).toBe(day(90));
      expect(h.hold_reason).toContain('conciliazione paritetica');
    }
    expect(held.find((x) => x.id === elsewhere.id)!.hold_until).toBeNull();
    expect((await auditOf(ctx.db, t.tenantId, a.id)).at(-1)).toMatchObject({ action: 'claim.held' });
    expect((await auditOf(ctx.db, t.tenantId, m.id)).at(-1)).toMatchObject({ action: 'mediation.proposed', debtor_id: debtor.id, creditor_id: t.creditor.id });

    const hold = await ctx.viewer({ method: 'GET', url: `/api/claims/${a.id}/hold` });
    expect(hold.json()).toMatchObject({ holdUntil: day(90) });

    const refused = await ctx.operator({ method: 'POST', url: `/api/mediations/${m.id}/outcome`, payload: { outcome: 'refused', version: 1 } });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ outcome: 'refused', outcomeOn: day(0), agreedAmount: null, version: 2 });
    for (const h of await holds([a.id, b.id])) expect(h.hold_until).toBeNull();
    const twice = await ctx.operator({ method: 'POST', url: `/api/mediations/${m.id}/outcome`, payload: { outcome: 'failed' } });
    expect(twice.json().error.messageCode).toBe('mediation.already_decided');
  });

  it('proposes negoziazione assistita to a business up to € 50,000, records an agreement with its amount and keeps the pause', async () => {
    const debtor = await createDebtor(ctx.db, t.users.admin.actor, { kind: 'company', companyName: 'Cantieri Uniti S.r.l.', vatNumber: null });
    const a = await createTestClaim(ctx.db, t, debtor.id, { principal: '12000.00', dueDate: day(3) });
    const res = await ctx.operator({ method: 'POST', url: '/api/mediations', payload: { creditorId: t.creditor.id, debtorId: debtor.id, claimIds: [a.id], pauseUntil: day(45) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ procedure: 'negoziazione_assistita', compulsory: true, law: 'art. 3 D.L. 132/2014 (L. 162/2014)', amount: '12000.00', pauseUntil: day(45) });
    const noAmount = await ctx.operator({ method: 'POST', url: `/api/mediations/${res.json().id}/outcome`, payload: { outcome: 'agreed' } });
    expect(noAmount.json().error.fields[0]).toMatchObject({ path: 'agreedAmount', messageCode: 'mediation.agreed_amount_required' });
    const agreed = await ctx.operator({ method: 'POST', url: `/api/mediations/${res.json().id}/outcome`, payload: { outcome: 'agreed', agreedAmount: '10500.00', note: 'Saldo in tre rate' } });
    expect(agreed.json()).toMatchObject({ outcome: 'agreed', agreedAmount: '10500.00', outcomeNote: 'Saldo in tre rate' });
    expect((await holds([a.id]))[0]!.hold_until).toBe(day(45));

    // A consumer's procedure is not for a business.
    const wrong = await ctx.operator({ method: 'POST', url: '/api/mediations', payload: { creditorId: t.creditor.id, debtorId: debtor.id, procedure: 'conciliazione_paritetica' } });
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'procedure', messageCode: 'mediation.not_allowed' });
  });

  it('proposes nothing where no procedure applies, and changes nothing', async () => {
    await ctx.db.updateTable('creditors').set({ default_jurisdiction: 'DE' }).where('id', '=', t.otherCreditor.id).execute();
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Schmidt' });
    const c = await createTestClaim(ctx.db, t, debtor.id, { creditorId: t.otherCreditor.id });
    const res = await ctx.operator({ method: 'POST', url: '/api/mediations', payload: { creditorId: t.otherCreditor.id, debtorId: debtor.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messageCode).toBe('mediation.not_available');
    expect((await holds([c.id]))[0]!.hold_until).toBeNull();
    expect(await ctx.db.selectFrom('mediations').select('id').where('debtor_id', '=', debtor.id).execute()).toEqual([]);
  });

  it('scopes: a viewer reads its creditor’s only and writes nothing; outsiders get 404', async () => {
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Riservato' });
    await createTestClaim(ctx.db, t, debtor.id);
    const m = (await ctx.operator({ method: 'POST', url: '/api/mediations', payload: { creditorId: t.creditor.id, debtorId: debtor.id } })).json();
    expect((await ctx.viewer({ method: 'GET', url: `/api/mediations?debtorId=${debtor.id}` })).json().items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    expect((await ctx.viewer({ method: 'POST', url: `/api/mediations/${m.id}/outcome`, payload: { outcome: 'failed' } })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'POST', url: `/api/mediations/${m.id}/outcome`, payload: { outcome: 'failed' } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/mediations?debtorId=${debtor.id}` })).json().items).toEqual([]);
    expect((await ctx.outsider({ method: 'POST', url: '/api/mediations', payload: { creditorId: t.creditor.id, debtorId: debtor.id } })).statusCode).toBe(404);
  });
});
