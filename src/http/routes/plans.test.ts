import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDate, today } from '../../domain/dates.ts';
import { sumMoney } from '../../domain/money.ts';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { MALFORMED_IDS, openApiContext, pathsOf, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';
import { evaluatePlans } from '../../usecases/plans/evaluate-plans.ts';
import { recordPlanReminder } from '../../usecases/plans/record-plan-reminder.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const todayIso = today().toString();
const day = (offset: number) => today().add({ days: offset }).toString();
const after = (d: string, n: number) => parseDate(d).add({ days: n }).toString();

/** A comune's TARI position not yet due: it owes exactly its principal (no interest yet). */
async function comunePosition(principal: string) {
  const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Rata' });
  const claim = await createTestClaim(ctx.db, t, debtor.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal, dueDate: day(20) });
  return { debtorId: debtor.id, claimId: claim.id };
}

const propose = (payload: Record<string, unknown>, client = ctx.operator) => client({ method: 'POST', url: '/api/plans', payload });
const act = (id: string, verb: string, payload: Record<string, unknown> = {}, client = ctx.supervisor) => client({ method: 'POST', url: `/api/plans/${id}/${verb}`, payload });
const claimStatus = async (id: string) => (await ctx.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const pay = (debtorId: string, claimId: string, amount: string) =>
  ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId, creditorId: t.otherCreditor.id, amount, currency: 'EUR', valueDate: todayIso, method: 'bank_transfer', claimIds: [claimId] } });

