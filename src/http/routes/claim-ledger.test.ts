import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createTestClaim, createTestDebtor, snapshotCounts, type TestTenant } from '../../test/factories.ts';
import { messageFor, openApiContext, type ApiContext } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';
import { chargeReminderFee } from '../../usecases/claims/charge-reminder-fee.ts';

/**
 * A claim's balance, its payments' split and its statement all come from the interest engine, and
 * equal what the calculator gives for the same facts (legal-notes TV-IT-04: EUR 10,000 due
 * 2023-01-01, commercial rate, to 2024-01-01 → 1,126.16 interest, EUR 40 flat compensation).
 */
let ctx: ApiContext;
let t: TestTenant;
const company = () =>
  createTestDebtor(ctx.db, t, { kind: 'company', companyName: `Delta ${Math.random().toString(36).slice(2, 8)} S.r.l.`, taxCode: undefined, firstName: undefined, lastName: undefined });

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const pay = (debtorId: string, amount: string, valueDate: string, extra: Record<string, unknown> = {}, creditorId = t.creditor.id) =>
  ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId, creditorId, amount, currency: 'EUR', valueDate, method: 'bank_transfer', ...extra } });
const claim = async (id: string, asOf: string) => (await ctx.operator({ method: 'GET', url: `/api/claims/${id}?asOf=${asOf}` })).json();
const calculate = async (payload: Record<string, unknown>) => (await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload })).json();
const TV_IT_04 = { principal: '10000', due: '2023-01-01', paid: '2024-01-01', regime: 'it-commercial' };

