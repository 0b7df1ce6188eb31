import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPayment } from '../../usecases/payments/record-payment.ts';
import { updateClaim } from '../../usecases/claims/update-claim.ts';
import { money } from '../../domain/money.ts';
import { createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

/**
 * The tenant's claims (all its own, so every figure is exact):
 *   creditor (the viewer's): EUR 1000.00 open · EUR 250.50 with 100.25 paid · EUR 80.00 paid · CHF 300.00 open
 *   otherCreditor:           EUR 0.10 open · CHF 999.99 written off
 */
beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
  const admin = t.users.admin.actor;
  const d1 = await createTestDebtor(ctx.db, t, { lastName: 'Uno' });
  const d2 = await createTestDebtor(ctx.db, t, { lastName: 'Due', taxCode: 'VRDGPP80A01H501U' });
  await createTestClaim(ctx.db, t, d1.id, { interestRegime: 'none', principal: '1000.00', dueDate: '2025-01-31' });
  const partly = await createTestClaim(ctx.db, t, d2.id, { interestRegime: 'none', principal: '250.50', dueDate: '2025-02-28' });
  const paid = await createTestClaim(ctx.db, t, d2.id, { interestRegime: 'none', principal: '80.00', dueDate: '2025-01-15' });
  await createTestClaim(ctx.db, t, d1.id, { interestRegime: 'none', principal: '300.00', currency: 'CHF' });
  await createTestClaim(ctx.db, t, d2.id, { interestRegime: 'none', principal: '0.10', creditorId: t.otherCreditor.id });
  const lost = await createTestClaim(ctx.db, t, d1.id, { interestRegime: 'none', principal: '999.99', currency: 'CHF', creditorId: t.otherCreditor.id });
  const base = { debtorId: d2.id, creditorId: t.creditor.id, currency: 'EUR' as const, valueDate: '2025-03-01', method: 'bank_transfer' as const };
  await recordPayment(ctx.db, admin, { ...base, amount: '80.00', claimIds: [paid.id] });
  await recordPayment(ctx.db, admin, { ...base, amount: '100.25', claimIds: [partly.id] });
  await updateClaim(ctx.db, admin, lost.id, { status: 'written_off' });
  // Noise in another tenant, which must never show.
  const foreign = await createTestDebtor(ctx.db, ctx.other);
  await createTestClaim(ctx.db, ctx.other, foreign.id, { interestRegime: 'none', principal: '5000.00' });
});
afterAll(async () => {
  await ctx.app.close();
});

describe('GET /api/dashboard', () => {
  it('requires a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('sums open claims per currency, never EUR and CHF together', async () => {
    const res = await ctx.operator({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(200);
    const dash = res.json();
    // Every balance was stored by the write that changed it: nothing waits for the nightly roll.
    expect(dash.pending).toBe(0);
    expect(dash.byCurrency).toEqual([
      { currency: 'CHF', count: 1, principal: '300.00', principalDue: '300.00', interestDue: '0.00', costsDue: '0.00', totalDue: '300.00' },
      { currency: 'EUR', count: 3, principal: '1250.60', principalDue: '1150.35', interestDue: '0.00', costsDue: '0.00', totalDue: '1150.35' },
    ]);
    expect(dash.byStatus).toEqual([
      { status: 'open', currency: 'CHF', count: 1, principal: '300.00', principalDue: '300.00', interestDue: '0.00', costsDue: '0.00', totalDue: '300.00' },
      { status: 'open', currency: 'EUR', count: 2, principal: '1000.10', principalDue: '1000.10', interestDue: '0.00', costsDue: '0.00', totalDue: '1000.10' },
      { status: 'paid', currency: 'EUR', count: 1, principal: '80.00', principalDue: '0.00', interestDue: '0.00', costsDue: '0.00', totalDue: '0.00' },
      { status: 'partially_paid', currency: 'EUR', count: 1, principal: '250.50', principalDue: '150.25', interestDue: '0.00', costsDue: '0.00', totalDue: '150.25' },
      { status: 'written_off', currency: 'CHF', count: 1, principal: '999.99', principalDue: '999.99', interestDue: '0.00', costsDue: '0.00', totalDue: '999.99' },
    ]);
    expect(dash.byCreditor).toEqual([
      { creditorId: t.creditor.id, creditorName: t.creditor.name, currency: 'EUR', count: 2, principal: '1250.50', principalDue: '1150.25', interestDue: '0.00', costsDue: '0.00', totalDue: '1150.25' },
      { creditorId: t.creditor.id, creditorName: t.creditor.name, currency: 'CHF', count: 1, principal: '300.00', principalDue: '300.00', interestDue: '0.00', costsDue: '0.00', totalDue: '300.00' },
      { creditorId: t.otherCreditor.id, creditorName: t.otherCreditor.name, currency: 'EUR', count: 1, principal: '0.10', principalDue: '0.10', interestDue: '0.00', costsDue: '0.00', totalDue: '0.10' },
    ]);
  });

  it('shows a viewer only its creditor’s figures', async () => {
    const dash = (await ctx.viewer({ method: 'GET', url: '/api/dashboard' })).json();
    expect(dash.byCurrency).toEqual([
      { currency: 'CHF', count: 1, principal: '300.00', principalDue: '300.00', interestDue: '0.00', costsDue: '0.00', totalDue: '300.00' },
      { currency: 'EUR', count: 2, principal: '1250.50', principalDue: '1150.25', interestDue: '0.00', costsDue: '0.00', totalDue: '1150.25' },
    ]);
    expect(dash.byStatus.map((s: { status: string; currency: string }) => `${s.status}/${s.currency}`)).toEqual([
      'open/CHF',
      'open/EUR',
      'paid/EUR',
      'partially_paid/EUR',
    ]);
    expect(dash.byCreditor.map((c: { creditorId: string }) => c.creditorId)).toEqual([t.creditor.id, t.creditor.id]);
  });

  it('shows another tenant only its own claims', async () => {
    const dash = (await ctx.outsider({ method: 'GET', url: '/api/dashboard' })).json();
    expect(dash.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dash.byCurrency).toEqual([{ currency: 'EUR', count: 1, principal: '5000.00', principalDue: '5000.00', interestDue: '0.00', costsDue: '0.00', totalDue: '5000.00' }]);
    expect(dash.byCreditor).toEqual([
      { creditorId: ctx.other.creditor.id, creditorName: ctx.other.creditor.name, currency: 'EUR', count: 1, principal: '5000.00', principalDue: '5000.00', interestDue: '0.00', costsDue: '0.00', totalDue: '5000.00' },
    ]);
  });

  it('adds the interest and costs due today, by the same engine as each claim', async () => {
    const d = await createTestDebtor(ctx.db, ctx.other, { kind: 'company', companyName: 'Interessi S.p.A.', taxCode: undefined, firstName: undefined, lastName: undefined });
    const c = await createTestClaim(ctx.db, ctx.other, d.id, { principal: '1000.00', dueDate: '2024-01-31' });
    const balance = (await ctx.outsider({ method: 'GET', url: `/api/claims/${c.id}` })).json().balance;
    expect(money(balance.interestDue).gt(0)).toBe(true);
    expect(balance.costsDue).toBe('40.00');
    const dash = (await ctx.outsider({ method: 'GET', url: '/api/dashboard' })).json();
    expect(dash.byCurrency).toEqual([
      {
        currency: 'EUR',
        count: 2,
        principal: '6000.00',
        principalDue: '6000.00',
        interestDue: balance.interestDue,
        costsDue: '40.00',
        totalDue: money(balance.totalDue).plus('5000.00').toFixed(2),
      },
    ]);
  });
});
