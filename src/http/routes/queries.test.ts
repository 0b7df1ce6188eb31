import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { hashPassword } from '../../usecases/auth/login.ts';
import { auditOf, createTestDebtor, TEST_PASSWORD, uniq } from '../../test/factories.ts';
import { as, openApiContext, sessionCookie, UNKNOWN_ID, type ApiContext, type Client } from '../../test/http.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';

let ctx: ApiContext;
let comuneId: string;
/** The comune's own read-only user. */
let comune: Client;

beforeAll(async () => {
  ctx = await openApiContext();
  const res = await ctx.admin({
    method: 'POST',
    url: '/api/creditors',
    payload: { name: `Comune di Richieste ${uniq()}`, kind: 'public_entity', taxCode: fakePartitaIva(Date.now() % 100000), cadastralCode: 'B123' },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  comuneId = res.json().id;
  const email = `tributi-${uniq()}@comune.test`;
  await ctx.db
    .insertInto('users')
    .values({ tenant_id: ctx.t.tenantId, email, name: 'Ufficio Tributi', password_hash: await hashPassword(TEST_PASSWORD), role: 'viewer', creditor_id: comuneId })
    .execute();
  comune = as(ctx.app, await sessionCookie(ctx.app, email));
});
afterAll(async () => {
  await ctx.app.close();
});

const day = (offset: number) => today().add({ days: offset }).toString();

/** A comune's IMU act of four components, not yet due (it owes exactly its components: no interest yet). */
async function act() {
  const debtor = await createTestDebtor(ctx.db, ctx.t, { lastName: `Contribuente${uniq()}` });
  const res = await ctx.admin({
    method: 'POST',
    url: '/api/claims',
    payload: {
      creditorId: comuneId,
      debtorId: debtor.id,
      externalRef: `IMU-2022-${uniq()}`,
      kind: 'imu',
      currency: 'EUR',
      dueDate: day(20),
      taxYear: 2022,
      components: [
        { kind: 'tax', amount: '1000.00' },
        { kind: 'sanctions', amount: '300.00' },
        { kind: 'act_interest', amount: '85.50' },
        { kind: 'notification_costs', amount: '10.00' },
      ],
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { debtorId: debtor.id, claimId: res.json().id as string };
}

const open = (payload: Record<string, unknown>, client = ctx.operator) => client({ method: 'POST', url: '/api/queries', payload });
const answer = (id: string, payload: Record<string, unknown>, client = comune) => client({ method: 'POST', url: `/api/queries/${id}/answer`, payload });
const claimOf = async (id: string) => (await ctx.admin({ method: 'GET', url: `/api/claims/${id}` })).json();

describe('queries both ways (issue 16 item 4)', () => {
  it('a dispute pauses the position and waits for the comune, who sees it in its list and counts; a correction sets the components exactly', async () => {
    const p = await act();
    const res = await open({ claimId: p.claimId, kind: 'dispute', text: 'Il contribuente dice che la superficie è errata' });
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ kind: 'dispute', status: 'open', waitingFor: 'creditor', claimId: p.claimId, creditorId: comuneId, answers: [] });
    expect((await claimOf(p.claimId)).status).toBe('disputed');
    // The comune sees it waiting for it, with the answers it may give.
    const list = (await comune({ method: 'GET', url: '/api/queries?waitingFor=creditor' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(q.id);
    expect(list.counts.creditor).toBeGreaterThanOrEqual(1);
    expect((await comune({ method: 'GET', url: '/api/queries/counts' })).json().mine).toBe(list.counts.creditor);
    const seen = (await comune({ method: 'GET', url: `/api/queries/${q.id}` })).json();
    expect(seen.answers).toEqual(['confirmed', 'corrected', 'annulled', 'already_paid']);
    expect(seen.messages).toMatchObject([{ side: 'agency', text: 'Il contribuente dice che la superficie è errata' }]);
    // A one-way question back, then the answer: sanctions reduced to 150.00, the act interest to 42.75.
    const back = await comune({ method: 'POST', url: `/api/queries/${q.id}/messages`, payload: { text: 'Inviateci la planimetria' } });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().waitingFor).toBe('agency');
    const ok = await answer(q.id, { answer: 'corrected', text: 'Sgravio parziale', components: [{ position: 2, amount: '150.00' }, { position: 3, amount: '42.75' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'answered', waitingFor: null, answer: 'corrected', answeredVia: 'portal', answers: [] });
    const c = await claimOf(p.claimId);
    expect(c.principal).toBe('1202.75');
    expect(c.components.map((k: { kind: string; amount: string; due: string }) => [k.kind, k.amount, k.due])).toEqual([
      ['tax', '1000.00', '1000.00'],
      ['sanctions', '150.00', '150.00'],
      ['act_interest', '42.75', '42.75'],
      ['notification_costs', '10.00', '10.00'],
    ]);
    expect(c.status).toBe('in_collection');
    const stored = await ctx.db.selectFrom('claim_balances').select(['principal_due', 'total_due']).where('claim_id', '=', p.claimId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ principal_due: '1202.75', total_due: '1202.75' });
    expect((await auditOf(ctx.db, ctx.t.tenantId, p.claimId)).map((e) => e.action)).toEqual(['claim.created', 'claim.status_changed', 'claim.corrected', 'claim.status_changed']);
    expect((await auditOf(ctx.db, ctx.t.tenantId, q.id)).map((e) => e.action)).toEqual(['query.opened', 'query.replied', 'query.answered']);
  });

  it('an annulment in autotutela closes the position, written off, with nothing left to collect', async () => {
    const p = await act();
    const q = (await open({ claimId: p.claimId, kind: 'dispute', text: 'Immobile venduto nel 2021' })).json();
    const ok = await answer(q.id, { answer: 'annulled', text: 'Annullato in autotutela' });
    expect(ok.statusCode, ok.body).toBe(200);
    const c = await claimOf(p.claimId);
    expect(c.status).toBe('written_off');
    expect(c.closedOn).toBe(today().toString());
    const audit = (await auditOf(ctx.db, ctx.t.tenantId, p.claimId)).at(-1)!;
    expect(audit).toMatchObject({ action: 'claim.annulled', after: { status: 'written_off', reason: 'annulled_by_creditor', writtenOff: '1395.50', queryId: q.id, via: 'portal' } });
    // The discharge report, as the comune reads it: annulled by the creditor, nothing residual.
    const report = (await comune({ method: 'GET', url: `/api/reports/discharge?creditorId=${comuneId}` })).json();
    expect(report.rows.find((r: { claimId: string }) => r.claimId === p.claimId)).toMatchObject({ state: 'annulled', reason: 'annulled_by_creditor', loaded: '1395.50', collected: '0.00', annulled: '1395.50', residual: '0.00' });
    // A closed position takes no new dispute, and the query is answered once.
    expect((await open({ claimId: p.claimId, kind: 'dispute', text: 'ancora' })).statusCode).toBe(400);
    expect((await answer(q.id, { answer: 'confirmed' })).statusCode).toBe(409);
  });

  it('already paid: the comune reports the payment, recorded on the position; confirmed: the position resumes', async () => {
    const p = await act();
    const q = (await open({ claimId: p.claimId, kind: 'dispute', text: 'Dice di aver pagato' })).json();
    const ok = await answer(q.id, { answer: 'already_paid', payment: { amount: '395.50', valueDate: day(-3), reference: 'F24 del comune' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const c = await claimOf(p.claimId);
    expect(c).toMatchObject({ status: 'partially_paid', principalPaid: '395.50' });
    const pay = await ctx.db.selectFrom('payments').select(['amount', 'method', 'reference', 'idempotency_key']).where('debtor_id', '=', p.debtorId).executeTakeFirstOrThrow();
    // Its own method: paid to the comune directly, not money the agency collected.
    expect(pay).toEqual({ amount: '395.50', method: 'paid_to_creditor', reference: 'F24 del comune', idempotency_key: `query:${q.id}` });
    // The remittance statement lists it apart and counts it in what the comune received directly.
    const preview = await ctx.admin({ method: 'GET', url: `/api/remittance-statements/preview?creditorId=${comuneId}&periodFrom=${day(-3)}&periodTo=${day(-1)}` });
    expect(preview.statusCode, preview.body).toBe(200);
    const view = preview.json() as { lines: { claimId: string; kind: string; paidToCreditor: boolean; collected: string }[]; totals: { collected: string; collectedByCreditor: string } };
    expect(view.lines.filter((l) => l.claimId === p.claimId)).toEqual([expect.objectContaining({ kind: 'payment', paidToCreditor: true, collected: '395.50' })]);
    const direct = view.lines.filter((l) => l.paidToCreditor).reduce((sum, l) => sum + Math.round(Number(l.collected) * 100), 0);
    expect(Math.round(Number(view.totals.collectedByCreditor) * 100)).toBe(direct);

    const p2 = await act();
    const q2 = (await open({ claimId: p2.claimId, kind: 'dispute', text: 'Contesta' })).json();
    expect((await answer(q2.id, { answer: 'confirmed' })).statusCode).toBe(200);
    expect((await claimOf(p2.claimId)).status).toBe('in_collection');
  });

  it('a plan outside the rules goes to the comune, whose approval runs the plan’s approval in the same transaction', async () => {
    const p = await act();
    const plan = (await ctx.operator({ method: 'POST', url: '/api/plans', payload: { claimIds: [p.claimId], count: 60 } })).json();
    expect(plan).toMatchObject({ state: 'proposed', needsApproval: true });
    const res = await open({ claimId: p.claimId, kind: 'plan_approval', planId: plan.id, text: 'Richiesta 60 rate per difficoltà' });
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json();
    // Asked once: a second question for the same plan while the first waits is refused with the day asked.
    const twice = await open({ claimId: p.claimId, kind: 'plan_approval', planId: plan.id, text: 'Di nuovo' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0].message).toContain('già in attesa della risposta dell’ente');
    expect((await answer(q.id, { answer: 'annulled' })).statusCode).toBe(400);
    const ok = await answer(q.id, { answer: 'approved', text: 'Approvato dalla Giunta' });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await ctx.admin({ method: 'GET', url: `/api/plans/${plan.id}` })).json();
    expect(after).toMatchObject({ state: 'active', decidedReason: 'Approvato dalla Giunta' });
    expect((await claimOf(p.claimId)).status).toBe('in_plan');
    expect((await auditOf(ctx.db, ctx.t.tenantId, plan.id)).map((e) => e.action)).toContain('plan.approved');
  });

  it('the answer and the plan’s approval commit together: a refused approval leaves the query open and nothing recorded', async () => {
    const p = await act();
    const plan = (await ctx.operator({ method: 'POST', url: '/api/plans', payload: { claimIds: [p.claimId], count: 60 } })).json();
    const q = (await open({ claimId: p.claimId, kind: 'plan_approval', planId: plan.id, text: '60 rate' })).json();
    // Paid in full meanwhile: the plan can no longer be approved.
    const paid = await ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId: p.debtorId, creditorId: comuneId, amount: '1395.50', currency: 'EUR', valueDate: day(0), method: 'bank_transfer', claimIds: [p.claimId] } });
    expect(paid.statusCode, paid.body).toBe(201);
    const refused = await answer(q.id, { answer: 'approved', text: 'Sì' });
    expect(refused.statusCode).toBe(400);
    expect((await comune({ method: 'GET', url: `/api/queries/${q.id}` })).json()).toMatchObject({ status: 'open', waitingFor: 'creditor', answer: null, messages: [{ text: '60 rate' }] });
    expect((await auditOf(ctx.db, ctx.t.tenantId, q.id)).map((e) => e.action)).toEqual(['query.opened']);
    // Rejected instead: the plan is rejected by the plans' own use case.
    const no = await answer(q.id, { answer: 'rejected', text: 'Già pagato' });
    expect(no.statusCode, no.body).toBe(200);
    expect((await ctx.admin({ method: 'GET', url: `/api/plans/${plan.id}` })).json()).toMatchObject({ state: 'rejected', decidedReason: 'Già pagato' });
  });

  it('a supervisor records an answer the comune gave by PEC (said in the audit); an operator cannot answer', async () => {
    const p = await act();
    const q = (await open({ claimId: p.claimId, kind: 'dispute', text: 'Errore di intestazione' })).json();
    expect((await answer(q.id, { answer: 'confirmed', via: 'pec' }, ctx.operator)).statusCode).toBe(403);
    expect((await answer(q.id, { answer: 'confirmed' }, ctx.supervisor)).statusCode).toBe(400);
    const ok = await answer(q.id, { answer: 'confirmed', via: 'pec' }, ctx.supervisor);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ answeredVia: 'pec', answeredBy: `user:${ctx.t.users.supervisor.email}` });
    expect((await auditOf(ctx.db, ctx.t.tenantId, q.id)).at(-1)).toMatchObject({ action: 'query.answered', after: { via: 'pec', recordedForCreditor: true } });
  });

  it('a position handed back: returned with its reason; the comune acknowledges', async () => {
    const p = await act();
    const q = (await open({ claimId: p.claimId, kind: 'return', text: 'Debitore irreperibile dopo ricerche anagrafiche' })).json();
    const row = await ctx.db.selectFrom('claims').select(['status', 'return_reason', 'closed_on']).where('id', '=', p.claimId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'returned', return_reason: 'Debitore irreperibile dopo ricerche anagrafiche', closed_on: today().toString() });
    expect((await answer(q.id, { answer: 'acknowledged' })).json()).toMatchObject({ status: 'answered', answer: 'acknowledged' });
  });

  it('outsiders get 404; the comune’s viewer cannot open, and another creditor’s viewer sees nothing', async () => {
    const p = await act();
    const q = (await open({ claimId: p.claimId, kind: 'question', text: 'La posizione è ancora valida?' })).json();
    // Another tenant, and the company's viewer (another creditor): 404 on everything.
    for (const client of [ctx.outsider, ctx.viewer]) {
      expect((await client({ method: 'GET', url: `/api/queries/${q.id}` })).statusCode).toBe(404);
      expect((await client({ method: 'POST', url: `/api/queries/${q.id}/messages`, payload: { text: 'x' } })).statusCode).toBe(404);
      expect((await answer(q.id, { answer: 'confirmed' }, client)).statusCode).toBe(404);
      expect((await client({ method: 'GET', url: '/api/queries' })).json().items.map((i: { id: string }) => i.id)).not.toContain(q.id);
    }
    expect((await ctx.operator({ method: 'GET', url: `/api/queries/${UNKNOWN_ID}` })).statusCode).toBe(404);
    // The comune's viewer is read-only except its side of the queries.
    expect((await open({ claimId: p.claimId, kind: 'question', text: 'io apro' }, comune)).statusCode).toBe(403);
    expect((await comune({ method: 'POST', url: `/api/queries/${q.id}/close`, payload: {} })).statusCode).toBe(403);
    expect((await comune({ method: 'PATCH', url: `/api/claims/${p.claimId}`, payload: { status: 'written_off' } })).statusCode).toBe(403);
    expect((await comune({ method: 'POST', url: '/api/payments', payload: { debtorId: p.debtorId, creditorId: comuneId, amount: '1.00', currency: 'EUR', valueDate: day(0), method: 'cash' } })).statusCode).toBe(403);
    // A question takes text, not an answer; the agency closes it.
    expect((await answer(q.id, { answer: 'confirmed' })).statusCode).toBe(400);
    expect((await comune({ method: 'POST', url: `/api/queries/${q.id}/messages`, payload: { text: 'Sì, è valida' } })).json().waitingFor).toBe('agency');
    expect((await ctx.operator({ method: 'POST', url: `/api/queries/${q.id}/close`, payload: {} })).json().status).toBe('closed');
  });
});