describe('claim balances by the interest engine', () => {
  it('shows a business invoice’s live interest, the €40 and the total due, equal to the calculator', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const b = (await claim(c.id, '2024-01-01')).balance;
    expect(b).toEqual({
      asOf: '2024-01-01',
      regime: 'it-commercial',
      regimeIsDefault: true,
      interest: '1126.16',
      interestDue: '1126.16',
      costs: '40.00',
      costsDue: '40.00',
      principalDue: '10000.00',
      totalDue: '11166.16',
      ratesKnownUntil: null,
      problem: null,
    });
    const listed = (await ctx.operator({ method: 'GET', url: `/api/claims?debtorId=${d.id}&asOf=2024-01-01` })).json();
    expect(listed.items[0].balance).toEqual(b);
  });

  it('splits a part payment into costs, interest and principal, and interest runs on the rest', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const res = await pay(d.id, '2000.00', '2023-09-30');
    expect(res.statusCode, res.body).toBe(201);
    const calc = await calculate({ ...TV_IT_04, payments: [{ date: '2023-09-30', amount: '2000.00' }] });
    const [row] = calc.payments;
    expect(row.costs).toBe('40.00');
    expect(res.json().allocations).toEqual([
      { claimId: c.id, externalRef: c.externalRef, component: 'costs', amount: '40.00' },
      { claimId: c.id, externalRef: c.externalRef, component: 'interest', amount: row.interest },
      { claimId: c.id, externalRef: c.externalRef, component: 'principal', amount: row.principal },
    ]);
    const after = await claim(c.id, '2024-01-01');
    expect(after).toMatchObject({ status: 'partially_paid', principalPaid: row.principal, interestPaid: row.interest, costsPaid: '40.00' });
    expect(after.balance).toMatchObject({ interest: calc.interest, interestDue: calc.interestDue, principalDue: calc.principalDue, totalDue: calc.totalDue });

    // The statement screen gives the calculator's statement for the same facts.
    const st = await ctx.viewer({ method: 'GET', url: `/api/claims/${c.id}/statement?asOf=2024-01-01` });
    expect(st.statusCode).toBe(200);
    expect(st.json()).toMatchObject({ externalRef: c.externalRef, ratesKnownUntil: null });
    expect(st.json().statement).toEqual(calc);
  });

  it('a payment of the whole total closes the claim; a second one stays unallocated, never lost', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const res = await pay(d.id, '11166.16', '2024-01-01');
    expect(res.json()).toMatchObject({ unallocated: '0.00' });
    expect(await claim(c.id, '2025-06-30')).toMatchObject({
      status: 'paid',
      closedOn: '2024-01-01',
      principalPaid: '10000.00',
      interestPaid: '1126.16',
      costsPaid: '40.00',
      balance: expect.objectContaining({ totalDue: '0.00', interestDue: '0.00' }),
    });
    const again = await pay(d.id, '10.00', '2024-02-01');
    expect(again.json()).toMatchObject({ unallocated: '10.00', allocations: [] });
    // More than owed in one payment: the excess stays on the payment.
    const d2 = await company();
    await createTestClaim(ctx.db, t, d2.id, { principal: '10000.00', dueDate: '2023-01-01' });
    expect((await pay(d2.id, '11200.00', '2024-01-01')).json()).toMatchObject({ unallocated: '33.84' });
  });

  it('re-splits later payments when one is booked with an earlier value date, with an audit event', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const late = (await pay(d.id, '3000.00', '2023-06-30')).json();
    const early = (await pay(d.id, '1000.00', '2023-03-31')).json();
    // Booked in date order on a twin claim, the splits must be the same.
    const d2 = await company();
    const twin = await createTestClaim(ctx.db, t, d2.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const early2 = (await pay(d2.id, '1000.00', '2023-03-31')).json();
    const late2 = (await pay(d2.id, '3000.00', '2023-06-30')).json();
    const split = async (paymentId: string) =>
      (await ctx.operator({ method: 'GET', url: `/api/payments/${paymentId}` })).json().allocations.map((a: { component: string; amount: string }) => [a.component, a.amount]);
    expect(await split(early.id)).toEqual(await split(early2.id));
    expect(await split(late.id)).toEqual(await split(late2.id));
    const a = await claim(c.id, '2024-01-01');
    const b = await claim(twin.id, '2024-01-01');
    expect(a.balance).toEqual(b.balance);
    expect([a.principalPaid, a.interestPaid, a.costsPaid]).toEqual([b.principalPaid, b.interestPaid, b.costsPaid]);
    const audit = await auditOf(ctx.db, t.tenantId, c.id);
    expect(audit.map((e) => e.action)).toContain('claim.allocation_recomputed');
  });

  it('follows the creditor’s allocation order, and re-splits when the creditor changes it', async () => {
    const k = (await ctx.admin({ method: 'POST', url: '/api/creditors', payload: { name: `Ordine ${Date.now()}`, kind: 'company' } })).json();
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { creditorId: k.id, principal: '10000.00', dueDate: '2023-01-01' });
    const p = (await pay(d.id, '2000.00', '2023-09-30', {}, k.id)).json();
    expect(p.allocations.map((x: { component: string }) => x.component)).toEqual(['costs', 'interest', 'principal']);
    const upd = await ctx.supervisor({ method: 'PATCH', url: `/api/creditors/${k.id}`, payload: { allocationOrder: 'principal,interest,costs' } });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().allocationOrder).toBe('principal,interest,costs');
    const again = (await ctx.operator({ method: 'GET', url: `/api/payments/${p.id}` })).json();
    expect(again.allocations).toEqual([{ claimId: c.id, externalRef: c.externalRef, component: 'principal', amount: '2000.00' }]);
    expect(await claim(c.id, '2023-09-30')).toMatchObject({ principalPaid: '2000.00', interestPaid: '0.00', costsPaid: '0.00' });
    // A creditor that waives the €40 for its customers.
    await ctx.supervisor({ method: 'PATCH', url: `/api/creditors/${k.id}`, payload: { flatCompensation: false } });
    expect((await claim(c.id, '2023-09-30')).balance.costs).toBe('0.00');
  });

  it('charges reminder fees and costs, which payments meet first; a supervisor waives one with a reason', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '500.00', dueDate: '2025-01-31', interestRegime: 'none' });
    const fee = await ctx.operator({
      method: 'POST',
      url: `/api/claims/${c.id}/costs`,
      payload: { kind: 'reminder_fee', label: 'Sollecito formale', amount: '30.00', incurredOn: '2025-02-15' },
    });
    expect(fee.statusCode, fee.body).toBe(201);
    expect(fee.json().costs).toEqual([
      expect.objectContaining({ kind: 'reminder_fee', label: 'Sollecito formale', amount: '30.00', incurredOn: '2025-02-15', waivedOn: null }),
    ]);
    const p = (await pay(d.id, '100.00', '2025-03-01')).json();
    expect(p.allocations.map((a: { component: string; amount: string }) => [a.component, a.amount])).toEqual([
      ['costs', '30.00'],
      ['principal', '70.00'],
    ]);
    const costId = fee.json().costs[0].id;
    // Only a supervisor or an admin gives up the creditor's money, and says why.
    expect((await ctx.operator({ method: 'POST', url: `/api/claims/${c.id}/costs/${costId}/waive`, payload: { reason: 'cliente storico' } })).statusCode).toBe(403);
    const noReason = await ctx.supervisor({ method: 'POST', url: `/api/claims/${c.id}/costs/${costId}/waive`, payload: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    expect(messageFor(noReason, 'reason')).toBeTruthy();
    const waived = await ctx.supervisor({ method: 'POST', url: `/api/claims/${c.id}/costs/${costId}/waive`, payload: { reason: 'Cliente storico, primo ritardo' } });
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json()).toMatchObject({ principalPaid: '100.00', costsPaid: '0.00', costs: [expect.objectContaining({ waiverReason: 'Cliente storico, primo ritardo' })] });
    expect((await ctx.supervisor({ method: 'POST', url: `/api/claims/${c.id}/costs/${costId}/waive`, payload: { reason: 'ancora' } })).statusCode).toBe(409);
    const actions = (await auditOf(ctx.db, t.tenantId, c.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['claim.cost_added', 'claim.cost_waived', 'claim.allocation_recomputed']));
  });

  it('charges the reminder fee of each step from the creditor’s terms, once per step however often it runs', async () => {
    const k = (await ctx.admin({ method: 'POST', url: '/api/creditors', payload: { name: `Solleciti ${Date.now()}`, kind: 'company' } })).json();
    const bad = await ctx.supervisor({ method: 'PATCH', url: `/api/creditors/${k.id}`, payload: { reminderFees: ['30', '1.234'] } });
    expect(bad.statusCode).toBe(400);
    expect(messageFor(bad, 'reminderFees.1')).toBeTruthy();
    const terms = await ctx.supervisor({ method: 'PATCH', url: `/api/creditors/${k.id}`, payload: { reminderFees: ['30', '50.00', '80'] } });
    expect(terms.statusCode, terms.body).toBe(200);
    expect(terms.json().reminderFees).toEqual(['30.00', '50.00', '80.00']);
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { creditorId: k.id, principal: '500.00', dueDate: '2025-01-31', interestRegime: 'none' });
    const actor = t.users.operator.actor;
    const charge = (step: number) => ctx.db.transaction().execute((trx) => chargeReminderFee(trx, actor, c.id, step, '2025-03-01'));
    expect(await charge(1)).toEqual({ charged: true, amount: '30.00' });
    expect(await charge(1)).toEqual({ charged: false, amount: '30.00' });
    expect(await Promise.all([charge(2), charge(2)])).toEqual(expect.arrayContaining([{ charged: true, amount: '50.00' }, { charged: false, amount: '50.00' }]));
    expect(await charge(4)).toEqual({ charged: false, amount: null });
    const detail = await claim(c.id, '2025-03-01');
    expect(detail.costs.map((x: { amount: string }) => x.amount)).toEqual(['30.00', '50.00']);
    expect(detail.balance).toMatchObject({ costsDue: '80.00', totalDue: '580.00' });
  });

  it('refuses bad costs and outsiders, writing nothing', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '500.00', dueDate: '2025-01-31' });
    const before = await snapshotCounts(ctx.db, t.tenantId, ['claims', 'audit_events']);
    for (const [payload, path] of [
      [{ kind: 'reminder_fee', label: 'x', amount: '0' }, 'amount'],
      [{ kind: 'reminder_fee', label: 'x', amount: '1.234' }, 'amount'],
      [{ kind: 'tip', label: 'x', amount: '1' }, 'kind'],
      [{ kind: 'other', label: 'x', amount: '1', incurredOn: '2999-01-01' }, 'incurredOn'],
      [{ kind: 'other', label: 'x', amount: '1', incurredOn: '2025-02-30' }, 'incurredOn'],
    ] as const) {
      const res = await ctx.operator({ method: 'POST', url: `/api/claims/${c.id}/costs`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toBeTruthy();
    }
    expect((await ctx.viewer({ method: 'POST', url: `/api/claims/${c.id}/costs`, payload: { kind: 'other', label: 'x', amount: '1' } })).statusCode).toBe(403);
    const outsider = await ctx.outsider({ method: 'POST', url: `/api/claims/${c.id}/costs`, payload: { kind: 'other', label: 'x', amount: '1' } });
    expect(outsider.statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims/${c.id}/statement` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims/${c.id}/statement.pdf` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/claims/${c.id}/statement` })).statusCode).toBe(401);
    expect(await snapshotCounts(ctx.db, t.tenantId, ['claims', 'audit_events'])).toEqual(before);
  });

  it('checks a claim’s interest terms against its regime', async () => {
    const d = await company();
    const base = { creditorId: t.creditor.id, debtorId: d.id, externalRef: `T-${Date.now()}`, kind: 'invoice', principal: '100', currency: 'EUR', dueDate: '2025-01-31' };
    for (const [extra, path] of [
      [{ interestRegime: 'fixed' }, 'interestRate'],
      [{ interestRegime: 'it-legal', interestRate: '8' }, 'interestRate'],
      [{ interestRegime: 'spread', interestSpread: '3' }, 'interestBase'],
      [{ interestRegime: 'spread', interestBase: 'none', interestSpread: '3' }, 'interestBase'],
      [{ interestRegime: 'spread', interestBase: 'it-legal' }, 'interestSpread'],
      [{ interestRegime: 'fixed', interestRate: '8.12345' }, 'interestRate'],
    ] as const) {
      const res = await ctx.operator({ method: 'POST', url: '/api/claims', payload: { ...base, ...extra } });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(messageFor(res, path), JSON.stringify(extra)).toBeTruthy();
    }
    // A comune's tax at legal + 3 points, and a contractual 8.5 % on 30E/360.
    const tax = await ctx.operator({ method: 'POST', url: '/api/claims', payload: { ...base, kind: 'tari', interestRegime: 'spread', interestBase: 'it-legal', interestSpread: '3' } });
    expect(tax.statusCode, tax.body).toBe(201);
    expect(tax.json()).toMatchObject({ interestBase: 'it-legal', interestSpread: '3', balance: expect.objectContaining({ regime: 'spread', regimeIsDefault: false }) });
    const fixed = await ctx.operator({
      method: 'POST',
      url: '/api/claims',
      payload: { ...base, externalRef: `${base.externalRef}-F`, interestRegime: 'fixed', interestRate: '8.5', dayCount: '30e360' },
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    // 30E/360 counts the 31st as the 30th: 31 Jan → 28 Feb is 28 days, → 31 Mar two whole months.
    expect((await claim(fixed.json().id, '2025-02-28')).balance.interest).toBe('0.66');
    expect((await claim(fixed.json().id, '2025-03-31')).balance.interest).toBe('1.42');
  });

  it('stops at the last known rate and says so; a payment past it waits for the rate', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Dupont', firstName: 'Marie' });
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '1000.00', dueDate: '2026-01-31', jurisdiction: 'FR' });
    const b = (await claim(c.id, '2026-11-01')).balance;
    expect(b).toMatchObject({ regime: 'fr-legal-other', ratesKnownUntil: '2026-06-30', asOf: '2026-06-30', problem: null });
    const res = await pay(d.id, '100.00', '2026-10-01', { claimIds: [c.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('30/06/2026');
  });

  it('prints the claim’s statement as a PDF in the reader’s language', async () => {
    const d = await company();
    const c = await createTestClaim(ctx.db, t, d.id, { principal: '10000.00', dueDate: '2023-01-01', description: 'Fornitura €/àèìòù' });
    await pay(d.id, '2000.00', '2023-09-30');
    const it = await ctx.operator({ method: 'GET', url: `/api/claims/${c.id}/statement.pdf?asOf=2024-01-01&lang=it` });
    expect(it.statusCode, it.body.slice(0, 200)).toBe(200);
    expect(it.headers['content-type']).toBe('application/pdf');
    const text = pdfText(it.rawPayload);
    expect(text).toContain('Prospetto di calcolo degli interessi');
    expect(text).toContain(c.externalRef);
    expect(text).toContain('Fornitura €/àèìòù');
    expect(text).toContain('Risarcimento forfettario dei costi di recupero');
    expect(text).toContain('40,00 €');
    expect(text).toContain('Art. 5 D.Lgs. 231/2002 — tasso BCE di riferimento + 8 punti');
    const de = pdfText((await ctx.operator({ method: 'GET', url: `/api/claims/${c.id}/statement.pdf?asOf=2024-01-01&lang=de` })).rawPayload);
    expect(de).toContain('Zinsberechnung');
    expect(de).toContain('Gläubiger');
    expect(de).toContain('EZB-Referenzzinssatz + 8 Prozentpunkte');
    expect(de).toContain('Pauschale für Beitreibungskosten');
    const fr = pdfText((await ctx.operator({ method: 'GET', url: `/api/claims/${c.id}/statement.pdf?asOf=2024-01-01&lang=fr` })).rawPayload);
    expect(fr).toContain('taux de référence BCE + 8 points');
  });
});
