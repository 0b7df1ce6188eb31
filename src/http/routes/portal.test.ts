import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { createTestClaim, createTestDebtor } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';
import { compactPortal } from '../../usecases/portal/compact-portal.ts';

/**
 * The creditor portal's figures (issue 16 items 3 and 5) on a small hand-built portfolio: exact
 * amounts and rates, each with the claims filter behind it; a creditor's user sees only its own.
 */
let ctx: ApiContext;
const now = today();
const todayIso = now.toString();
const month = now.with({ day: 1 }).toString();
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

async function log(debtorId: string, kind: 'phone_attempt' | 'conversation', outcome: string) {
  await ctx.db
    .insertInto('contact_log')
    .values({ tenant_id: ctx.t.tenantId, debtor_id: debtorId, channel: 'desk', kind, local_date: todayIso, local_time: '10:00', allowed: true, actor_label: 'test', outcome })
    .execute();
}

describe('creditor portal figures', () => {
  it('progress, collections and KPIs of a hand-built portfolio are exact; every figure links to its claims', async () => {
    const { t, db } = ctx;
    const creditorId = t.creditor.id;
    const claim = async (principal: string, taxYear: number, dueDate: string) => {
      const d = await createTestDebtor(db, t);
      const c = await createTestClaim(db, t, d.id, { principal, taxYear, dueDate });
      return { debtorId: d.id, claimId: c.id };
    };
    // Not due yet (no interest: payments go to the carico), 45 days past due, 400 days past due.
    const soon = now.add({ days: 10 }).toString();
    const a = await claim('1000.00', 2025, soon);
    const b = await claim('500.00', 2025, soon);
    const c = await claim('300.00', 2025, soon);
    const d = await claim('200.00', 2024, soon);
    const e = await claim('100.00', 2024, now.subtract({ days: 45 }).toString());
    const f = await claim('80.00', 2024, now.subtract({ days: 45 }).toString());
    const g = await claim('20.00', 2024, now.subtract({ days: 400 }).toString());
    const pay = async (p: { debtorId: string; claimId: string }, amount: string) => {
      const r = await ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId: p.debtorId, creditorId, amount, currency: 'EUR', valueDate: todayIso, method: 'bank_transfer', claimIds: [p.claimId] } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string };
    };
    await pay(a, '400.00');
    const pb = await pay(b, '500.00');
    await pay(c, '300.00');
    const rev = await ctx.supervisor({ method: 'POST', url: `/api/payments/${pb.id}/reverse`, payload: { reason: 'addebito respinto' } });
    expect(rev.statusCode, rev.body).toBe(200);
    const plan = await ctx.operator({ method: 'POST', url: '/api/plans', payload: { claimIds: [d.claimId], count: 2 } });
    expect(plan.statusCode, plan.body).toBe(201);
    if (plan.json().state !== 'active') expect((await ctx.supervisor({ method: 'POST', url: `/api/plans/${plan.json().id}/approve`, payload: {} })).statusCode).toBe(200);
    expect((await ctx.admin({ method: 'PATCH', url: `/api/claims/${e.claimId}`, payload: { status: 'written_off' } })).statusCode).toBe(200);
    expect((await ctx.admin({ method: 'PATCH', url: `/api/claims/${f.claimId}`, payload: { status: 'disputed' } })).statusCode).toBe(200);
    await log(a.debtorId, 'conversation', 'RICHIAMARE');
    await log(b.debtorId, 'phone_attempt', 'NON_RISPONDE');
    await log(g.debtorId, 'phone_attempt', 'NUMERO_INESISTENTE');
    for (const [state, paid] of [['kept', '50.00'], ['broken', '0.00'], ['kept', '10.00']] as const) {
      await db.insertInto('promises').values({ tenant_id: t.tenantId, debtor_id: a.debtorId, amount: '50.00', currency: 'EUR', due_on: todayIso, grace_days: 0, made_on: todayIso, claim_ids: [a.claimId], state, paid, judged_on: todayIso }).execute();
    }

    const progress = await ctx.viewer({ method: 'GET', url: '/api/portal/progress' });
    expect(progress.statusCode, progress.body).toBe(200);
    const collections = await ctx.viewer({ method: 'GET', url: '/api/portal/collections' });
    expect(collections.statusCode, collections.body).toBe(200);
    const kpis = await ctx.viewer({ method: 'GET', url: '/api/portal/kpis' });
    expect(kpis.statusCode, kpis.body).toBe(200);
    const zero = { claims: 0, residual: '0.00' };
    const stages = (over: Record<string, { claims: number; residual: string }>) =>
      Object.fromEntries(['loaded', 'worked', 'reached', 'unreachable', 'promised', 'in_plan', 'paid', 'disputed', 'returned', 'written_off'].map((k) => [k, expect.objectContaining(over[k] ?? zero)]));
    // By hand. 2025: A 1000 (400 paid, reached), B 500 (paid and reversed, worked), C 300 (paid in full).
    //          2024: D 200 (in a plan), E 100 (written off), F 80 (disputed), G 20 (number inexistent).
    const rows = progress.json().rows;
    expect(rows.map((r: Record<string, unknown>) => [r.revenue, r.taxYear, r.claims, r.worked, r.reached, r.loaded, r.collected, r.annulled, r.residual, r.collectionRate, r.rpcRate])).toEqual([
      ['invoice', 2024, 4, 1, 0, '400.00', '0.00', '100.00', '300.00', '0.00', '0.00'],
      ['invoice', 2025, 3, 2, 1, '1800.00', '700.00', '0.00', '1100.00', '38.89', '50.00'],
    ]);
    rows.reverse();
    expect(rows[0].stages).toEqual(stages({ reached: { claims: 1, residual: '600.00' }, worked: { claims: 1, residual: '500.00' }, paid: { claims: 1, residual: '0.00' } }));
    expect(rows[1].stages).toEqual(stages({ in_plan: { claims: 1, residual: '200.00' }, written_off: { claims: 1, residual: '0.00' }, disputed: { claims: 1, residual: '80.00' }, unreachable: { claims: 1, residual: '20.00' } }));
    expect(rows[0].filter).toEqual({ creditorId, kind: 'invoice', taxYear: '2025', currency: 'EUR' });
    // loaded = collected + annulled + residual: 2200 = 700 + 100 + 1400.
    expect(progress.json().totals).toEqual([expect.objectContaining({ currency: 'EUR', claims: 7, loaded: '2200.00', collected: '700.00', collectedOther: '0.00', annulled: '100.00', residual: '1400.00', collectionRate: '33.33', rpcRate: '33.33' })]);

    // Collected this month: 400 + 500 + 300 − 500 (the reversal) = 700; the stair-step: 700 ÷ 2200 placed.
    expect(collections.json()).toEqual({
      month,
      perMonth: [{ month, currency: 'EUR', amount: '700.00', onLoad: '700.00' }],
      stairStep: [{ currency: 'EUR', placedMonth: month, loaded: '2200.00', steps: [{ k: 0, month, collected: '700.00', rate: '31.82' }] }],
    });

    const k = kpis.json();
    expect(k.promiseKeptRate).toMatchObject({ value: '66.67', numerator: '2', denominator: '3' });
    const eur = k.byCurrency[0];
    expect(eur.collectionRate).toMatchObject({ value: '33.33', numerator: '700.00', denominator: '2100.00' });
    expect(eur.rpcRate).toMatchObject({ value: '33.33', numerator: '1', denominator: '3' });
    expect(eur.averageDaysToCollect).toMatchObject({ value: '0.0', numerator: '0', denominator: '1' });
    // Open: A 600, B 500, D 200 not due; F 80 at 45 days; G 20 at 400 days. DSO = (80 × 45 + 20 × 400) ÷ 1400 = 8.29.
    expect(eur.ageing.map((b: { key: string; claims: number; residual: string }) => [b.key, b.claims, b.residual])).toEqual([
      ['not_due', 3, '1300.00'],
      ['1_30', 0, '0.00'],
      ['31_60', 1, '80.00'],
      ['61_90', 0, '0.00'],
      ['91_180', 0, '0.00'],
      ['181_365', 0, '0.00'],
      ['over_365', 1, '20.00'],
    ]);
    expect(eur.dso).toBe('8.3');
    expect(eur.expectedFromPlans).toMatchObject({ amount: '200.00', instalments: 2 });

    // Every figure's filter lists exactly its positions.
    const ids = async (filter: Record<string, string>) =>
      ((await ctx.viewer({ method: 'GET', url: `/api/claims?${new URLSearchParams({ ...filter, pageSize: '100' })}` })).json().items as { id: string }[]).map((x) => x.id).sort();
    expect(await ids(rows[0].stages.reached.filter)).toEqual([a.claimId]);
    expect(await ids(rows[1].stages.unreachable.filter)).toEqual([g.claimId]);
    expect(await ids(rows[1].filter)).toEqual([d.claimId, e.claimId, f.claimId, g.claimId].sort());
    expect(await ids(eur.rpcRate.filter)).toEqual([a.claimId, b.claimId, g.claimId].sort());
    expect(await ids(eur.ageing[2].filter)).toEqual([f.claimId]);
    expect(await ids(eur.expectedFromPlans.filter)).toEqual([d.claimId]);

    // Its own creditor only: another creditor is not found, as is any portal figure for an outsider.
    expect((await ctx.viewer({ method: 'GET', url: `/api/portal/progress?creditorId=${t.otherCreditor.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/portal/kpis?creditorId=${creditorId}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: '/api/portal/progress' })).json().rows).toEqual([]);
    // The agency sees the same figures when it names the creditor.
    expect((await ctx.operator({ method: 'GET', url: `/api/portal/progress?creditorId=${creditorId}` })).json()).toEqual(progress.json());

    // Exports: the table as CSV, and an XLSX whose bytes are the same twice.
    const csv = await ctx.viewer({ method: 'GET', url: '/api/portal/progress/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`${t.creditor.name};;;invoice;2025;EUR;3;2;1;1800.00;700.00;0.00;0.00;1100.00;38.89;50.00;0;1;1;0;0;0;1;0;0;0`);
    const x1 = await ctx.viewer({ method: 'GET', url: '/api/portal/progress/export?format=xlsx' });
    const x2 = await ctx.viewer({ method: 'GET', url: '/api/portal/progress/export?format=xlsx' });
    expect(x1.statusCode).toBe(200);
    expect(Buffer.compare(x1.rawPayload, x2.rawPayload)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x1.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(10).value).toBe(400);
  });

  it('the deltas equal a direct recomputation from the claims and allocations after a mixed sequence of writes, before and after compaction', async () => {
    const { t, db } = ctx;
    const creditorId = t.otherCreditor.id;
    const made: { debtorId: string; claimId: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const dbt = await createTestDebtor(db, t);
      const c = await createTestClaim(db, t, dbt.id, { creditorId, kind: i % 2 ? 'tari' : 'imu', taxYear: 2020 + (i % 3), principal: `${100 + i}.00`, dueDate: now.add({ days: 5 }).toString() });
      made.push({ debtorId: dbt.id, claimId: c.id });
    }
    const pay = (i: number, amount: string) =>
      ctx.operator({ method: 'POST', url: '/api/payments', payload: { debtorId: made[i]!.debtorId, creditorId, amount, currency: 'EUR', valueDate: todayIso, method: 'bank_transfer', claimIds: [made[i]!.claimId] } });
    const p0 = (await pay(0, '50.00')).json();
    await pay(1, '101.00');
    await pay(2, '10.00');
    const rev = await ctx.supervisor({ method: 'POST', url: `/api/payments/${p0.id}/reverse`, payload: { reason: 'respinto' } });
    expect(rev.statusCode, rev.body).toBe(200);
    await ctx.admin({ method: 'PATCH', url: `/api/claims/${made[3]!.claimId}`, payload: { status: 'written_off' } });
    await ctx.admin({ method: 'PATCH', url: `/api/claims/${made[4]!.claimId}`, payload: { principal: '150.00' } });
    await log(made[5]!.debtorId, 'conversation', 'RICHIAMARE');
    await log(made[5]!.debtorId, 'phone_attempt', 'NON_RISPONDE');
    await db.updateTable('claims').set({ status: 'returned' }).where('id', '=', made[2]!.claimId).execute();
    await db.deleteFrom('claims').where('id', '=', made[4]!.claimId).execute();

    const fromDeltas = async () =>
      (
        await sql<Record<string, string>>`
          select stage, tax_year::text, sum(claims)::text as n, sum(worked)::text as w, sum(reached)::text as r, sum(loaded)::numeric(20,2)::text as l,
                 sum(collected)::numeric(20,2)::text as c, sum(annulled)::numeric(20,2)::text as a, sum(residual)::numeric(20,2)::text as res
            from portfolio_progress_deltas where tenant_id = ${t.tenantId} and creditor_id = ${creditorId}
           group by 1, 2 having sum(claims) <> 0 order by 1, 2`.execute(db)
      ).rows;
    const direct = (
      await sql<Record<string, string>>`
        select portal_stage(status, worked_on, reached_on, unreachable_on) as stage, tax_year::text, count(*)::text as n, count(worked_on)::text as w, count(reached_on)::text as r,
               sum(principal)::numeric(20,2)::text as l, sum(principal_paid)::numeric(20,2)::text as c,
               sum(case when status = 'written_off' then principal - principal_paid else 0 end)::numeric(20,2)::text as a,
               sum(case when status in ('paid', 'written_off') then 0 else principal - principal_paid end)::numeric(20,2)::text as res
          from claims where tenant_id = ${t.tenantId} and creditor_id = ${creditorId}
         group by 1, 2 order by 1, 2`.execute(db)
    ).rows;
    expect(direct.map((r) => r.stage)).toEqual(expect.arrayContaining(['paid', 'returned', 'written_off', 'reached', 'loaded']));
    expect(await fromDeltas()).toEqual(direct);
    const collectedDeltas = async () =>
      (await sql<{ total: string }>`select coalesce(sum(on_load), 0)::numeric(20,2)::text as total from collection_deltas where tenant_id = ${t.tenantId} and creditor_id = ${creditorId}`.execute(db)).rows[0]!.total;
    const collectedDirect = (
      await sql<{ total: string }>`
        select coalesce(sum(a.amount), 0)::numeric(20,2)::text as total from payment_allocations a join payments p on p.id = a.payment_id join claims c on c.id = a.claim_id
         where c.tenant_id = ${t.tenantId} and c.creditor_id = ${creditorId} and p.reversed_at is null`.execute(db)
    ).rows[0]!.total;
    expect(collectedDirect).toBe('111.00');
    expect(await collectedDeltas()).toBe(collectedDirect);
    const open = async () =>
      (await sql<{ n: string; r: string }>`select sum(claims)::text as n, sum(residual)::numeric(20,2)::text as r from open_due_deltas where tenant_id = ${t.tenantId} and creditor_id = ${creditorId}`.execute(db)).rows[0];
    const openDirect = (
      await sql<{ n: string; r: string }>`select count(*)::text as n, sum(principal - principal_paid)::numeric(20,2)::text as r from claims
        where tenant_id = ${t.tenantId} and creditor_id = ${creditorId} and status in ('open', 'in_collection', 'promised', 'in_plan', 'disputed', 'partially_paid', 'legal')`.execute(db)
    ).rows[0];
    expect(await open()).toEqual(openDirect);

    const { before, after } = await compactPortal(db);
    expect(after).toBeLessThanOrEqual(before);
    expect(await fromDeltas()).toEqual(direct);
    expect(await collectedDeltas()).toBe(collectedDirect);
    expect(await open()).toEqual(openDirect);
  });
});
