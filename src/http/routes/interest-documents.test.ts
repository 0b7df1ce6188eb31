import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuid7 } from '../../db/uuid7.ts';
import { createTestClaim, createTestDebtor } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';

/**
 * Interest as its own document (issue 17 item 5). Every claim here: €10,000.00 due 31 January 2026 at a
 * fixed 3.65 % on actual/365 — exactly €1.00 of interest a day on the whole principal (2026 has 365 days).
 */
let ctx: ApiContext;
const terms = { principal: '10000.00', dueDate: '2026-01-31', interestRegime: 'fixed' as const, interestRate: '3.65', dayCount: 'act365' as const };
const statement = async (id: string, asOf: string) => (await ctx.admin({ method: 'GET', url: `/api/claims/${id}/statement?asOf=${asOf}` })).json().statement as { interest: string; interestDue: string; principalDue: string };

beforeAll(async () => {
  ctx = await openApiContext();
});

describe('interest invoices', () => {
  it('invoices the interest of a period separately, numbered, without VAT; the invoices add up to the statement', async () => {
    const debtor = await createTestDebtor(ctx.db, ctx.t, { lastName: 'Ritardi' });
    const claim = await createTestClaim(ctx.db, ctx.t, debtor.id, { ...terms, externalRef: 'FT-2026-0042', issueDate: '2026-01-01' });

    // 1 February – 31 March: 59 days × €1.00.
    const first = await ctx.admin({ method: 'POST', url: `/api/claims/${claim.id}/interest-invoices`, payload: { to: '2026-03-31' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ number: 1, periodFrom: '2026-02-01', periodTo: '2026-03-31', amount: '59.00', currency: 'EUR' });

    // €5,000.00 paid on 30 April: interest first (89 days, €89.00), €4,911.00 of principal; then 31 days
    // of May on €5,089.00 at 3.65 % = €15.7759 → €15.78. Interest to 31 May: 89.00 + 15.78 = 104.78;
    // the second invoice, 1 April – 31 May: 104.78 − 59.00 = €45.78.
    const pay = await ctx.admin({ method: 'POST', url: '/api/payments', payload: { debtorId: debtor.id, creditorId: ctx.t.creditor.id, amount: '5000.00', currency: 'EUR', valueDate: '2026-04-30', method: 'bank_transfer', claimIds: [claim.id] } });
    expect(pay.statusCode).toBe(201);
    const second = await ctx.operator({ method: 'POST', url: `/api/claims/${claim.id}/interest-invoices`, payload: { to: '2026-05-31', language: 'de' } });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ number: 2, periodFrom: '2026-04-01', periodTo: '2026-05-31', amount: '45.78' });
    expect((await statement(claim.id, '2026-05-31')).interest).toBe('104.78');

    const again = await ctx.admin({ method: 'POST', url: `/api/claims/${claim.id}/interest-invoices`, payload: { to: '2026-05-31' } });
    expect(again.statusCode).toBe(422);

    const list = (await ctx.admin({ method: 'GET', url: `/api/claims/${claim.id}/interest-invoices` })).json().items;
    expect(list.map((i: { number: number; amount: string }) => `${i.number}: ${i.amount}`)).toEqual(['1: 59.00', '2: 45.78']);
    const file = await ctx.admin({ method: 'GET', url: `/api/interest-invoices/${list[0].id}/file` });
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(list[0].sha256);
    const text = pdfText(file.rawPayload);
    expect(text).toContain(`Fattura per interessi di mora n. 1/${new Date().getFullYear()}`);
    expect(text).toContain('Riferimento: documento FT-2026-0042 del 01/01/2026, scaduto il 31/01/2026');
    expect(text).toMatch(/Interessi moratori maturati dal 01\/02\/2026 al 31\/03\/2026\s+59,00 €/);
    expect(text).toContain('fuori campo IVA');
    const de = pdfText((await ctx.admin({ method: 'GET', url: `/api/interest-invoices/${list[1].id}/file` })).rawPayload);
    expect(de).toContain('Rechnung über Verzugszinsen Nr. 2/');
    expect(de).toMatch(/45,78/);

    // Outsiders see nothing of it.
    expect((await ctx.outsider({ method: 'GET', url: `/api/interest-invoices/${list[0].id}/file` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/claims/${claim.id}/interest-invoices`, payload: {} })).statusCode).toBe(404);
    // A comune's revenue is not invoiced.
    const tari = await createTestClaim(ctx.db, ctx.t, debtor.id, { kind: 'tari', taxYear: 2024, dueDate: '2026-01-31', creditorId: ctx.t.otherCreditor.id });
    expect((await ctx.admin({ method: 'POST', url: `/api/claims/${tari.id}/interest-invoices`, payload: { to: '2026-03-31' } })).statusCode).toBe(422);
  });
});

describe('a claim’s interest terms', () => {
  it('a supervisor waives the interest with a reason: payments are re-split, nothing more is invoiced; taken back, it runs again', async () => {
    const debtor = await createTestDebtor(ctx.db, ctx.t, { lastName: 'Fedele' });
    const claim = await createTestClaim(ctx.db, ctx.t, debtor.id, terms);
    await ctx.admin({ method: 'POST', url: '/api/payments', payload: { debtorId: debtor.id, creditorId: ctx.t.creditor.id, amount: '5000.00', currency: 'EUR', valueDate: '2026-04-30', method: 'bank_transfer', claimIds: [claim.id] } });
    expect(await statement(claim.id, '2026-04-30')).toMatchObject({ interest: '89.00', principalDue: '5089.00' });
    const version = (await ctx.admin({ method: 'GET', url: `/api/claims/${claim.id}` })).json().version;

    expect((await ctx.operator({ method: 'PUT', url: `/api/claims/${claim.id}/interest`, payload: { version, waiver: { reason: 'loyal_customer' } } })).statusCode).toBe(403);
    const waived = await ctx.supervisor({ method: 'PUT', url: `/api/claims/${claim.id}/interest`, payload: { version, waiver: { reason: 'loyal_customer', note: 'cliente da 12 anni, primo ritardo' } } });
    expect(waived.statusCode).toBe(200);
    expect(await statement(claim.id, '2026-04-30')).toMatchObject({ interest: '0.00', interestDue: '0.00', principalDue: '5000.00' });
    expect((await ctx.admin({ method: 'POST', url: `/api/claims/${claim.id}/interest-invoices`, payload: { to: '2026-03-31' } })).statusCode).toBe(422);

    const back = await ctx.supervisor({ method: 'PUT', url: `/api/claims/${claim.id}/interest`, payload: { version: waived.json().version, waiver: null } });
    expect(back.statusCode).toBe(200);
    expect(await statement(claim.id, '2026-04-30')).toMatchObject({ interest: '89.00', principalDue: '5089.00' });
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'actor_label']).where('entity_id', '=', claim.id).where('action', 'like', 'claim.interest_%').orderBy('occurred_at').execute();
    expect(audit.map((a) => a.action)).toEqual(['claim.interest_waived', 'claim.interest_waiver_revoked']);
  });

  it('with no agreed due date, interest runs only from the day after the formal notice was received', async () => {
    const debtor = await createTestDebtor(ctx.db, ctx.t, { lastName: 'Senzatermine' });
    const claim = await createTestClaim(ctx.db, ctx.t, debtor.id, terms);
    const version = (await ctx.admin({ method: 'GET', url: `/api/claims/${claim.id}` })).json().version;
    const set = await ctx.admin({ method: 'PUT', url: `/api/claims/${claim.id}/interest`, payload: { version, afterNotice: true } });
    expect(set.statusCode).toBe(200);
    // No notice received yet: no interest at all.
    expect((await statement(claim.id, '2026-12-05')).interest).toBe('0.00');

    // The formal notice (a registered letter) of 20 November, received on 30 November.
    const id = uuid7();
    await ctx.db
      .insertInto('communications')
      .values({ id, tenant_id: ctx.t.tenantId, debtor_id: debtor.id, creditor_id: ctx.t.creditor.id, run_date: '2026-11-20', step_no: 2, step_key: 'formal-1', tier: 'formal', channel: 'registered_letter', recipient: 'Via Roma 1', language: 'it', subject: 'Messa in mora', currency: 'EUR', amount: '10000.00', status: 'printed' })
      .execute();
    await ctx.db.insertInto('communication_claims').values({ tenant_id: ctx.t.tenantId, communication_id: id, claim_id: claim.id, step_no: 2, step_key: 'formal-1', total_due: '10000.00', fee: null }).execute();
    expect((await ctx.admin({ method: 'PUT', url: `/api/communications/${id}/receipt`, payload: { receivedOn: '2026-11-19' } })).statusCode).toBe(400);
    const r = await ctx.operator({ method: 'PUT', url: `/api/communications/${id}/receipt`, payload: { receivedOn: '2026-11-30' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id, receivedOn: '2026-11-30', claimsUpdated: 1 });
    // 1–5 December: 5 days × €1.00.
    expect((await statement(claim.id, '2026-12-05')).interest).toBe('5.00');
    expect((await ctx.outsider({ method: 'PUT', url: `/api/communications/${id}/receipt`, payload: { receivedOn: '2026-11-30' } })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'PUT', url: `/api/communications/${id}/receipt`, payload: { receivedOn: '2026-11-30' } })).statusCode).toBe(403);
  });
});