describe('instalment plans API (issue 15 items 1–2)', () => {
  it('a plan within the c.796 rules is active at once, pauses dunning, and its schedule sums to the total', async () => {
    const p = await comunePosition('450.00');
    const res = await propose({ claimIds: [p.claimId], count: 4 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ state: 'active', needsApproval: false, reasons: [], total: '450.00', count: 4, debtorId: p.debtorId, creditorId: t.otherCreditor.id, claimIds: [p.claimId] });
    expect(plan.instalments.map((i: { amount: string }) => i.amount)).toEqual(['112.50', '112.50', '112.50', '112.50']);
    // c.796 for a comune: due on the last day of each month, from next month.
    const next = today().with({ day: 1 }).add({ months: 1 });
    expect(plan.instalments[0].dueOn).toBe(next.with({ day: next.daysInMonth }).toString());
    expect(await claimStatus(p.claimId)).toBe('in_plan');
    expect((await auditOf(ctx.db, t.tenantId, plan.id)).map((e) => e.action)).toEqual(['plan.activated']);
    // Seen by debtor and by id; the same positions cannot be planned twice.
    expect((await ctx.viewer({ method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(404); // the viewer's creditor is the company
    expect((await ctx.operator({ method: 'GET', url: `/api/plans?debtorId=${p.debtorId}` })).json().items.map((x: { id: string }) => x.id)).toEqual([plan.id]);
    const again = await propose({ claimIds: [p.claimId], count: 2 });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].message).toContain('già in un piano');
  });

  it('schedules add up to the planned amount to the cent, the last absorbing the remainder', async () => {
    const p = await comunePosition('1000.00');
    const plan = (await propose({ claimIds: [p.claimId], count: 12 })).json();
    expect(plan.state).toBe('active');
    expect(sumMoney(plan.instalments.map((i: { amount: string }) => i.amount)).toFixed(2)).toBe('1000.00');
    expect(plan.instalments.at(-1).amount).toBe('83.37');
    expect(plan.instalments[0].amount).toBe('83.33');
  });

  it('outside the rules the plan waits for a supervisor: an operator cannot approve it (403), a supervisor can', async () => {
    const p = await comunePosition('450.00');
    const res = await propose({ claimIds: [p.claimId], count: 6 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ state: 'proposed', needsApproval: true, reasons: ['6 rate sono più delle 4 consentite per 450,00 €'] });
    expect(await claimStatus(p.claimId)).not.toBe('in_plan');
    const denied = await act(plan.id, 'approve', {}, ctx.operator);
    expect(denied.statusCode).toBe(403);
    expect((await act(plan.id, 'approve', {}, ctx.viewer)).statusCode).toBe(404);
    const ok = await act(plan.id, 'approve', { version: plan.version, reason: 'Difficoltà documentata' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'active', approvedBy: `user:${t.users.supervisor.email}`, decidedReason: 'Difficoltà documentata' });
    expect(await claimStatus(p.claimId)).toBe('in_plan');
    expect((await act(plan.id, 'approve')).statusCode).toBe(409);
    // English for an English reader.
    const en = await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}`, headers: { 'accept-language': 'en' } });
    expect(en.json().reasons).toEqual(['6 instalments are more than the 4 allowed for €450.00']);
  });

  it('a rejected plan leaves the positions to dunning; a cancelled one resumes them', async () => {
    const p = await comunePosition('300.00');
    const proposed = (await propose({ claimIds: [p.claimId], count: 8 })).json();
    expect((await act(proposed.id, 'reject', { reason: 'Nessuna prova' })).json()).toMatchObject({ state: 'rejected' });
    const active = (await propose({ claimIds: [p.claimId], count: 3 })).json();
    expect(active.state).toBe('active');
    expect((await act(active.id, 'cancel', {}, ctx.operator)).json()).toMatchObject({ state: 'cancelled' });
    expect(await claimStatus(p.claimId)).toBe('in_collection');
  });

  it('payments fill the instalments in order at once (no wait for the nightly job); a plan paid in full closes and its position is paid', async () => {
    const p = await comunePosition('450.00');
    const plan = (await propose({ claimIds: [p.claimId], count: 4 })).json();
    expect((await pay(p.debtorId, p.claimId, '150.00')).statusCode).toBe(201);
    const filled = (await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json();
    expect(filled.instalments.map((i: { paid: string; state: string }) => [i.paid, i.state])).toEqual([
      ['112.50', 'paid'],
      ['37.50', 'partly_paid'],
      ['0.00', 'due'],
      ['0.00', 'due'],
    ]);
    expect(filled).toMatchObject({ state: 'active', paid: '150.00' });
    expect(await claimStatus(p.claimId)).toBe('in_plan');
    expect((await pay(p.debtorId, p.claimId, '300.00')).statusCode).toBe(201);
    const done = (await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json();
    expect(done).toMatchObject({ state: 'paid', paid: '450.00', closedOn: todayIso });
    expect(await claimStatus(p.claimId)).toBe('paid');
  });

  it('TV-IT-20: two unpaid instalments within six months after an express reminder lapse the plan; dunning resumes; no new plan', async () => {
    const p = await comunePosition('1200.00');
    const plan = (await propose({ claimIds: [p.claimId], count: 12 })).json();
    expect(plan.state).toBe('active');
    const [i1, i2, i3] = plan.instalments as { dueOn: string }[];
    expect((await pay(p.debtorId, p.claimId, '100.00')).statusCode).toBe(201);
    // Instalment 2 late: reminded. One missed is not two.
    await evaluatePlans(ctx.db, after(i2!.dueOn, 3), { tenantId: ctx.t.tenantId });
    let view = (await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json();
    expect(view.instalments.slice(0, 3).map((i: { state: string }) => i.state)).toEqual(['paid', 'late', 'due']);
    const operator = t.users.operator.actor;
    await recordPlanReminder(ctx.db, operator, plan.id, { number: 2 }, { today: after(i2!.dueOn, 3) });
    await evaluatePlans(ctx.db, after(i2!.dueOn, 4), { tenantId: ctx.t.tenantId });
    expect((await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json().state).toBe('active');
    // Instalment 3 late and reminded too: two missed within six months — the plan lapses.
    await evaluatePlans(ctx.db, after(i3!.dueOn, 3), { tenantId: ctx.t.tenantId });
    expect((await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json().state).toBe('active');
    await recordPlanReminder(ctx.db, operator, plan.id, { number: 3 }, { today: after(i3!.dueOn, 3) });
    const r = await evaluatePlans(ctx.db, after(i3!.dueOn, 4), { tenantId: ctx.t.tenantId });
    expect(r.lapsed).toBeGreaterThanOrEqual(1);
    view = (await ctx.operator({ method: 'GET', url: `/api/plans/${plan.id}` })).json();
    expect(view).toMatchObject({ state: 'lapsed', lapsedOn: after(i3!.dueOn, 3), paid: '100.00' });
    expect(i1).toBeDefined();
    // The whole residual is due at once: the position is back in dunning, partly paid.
    expect(await claimStatus(p.claimId)).toBe('partially_paid');
    const audit = (await auditOf(ctx.db, t.tenantId, plan.id)).map((e) => e.action);
    expect(audit).toEqual(['plan.activated', 'plan.reminder_recorded', 'plan.reminder_recorded', 'plan.lapsed']);
    // c.800: the positions can no longer be planned.
    const refused = await propose({ claimIds: [p.claimId], count: 6 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].message).toContain('decaduta');
    // Nor can a lapsed plan be extended (c.798).
    expect((await act(plan.id, 'extend', { count: 12, reason: 'Peggioramento' })).statusCode).toBe(409);
  });

  it('one extension (c.798): the residual re-split, the paid instalments kept; never twice', async () => {
    const p = await comunePosition('1200.00');
    const plan = (await propose({ claimIds: [p.claimId], count: 12 })).json();
    expect((await pay(p.debtorId, p.claimId, '250.00')).statusCode).toBe(201);
    expect((await act(plan.id, 'extend', { count: 24, reason: 'Perdita del lavoro' }, ctx.operator)).statusCode).toBe(403);
    const res = await act(plan.id, 'extend', { count: 24, reason: 'Perdita del lavoro' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ extensionUsed: true, count: 26, extendedOn: todayIso });
    expect(v.instalments.slice(0, 2).map((i: { amount: string }) => i.amount)).toEqual(['100.00', '100.00']);
    expect(sumMoney(v.instalments.map((i: { amount: string }) => i.amount)).toFixed(2)).toBe('1200.00');
    expect((await act(plan.id, 'extend', { count: 6, reason: 'Ancora' })).statusCode).toBe(409);
  });

  it('refuses positions of two creditors, and outsiders get 404', async () => {
    const p = await comunePosition('450.00');
    const company = await createTestClaim(ctx.db, t, p.debtorId, { principal: '300.00' });
    const mixed = await propose({ claimIds: [p.claimId, company.id], count: 2 });
    expect(mixed.statusCode).toBe(400);
    expect(pathsOf(mixed)).toEqual(['claimIds']);
    const plan = (await propose({ claimIds: [p.claimId], count: 4 })).json();
    expect((await ctx.outsider({ method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/plans/${plan.id}/cancel`, payload: {} })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: '/api/plans', payload: { claimIds: [p.claimId], count: 4 } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/plans?debtorId=${p.debtorId}` })).json().items).toEqual([]);
    expect((await ctx.operator({ method: 'GET', url: `/api/plans/${UNKNOWN_ID}` })).statusCode).toBe(404);
    for (const bad of MALFORMED_IDS) expect((await ctx.operator({ method: 'GET', url: `/api/plans/${bad}` })).statusCode).toBe(404);
    expect(await claimStatus(p.claimId)).toBe('in_plan');
  });

  it('a creditor’s own rules are data over the default of its kind; a comune’s must allow 36 instalments above €6,000.01 (c.797)', async () => {
    const set = (id: string, planRules: unknown) => ctx.admin({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { planRules } });
    const refused = await set(t.otherCreditor.id, { tiers: [{ upTo: null, min: 1, max: 30 }] });
    expect(refused.statusCode).toBe(400);
    expect(pathsOf(refused)).toEqual(['planRules.tiers']);
    const ok = await set(t.creditor.id, { tiers: [{ upTo: '100.00', min: 0, max: 0 }, { upTo: null, min: 1, max: 6 }], minInstalment: null });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().planRules).toMatchObject({ minInstalment: null });
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Azienda' });
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '300.00' });
    const plan = (await propose({ claimIds: [c.id], count: 12 })).json();
    expect(plan.state).toBe('proposed');
    expect(plan.reasons).toEqual([`12 rate sono più delle 6 consentite per ${plan.total.replace('.', ',')} €`]);
    // The rules the plan was made under are kept with it: a later change is not retroactive.
    const stored = await ctx.db.selectFrom('plans').select('rules').where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(stored.rules).toMatchObject({ tiers: [{ upTo: '100.00', min: 0, max: 0 }, { upTo: null, min: 1, max: 6 }], minInstalment: null, dueDay: 'last' });
  });
});
