import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { STRATEGY_TEMPLATES, type Strategy } from '../../domain/dunning/index.ts';
import type { ClaimStatus, Currency } from '../../domain/model.ts';
import { profileOf, type DebtorHistory } from '../../domain/risk/profile.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { runDunning } from '../dunning/run-dunning.ts';
import { refreshAllDebtorProfiles, refreshDebtorProfiles } from './refresh-debtor-profiles.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

const AS_OF = '2026-06-30';

async function claimOf(t: TestTenant, debtorId: string, c: { creditor?: string; principal: string; due: string; status?: ClaimStatus; closed?: string; paid?: string; currency?: Currency; stage?: string }) {
  const claim = await createTestClaim(db, t, debtorId, { creditorId: c.creditor ?? t.creditor.id, principal: c.principal, dueDate: c.due, currency: c.currency ?? 'EUR' });
  await db
    .updateTable('claims')
    .set({
      status: c.status ?? 'open',
      closed_on: c.closed ?? null,
      principal_paid: c.status === 'paid' ? c.principal : (c.paid ?? '0.00'),
      stage: c.stage ?? 'soft',
    })
    .where('id', '=', claim.id)
    .execute();
  return claim.id;
}

/** The same history as the stored figures, read back for the domain function (one creditor or all). */
async function historyOf(t: TestTenant, debtorId: string, creditorId: string | null): Promise<DebtorHistory> {
  let q = db.selectFrom('claims').selectAll().where('tenant_id', '=', t.tenantId).where('debtor_id', '=', debtorId);
  if (creditorId) q = q.where('creditor_id', '=', creditorId);
  const claims = await q.execute();
  const ids = new Set(claims.map((c) => c.id));
  const promises = (await db.selectFrom('promises').select(['state', 'claim_ids']).where('debtor_id', '=', debtorId).execute()).filter((p) => !creditorId || p.claim_ids.some((id) => ids.has(id)));
  let pq = db.selectFrom('plans').select(['state', 'lapsed_on']).where('debtor_id', '=', debtorId);
  if (creditorId) pq = pq.where('creditor_id', '=', creditorId);
  return {
    claims: claims.map((c) => ({
      id: c.id,
      currency: c.currency,
      principal: c.principal,
      principalPaid: c.principal_paid,
      dueDate: c.due_date,
      status: c.status as ClaimStatus,
      closedOn: c.closed_on,
      stage: c.stage,
    })),
    promises: promises.map((p) => ({ state: p.state })),
    plans: (await pq.execute()).map((p) => ({ state: p.state, lapsedOn: p.lapsed_on })),
  };
}

const stored = (tenantId: string, debtorId: string) =>
  db.selectFrom('debtor_profiles').select(['creditor_id', 'risk_class', 'figures', 'reasons']).where('tenant_id', '=', tenantId).where('debtor_id', '=', debtorId).execute();

