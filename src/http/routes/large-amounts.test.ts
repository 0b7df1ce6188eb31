import { refreshBalances } from '../../usecases/claims/balances.ts';
import { insertPrincipalComponents } from '../../usecases/claims/components.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT } from '../../domain/money.ts';
import { createTestDebtor } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let debtorId: string;
let claimId: string;
const lastName = `Maxi${Date.now().toString(36)}`;
// One more than fits numeric(15,2) when summed: 10,001 × 999,999,999.99 > 9,999,999,999,999.99.
const N = 10_001;
const cents = (BigInt(MAX_AMOUNT.replace('.', '')) * BigInt(N)).toString();
const total = `${cents.slice(0, -2)}.${cents.slice(-2)}`;

beforeAll(async () => {
  ctx = await openApiContext();
  const d = await createTestDebtor(ctx.db, ctx.t, { lastName });
  debtorId = d.id;
  // Claims at the largest accepted amount, written in one statement (the API would take minutes).
  await sql`
    insert into claims (tenant_id, creditor_id, debtor_id, external_ref, kind, principal, currency, due_date, jurisdiction, interest_regime)
    select ${ctx.t.tenantId}, ${ctx.t.creditor.id}, ${debtorId}, 'MAX-' || g, 'invoice', ${MAX_AMOUNT}::numeric, 'EUR', date '2025-01-31', 'IT', 'none'
    from generate_series(1, ${N}) g`.execute(ctx.db);
  const ids = (await ctx.db.selectFrom('claims').select('id').where('debtor_id', '=', debtorId).execute()).map((r) => r.id);
  await insertPrincipalComponents(ctx.db, ctx.t.tenantId, ids.map((id) => ({ id, principal: MAX_AMOUNT })));
  await refreshBalances(ctx.db, ctx.t.tenantId, ids);
  claimId = (await ctx.db.selectFrom('claims').select('id').where('external_ref', '=', 'MAX-1').where('debtor_id', '=', debtorId).executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => {
  await ctx.app.close();
});

describe('amounts that cannot break reads', () => {
  it('accepts a claim of 999,999,999.99 and refuses a larger one with its own message', async () => {
    const body = { creditorId: ctx.t.creditor.id, debtorId, kind: 'invoice', currency: 'EUR', dueDate: '2025-01-31' };
    const ok = await ctx.operator({ method: 'POST', url: '/api/claims', payload: { ...body, externalRef: 'MAX-OK', principal: '999999999.99', interestRegime: 'none' } });
    expect(ok.statusCode).toBe(201);
    await ctx.db.deleteFrom('audit_events').where('entity_id', '=', ok.json().id).execute().catch(() => undefined);
    await ctx.db.deleteFrom('claims').where('id', '=', ok.json().id).execute();
    for (const principal of ['1000000000.00', '5000000000000.00']) {
      const res = await ctx.operator({ method: 'POST', url: '/api/claims', payload: { ...body, externalRef: 'MAX-NO', principal } });
      expect(res.statusCode, principal).toBe(400);
      expect(res.json().error.fields).toContainEqual(
        expect.objectContaining({ path: 'principal', message: 'Importo oltre il massimo ammesso di 999.999.999,99', messageCode: 'money.above_max' }),
      );
    }
    const payment = await ctx.operator({
      method: 'POST',
      url: '/api/payments',
      payload: { debtorId, creditorId: ctx.t.creditor.id, amount: '1000000000.00', currency: 'EUR', valueDate: '2025-06-01', method: 'bank_transfer' },
    });
    expect(payment.statusCode).toBe(400);
    expect(payment.json().error.fields[0].path).toBe('amount');
  });

  it(`answers every read of a debtor with ${N} maximal claims with exact figures`, async () => {
    const detail = await ctx.admin({ method: 'GET', url: `/api/debtors/${debtorId}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().outstanding).toEqual([{ currency: 'EUR', amount: total, count: N }]);

    const list = await ctx.admin({ method: 'GET', url: `/api/debtors?q=${lastName}` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0].outstanding).toEqual([{ currency: 'EUR', amount: total, count: N }]);

    const claims = await ctx.admin({ method: 'GET', url: `/api/claims?debtorId=${debtorId}&pageSize=5` });
    expect(claims.statusCode, claims.body).toBe(200);
    expect(claims.json().total).toBe(N);

    const dashboard = await ctx.admin({ method: 'GET', url: '/api/dashboard' });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().byCurrency).toEqual([
      expect.objectContaining({ currency: 'EUR', count: N, principal: total, principalDue: total, totalDue: total }),
    ]);

    const statement = await ctx.admin({ method: 'GET', url: `/api/claims/${claimId}/statement` });
    expect(statement.statusCode, statement.body).toBe(200);

    const claim = await ctx.admin({ method: 'GET', url: `/api/claims/${claimId}` });
    expect(claim.statusCode).toBe(200);
    expect(claim.json()).toMatchObject({ principal: MAX_AMOUNT, totalDue: MAX_AMOUNT, balance: { principalDue: MAX_AMOUNT, totalDue: MAX_AMOUNT } });

    const skip = await ctx.admin({ method: 'GET', url: '/api/skip-tracing' });
    expect(skip.statusCode, skip.body).toBe(200);
  }, 120_000);
});
