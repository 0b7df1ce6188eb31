import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { MALFORMED_IDS, messageFor, openApiContext, pathsOf, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const day = (offset: number) => today().add({ days: offset }).toString();

async function claimOf(creditorId = t.creditor.id) {
  const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Attesa' });
  return createTestClaim(ctx.db, t, debtor.id, { creditorId });
}

const hold = (id: string, payload: Record<string, unknown>, client = ctx.operator) => client({ method: 'POST', url: `/api/claims/${id}/hold`, payload });
const release = (id: string, query = '', client = ctx.operator) => client({ method: 'DELETE', url: `/api/claims/${id}/hold${query}` });
const stored = (id: string) =>
  ctx.db.selectFrom('claims').select(['hold_until', 'hold_reason', 'next_action_on', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

describe('claim holds API', () => {
  it('should require authentication', async () => {
    const c = await claimOf();
    for (const [method, url] of [
      ['GET', `/api/claims/${c.id}/hold`],
      ['POST', `/api/claims/${c.id}/hold`],
      ['DELETE', `/api/claims/${c.id}/hold`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'POST' ? { until: day(5), reason: 'x' } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect((await stored(c.id)).hold_until).toBeNull();
  });

  it('holds a claim until a day with its reason, audited, and shows where the claim stands', async () => {
    const c = await claimOf();
    const fresh = await ctx.viewer({ method: 'GET', url: `/api/claims/${c.id}/hold` });
    expect(fresh.json()).toEqual({
      claimId: c.id,
      status: 'open',
      holdUntil: null,
      holdReason: null,
      nextActionOn: null,
      strategyId: null,
      strategyName: null,
      dunningStepNo: 0,
      dunningStepKey: null,
      dunningStepOn: null,
      version: 1,
      pause: null,
    });

    const res = await hold(c.id, { until: day(14), reason: '  In attesa della copia del contratto  ', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ holdUntil: day(14), holdReason: 'In attesa della copia del contratto', version: 2, nextActionOn: null });
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims/${c.id}/hold` })).json()).toEqual(res.json());

    // A second hold moves the date; the same hold again changes nothing.
    const longer = await hold(c.id, { until: day(30), reason: 'In attesa della copia del contratto' });
    expect(longer.json()).toMatchObject({ holdUntil: day(30), version: 3 });
    expect((await hold(c.id, { until: day(30), reason: 'In attesa della copia del contratto' })).json().version).toBe(3);

    const audit = await auditOf(ctx.db, t.tenantId, c.id);
    expect(audit.slice(-2)).toEqual([
      expect.objectContaining({
        action: 'claim.held',
        entity_type: 'claim',
        debtor_id: c.debtorId,
        creditor_id: t.creditor.id,
        actor_label: `user:${t.users.operator.email}`,
        before: { holdUntil: null, holdReason: null },
        after: { holdUntil: day(14), holdReason: 'In attesa della copia del contratto' },
      }),
      expect.objectContaining({ action: 'claim.held', before: { holdUntil: day(14) }, after: { holdUntil: day(30) } }),
    ]);
  });

  it('refuses a hold without a reason, in the past or on an impossible day, and writes nothing', async () => {
    const c = await claimOf();
    const past = await hold(c.id, { until: day(-1), reason: 'Ieri' });
    expect(past.statusCode).toBe(400);
    expect(messageFor(past, 'until')).toContain(`almeno fino a oggi, ${day(0).split('-').reverse().join('/')}`);
    const blank = await hold(c.id, { until: day(3), reason: '   ' });
    expect(pathsOf(blank)).toEqual(['reason']);
    const missing = await hold(c.id, { until: '2026-02-30' });
    expect(pathsOf(missing).sort()).toEqual(['reason', 'until']);
    const extra = await hold(c.id, { until: day(3), reason: 'ok', stage: 'legal' });
    expect(pathsOf(extra)).toEqual(['stage']);
    expect(await stored(c.id)).toMatchObject({ hold_until: null, hold_reason: null, version: 1 });
    // Today itself is a valid last day.
    expect((await hold(c.id, { until: day(0), reason: 'Solo oggi' })).statusCode).toBe(200);
  });

  it('refuses a hold on a closed claim', async () => {
    const c = await claimOf();
    const off = await ctx.supervisor({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { status: 'written_off' } });
    expect(off.statusCode, off.body).toBe(200);
    const res = await hold(c.id, { until: day(5), reason: 'Troppo tardi' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('La pratica è chiusa');
    expect((await stored(c.id)).hold_until).toBeNull();
  });

  it('releases a hold of a claim without a strategy: cleared, and the next action no earlier than today', async () => {
    const overdue = await claimOf();
    const later = await claimOf();
    const none = await claimOf();
    for (const c of [overdue, later, none]) expect((await hold(c.id, { until: day(20), reason: 'Piano in discussione' })).statusCode).toBe(200);
    await ctx.db.updateTable('claims').set({ next_action_on: '2025-03-01' }).where('id', '=', overdue.id).execute();
    await ctx.db.updateTable('claims').set({ next_action_on: day(40) }).where('id', '=', later.id).execute();

    const res = await release(overdue.id, '?version=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ holdUntil: null, holdReason: null, nextActionOn: day(0), version: 3 });
    expect((await release(later.id)).json()).toMatchObject({ holdUntil: null, nextActionOn: day(40) });
    expect((await release(none.id)).json()).toMatchObject({ holdUntil: null, nextActionOn: day(0) });

    expect((await auditOf(ctx.db, t.tenantId, overdue.id)).at(-1)).toMatchObject({
      action: 'claim.hold_released',
      before: { holdUntil: day(20), holdReason: 'Piano in discussione', nextActionOn: '2025-03-01' },
      after: { holdUntil: null, holdReason: null, nextActionOn: day(0) },
    });

    // Releasing a claim that is not held changes nothing.
    const again = await release(overdue.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(3);
    expect((await auditOf(ctx.db, t.tenantId, overdue.id)).filter((a) => a.action === 'claim.hold_released')).toHaveLength(1);
  });

  it('releases early: the next step is due when its strategy says (not before today), not when the hold would have ended', async () => {
    const s = await ctx.admin({ method: 'POST', url: '/api/strategies', payload: { creditorId: t.creditor.id, template: 'it-b2b', name: 'Per le sospensioni' } });
    expect(s.statusCode, s.body).toBe(201);
    const strategyId = s.json().id as string;
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Anticipato' });
    // Not yet reminded, due in 20 days: the friendly reminder falls 10 days after that.
    const early = await createTestClaim(ctx.db, t, debtor.id, { dueDate: day(20) });
    // Reminded once long ago: the formal notice (due + 30) is overdue.
    const late = await createTestClaim(ctx.db, t, debtor.id, { dueDate: '2025-01-31' });
    // At the strategy's last step: nothing more to do.
    const done = await createTestClaim(ctx.db, t, debtor.id, { dueDate: '2025-01-31' });
    const place = (id: string, stepNo: number, stepKey: string | null, stepOn: string | null) =>
      ctx.db
        .updateTable('claims')
        // As the engine leaves a held claim: its next date moved past the hold.
        .set({ strategy_id: strategyId, dunning_step_no: stepNo, dunning_step_key: stepKey, dunning_step_on: stepOn, hold_until: day(60), hold_reason: 'Trattativa', next_action_on: day(61) })
        .where('id', '=', id)
        .execute();
    await place(early.id, 0, null, null);
    await place(late.id, 1, 'soft-1', '2025-02-10');
    await place(done.id, 6, 'legal-1', '2025-05-01');

    expect((await release(early.id)).json()).toMatchObject({ holdUntil: null, nextActionOn: day(30), strategyId, strategyName: 'Per le sospensioni' });
    expect((await release(late.id)).json()).toMatchObject({ holdUntil: null, nextActionOn: day(0), dunningStepKey: 'soft-1' });
    expect((await release(done.id)).json()).toMatchObject({ holdUntil: null, nextActionOn: null });
    expect((await auditOf(ctx.db, t.tenantId, early.id)).at(-1)).toMatchObject({
      action: 'claim.hold_released',
      before: { holdUntil: day(60), holdReason: 'Trattativa', nextActionOn: day(61) },
      after: { holdUntil: null, holdReason: null, nextActionOn: day(30) },
    });
  });

  it('refuses stale versions with 409', async () => {
    const c = await claimOf();
    expect((await hold(c.id, { until: day(5), reason: 'Prima', version: 1 })).statusCode).toBe(200);
    const staleHold = await hold(c.id, { until: day(9), reason: 'Seconda', version: 1 });
    expect(staleHold.statusCode).toBe(409);
    expect(staleHold.json().error.code).toBe('conflict');
    const staleRelease = await release(c.id, '?version=1');
    expect(staleRelease.statusCode).toBe(409);
    expect(await stored(c.id)).toMatchObject({ hold_until: day(5), hold_reason: 'Prima', version: 2 });
  });

  it('lets a viewer read its creditor’s claims only and change nothing', async () => {
    const mine = await claimOf(t.creditor.id);
    const theirs = await claimOf(t.otherCreditor.id);
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims/${mine.id}/hold` })).statusCode).toBe(200);
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims/${theirs.id}/hold` })).statusCode).toBe(404);
    expect((await hold(mine.id, { until: day(5), reason: 'Io no' }, ctx.viewer)).statusCode).toBe(403);
    expect((await hold(theirs.id, { until: day(5), reason: 'Io no' }, ctx.viewer)).statusCode).toBe(404);
    await hold(mine.id, { until: day(5), reason: 'Operatore' });
    expect((await release(mine.id, '', ctx.viewer)).statusCode).toBe(403);
    expect(await stored(mine.id)).toMatchObject({ hold_until: day(5), hold_reason: 'Operatore' });
  });

  it('answers 404 for another tenant’s claim and for ids that name nothing', async () => {
    const c = await claimOf();
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims/${c.id}/hold` })).statusCode).toBe(404);
    expect((await hold(c.id, { until: day(5), reason: 'Altrui' }, ctx.outsider)).statusCode).toBe(404);
    expect((await release(c.id, '', ctx.outsider)).statusCode).toBe(404);
    for (const id of [...MALFORMED_IDS, UNKNOWN_ID]) {
      expect((await hold(id, { until: day(5), reason: 'Nessuno' })).statusCode, id).toBe(404);
    }
    expect(await stored(c.id)).toMatchObject({ hold_until: null, version: 1 });
  });
});
