import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { auditOf, createTestDebtor, uniq } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

/*
 * POST /api/creditors/:id/notice-codes: a comune whose pagoPA notices incasso generates (as its
 * technological partner) gets the codes its open positions lack; codes already there are kept.
 */

let ctx: ApiContext;
let debtorId: string;

beforeAll(async () => {
  ctx = await openApiContext();
  debtorId = (await createTestDebtor(ctx.db, ctx.t, { lastName: `Contribuente${uniq()}` })).id;
});
afterAll(async () => {
  await ctx.app.close();
});

async function comune(pagopa: Record<string, unknown>) {
  const res = await ctx.admin({ method: 'POST', url: '/api/creditors', payload: { name: `Comune di Codici ${uniq()}`, kind: 'public_entity', taxCode: fakePartitaIva(Date.now() % 100000), pagopa } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; version: number };
}

async function position(creditorId: string, noticeCode?: string) {
  const res = await ctx.admin({
    method: 'POST',
    url: '/api/claims',
    payload: { creditorId, debtorId, externalRef: `IMU-${uniq()}`, kind: 'imu', currency: 'EUR', dueDate: '2025-03-10', taxYear: 2022, components: [{ kind: 'tax', amount: '400.00', tributeCode: '3918' }], ...(noticeCode ? { noticeCode } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; noticeCode: string | null };
}

describe('generating a comune’s missing notice codes', () => {
  it('gives the open positions without a code the next codes, keeps the others, and records who did it', async () => {
    const c = await comune({ noticeMode: 'supplied' });
    const own = noticeCodeAux3('21', '0000000000050');
    const [a, b, kept] = [await position(c.id), await position(c.id), await position(c.id, own)];
    expect(a.noticeCode).toBeNull();
    const switched = await ctx.admin({ method: 'PATCH', url: `/api/creditors/${c.id}`, payload: { pagopa: { noticeMode: 'generated', segregationCode: '21' } } });
    expect(switched.statusCode, switched.body).toBe(200);

    expect((await ctx.operator({ method: 'POST', url: `/api/creditors/${c.id}/notice-codes` })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'POST', url: `/api/creditors/${c.id}/notice-codes` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/creditors/${c.id}/notice-codes` })).statusCode).toBe(404);

    const res = await ctx.supervisor({ method: 'POST', url: `/api/creditors/${c.id}/notice-codes` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ count: 2, first: noticeCodeAux3('21', '0000000000001'), last: noticeCodeAux3('21', '0000000000002') });
    const codes = await Promise.all([a, b, kept].map(async (p) => (await ctx.admin({ method: 'GET', url: `/api/claims/${p.id}` })).json().noticeCode));
    expect(codes.slice(0, 2).sort()).toEqual([noticeCodeAux3('21', '0000000000001'), noticeCodeAux3('21', '0000000000002')]);
    expect(codes[2]).toBe(own);

    // Nothing is missing any more: nothing changes, nothing is recorded.
    expect((await ctx.admin({ method: 'POST', url: `/api/creditors/${c.id}/notice-codes` })).json()).toEqual({ count: 0, first: null, last: null });
    const audit = (await auditOf(ctx.db, ctx.t.tenantId, c.id)) as { action: string; after: unknown }[];
    expect(audit.filter((e) => e.action === 'creditor.notice_codes_generated').map((e) => e.after)).toEqual([{ count: 2, first: noticeCodeAux3('21', '0000000000001'), last: noticeCodeAux3('21', '0000000000002') }]);
  });

  it('refuses a comune whose codes are supplied, and switching to generated codes without a segregation code', async () => {
    const c = await comune({ noticeMode: 'supplied' });
    const res = await ctx.admin({ method: 'POST', url: `/api/creditors/${c.id}/notice-codes`, headers: { 'accept-language': 'it' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'unprocessable', messageCode: 'municipal.notices_not_generated' });
    const company = await ctx.admin({ method: 'POST', url: `/api/creditors/${ctx.t.creditor.id}/notice-codes` });
    expect(company.statusCode).toBe(422);
    const noSegregation = await ctx.admin({ method: 'PATCH', url: `/api/creditors/${c.id}`, payload: { pagopa: { noticeMode: 'generated' } } });
    expect(noSegregation.statusCode).toBe(400);
    expect(noSegregation.json().error.fields).toEqual([expect.objectContaining({ path: 'pagopa.segregationCode', messageCode: 'municipal.segregation_code_needed' })]);
  });

  it('keeps a notice code unique per comune, on creation and on change (one check for both)', async () => {
    const c = await comune({ noticeMode: 'supplied' });
    const code = noticeCodeAux3('22', '0000000000001');
    const first = await position(c.id, code);
    const clash = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: { creditorId: c.id, debtorId, externalRef: `IMU-${uniq()}`, kind: 'imu', currency: 'EUR', dueDate: '2025-03-10', components: [{ kind: 'tax', amount: '10.00', tributeCode: '3918' }], noticeCode: code },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.messageCode).toBe('claim.notice_code_taken');
    const other = await position(c.id);
    const changed = await ctx.admin({ method: 'PATCH', url: `/api/claims/${other.id}`, payload: { noticeCode: code } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.messageCode).toBe('claim.notice_code_taken');
    // The position itself may be saved with its own code; another comune may carry the same digits.
    expect((await ctx.admin({ method: 'PATCH', url: `/api/claims/${first.id}`, payload: { noticeCode: code, description: 'IMU 2022' } })).statusCode).toBe(200);
    const elsewhere = await comune({ noticeMode: 'supplied' });
    expect((await position(elsewhere.id, code)).noticeCode).toBe(code);
  });
});