describe('profiles computed in SQL', () => {
  it('equal the domain’s profileOf, per debtor and per debtor × creditor, and carry the class', async () => {
    const t = await createTestTenant(db);
    const d = await createTestDebtor(db, t);
    const other = t.otherCreditor.id;
    const c1 = await claimOf(t, d.id, { principal: '1000.00', due: '2025-01-10', status: 'paid', closed: '2025-01-10' });
    await claimOf(t, d.id, { principal: '3000.00', due: '2025-03-01', status: 'paid', closed: '2025-03-31' });
    await claimOf(t, d.id, { principal: '1000.00', due: '2025-09-01', status: 'paid', closed: '2025-11-15', creditor: other });
    await claimOf(t, d.id, { principal: '500.00', due: '2025-10-01', status: 'paid', closed: '2026-01-05' });
    const c5 = await claimOf(t, d.id, { principal: '2000.00', due: '2026-03-31', stage: 'negotiation' });
    await claimOf(t, d.id, { principal: '400.00', due: '2026-07-15', status: 'partially_paid', paid: '100.00', currency: 'CHF', creditor: other });
    await claimOf(t, d.id, { principal: '999.00', due: '2024-01-01', status: 'written_off' });
    await claimOf(t, d.id, { principal: '250.00', due: '2026-06-01', status: 'disputed', creditor: other });
    await claimOf(t, d.id, { principal: '700.00', due: '2025-02-01', status: 'paid', closed: '2025-02-01', creditor: other });
    for (const [state, claims] of [['kept', [c1]], ['broken', [c5]], ['short', [c5]], ['pending', [c1]]] as const) {
      await db.insertInto('promises').values({ tenant_id: t.tenantId, debtor_id: d.id, amount: '100.00', due_on: '2025-05-01', grace_days: 0, made_on: '2025-04-01', claim_ids: [...claims], state }).execute();
    }
    for (const [creditor, lapsedOn] of [[t.creditor.id, '2024-05-10'], [other, '2025-11-20']] as const) {
      await db
        .insertInto('plans')
        .values({ tenant_id: t.tenantId, debtor_id: d.id, creditor_id: creditor, claim_ids: [c5], currency: 'EUR', total: '100.00', instalment_count: 2, state: 'lapsed', rules: '{}', started_on: '2024-01-01', proposed_by: 'test', lapsed_on: lapsedOn })
        .execute();
    }

    await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, [d.id], AS_OF));
    const rows = await stored(t.tenantId, d.id);
    expect(rows.map((r) => r.creditor_id).sort()).toEqual([t.creditor.id, other, null].sort());
    for (const r of rows) expect(r.figures).toEqual(profileOf(await historyOf(t, d.id, r.creditor_id), AS_OF));
    const whole = rows.find((r) => r.creditor_id === null)!;
    expect(whole.risk_class).toBe('D');
    expect(whole.reasons[0]).toEqual({ code: 'risk.reason_plans_lapsed', params: { count: 2, year: '2025' } });

    // The nightly run over every debtor stores the same.
    await db.deleteFrom('debtor_profiles').where('tenant_id', '=', t.tenantId).execute();
    expect(await refreshAllDebtorProfiles(db, t.tenantId, AS_OF, { batch: 1 })).toBe(3);
    expect((await stored(t.tenantId, d.id)).find((r) => r.creditor_id === null)?.figures).toEqual(whole.figures);
  });
});

describe('strategy steps limited to a risk class', () => {
  it('a step for class D runs only for class D debtors', async () => {
    const b2b = STRATEGY_TEMPLATES['it-b2b'];
    const onlyD: Strategy = { name: 'Solo classe D', steps: [{ ...b2b.steps[0]!, conditions: { riskClasses: ['D'] } }] };
    const t = await createTestTenant(db);
    await db
      .updateTable('creditors')
      .set({ address_line1: 'Via Roma 1', postal_code: '20121', city: 'Milano', province: 'MI', country: 'IT', email: 'crediti@mandante.example', iban: 'IT60X0542811101000000123456' })
      .where('id', '=', t.creditor.id)
      .execute();
    await db.insertInto('strategies').values({ tenant_id: t.tenantId, creditor_id: t.creditor.id, name: onlyD.name, steps: JSON.stringify(onlyD.steps), active: true }).execute();
    const debtors: string[] = [];
    for (const late of [true, false]) {
      const d = await createTestDebtor(db, t);
      await db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: `d${debtors.length}@example.it`, consent: 'unknown', third_party: false }).execute();
      // Three invoices paid 90 days late (D), or three paid on the day.
      for (let i = 0; i < 3; i++) await claimOf(t, d.id, { principal: '300.00', due: '2026-01-01', status: 'paid', closed: late ? '2026-04-01' : '2026-01-01' });
      await createTestClaim(db, t, d.id, { dueDate: '2026-09-01' });
      debtors.push(d.id);
    }
    const [bad, good] = debtors as [string, string];
    // Creating the claims stored the profiles already (refreshed in their transaction); as of the run's day:
    expect(await db.selectFrom('debtor_profiles').select('debtor_id').where('tenant_id', '=', t.tenantId).execute()).toHaveLength(4);
    await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, debtors, '2026-10-15'));
    expect((await stored(t.tenantId, bad)).map((r) => r.risk_class)).toEqual(['D', 'D']);
    // The open invoice 44 days overdue keeps the punctual payer at B.
    expect((await stored(t.tenantId, good)).map((r) => r.risk_class)).toEqual(['B', 'B']);
    const run = await runDunning(db, { date: '2026-10-15', tenantId: t.tenantId, time: '10:00' });
    expect(run.actions.map((a) => a.debtorId)).toEqual([bad]);
  });
});
