import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { STRATEGY_TEMPLATES, type Strategy } from '../../domain/dunning/index.ts';
import type { ClaimStatus, Currency } from '../../domain/model.ts';
import { profileOf, type DebtorHistory } from '../../domain/risk/profile.ts';
import { classify, riskRulesOf } from '../../domain/risk/rules.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, useStrategy, type TestTenant } from '../../test/factories.ts';
import { runDunning } from '../dunning/run-dunning.ts';
import { markDebtorProfilesStale, refreshAllDebtorProfiles, refreshDebtorProfiles, refreshStaleDebtorProfiles, type BatchStats } from './refresh-debtor-profiles.ts';

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
      await db.insertInto('promises').values({ tenant_id: t.tenantId, debtor_id: d.id, amount: '100.00', currency: 'EUR', due_on: '2025-05-01', grace_days: 0, made_on: '2025-04-01', claim_ids: [...claims], state }).execute();
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

describe('the nightly refresh over a varied portfolio', () => {
  it('stores what the domain computes and classifies for every debtor, writes only what changed, drops what is gone', async () => {
    const t = await createTestTenant(db);
    const other = t.otherCreditor.id;
    // The other creditor's own thresholds: an invoice overdue 20 days is already B for it.
    const ownRules = { B: { ...riskRulesOf().B, overdueDays: 20 } };
    await db.updateTable('creditors').set({ risk_rules: JSON.stringify(ownRules) }).where('id', '=', other).execute();
    const debtor = async () => (await createTestDebtor(db, t)).id;
    // Only open claims, two currencies, one long overdue, one in negotiation, one not yet due.
    const open = await debtor();
    await claimOf(t, open, { principal: '1200.00', due: '2025-11-15', stage: 'negotiation' });
    await claimOf(t, open, { principal: '80.50', due: '2026-06-05', currency: 'CHF', creditor: other, status: 'partially_paid', paid: '30.25' });
    await claimOf(t, open, { principal: '99.99', due: '2026-08-01', creditor: other });
    // Twelve invoices paid, some on the same day (newest first by closing day, then by id), equal weights.
    const punctual = await debtor();
    for (let i = 0; i < 12; i++) {
      const due = `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`;
      await claimOf(t, punctual, { principal: '500.00', due, status: 'paid', closed: i % 4 === 0 ? '2026-02-01' : due, creditor: i % 3 === 0 ? other : undefined });
    }
    // Settled only in part of the history: a weighted median on an exact half, lateness in both years.
    const median = await debtor();
    await claimOf(t, median, { principal: '600.00', due: '2024-09-01', status: 'paid', closed: '2024-09-11' });
    await claimOf(t, median, { principal: '600.00', due: '2025-09-01', status: 'paid', closed: '2025-10-21' });
    await claimOf(t, median, { principal: '0.01', due: '2026-01-01', status: 'paid', closed: '2026-06-29' });
    await claimOf(t, median, { principal: '300.00', due: '2026-05-01', status: 'disputed' });
    // Nothing that counts: written off, returned, and a claim marked paid without its closing day.
    const nothing = await debtor();
    await claimOf(t, nothing, { principal: '10.00', due: '2024-01-01', status: 'written_off' });
    await claimOf(t, nothing, { principal: '20.00', due: '2024-02-01', status: 'returned', creditor: other });
    await claimOf(t, nothing, { principal: '30.00', due: '2024-03-01', status: 'paid' });
    // Promises over both creditors' claims, plans lapsed with one creditor, one still active.
    const promising = await debtor();
    const a = await claimOf(t, promising, { principal: '700.00', due: '2026-04-01' });
    const b = await claimOf(t, promising, { principal: '300.00', due: '2026-04-15', creditor: other });
    for (const [state, claims] of [['kept', [a, b]], ['broken', [b]], ['short', [a]], ['cancelled', [a]]] as const) {
      await db.insertInto('promises').values({ tenant_id: t.tenantId, debtor_id: promising, amount: '50.00', currency: 'EUR', due_on: '2026-05-01', grace_days: 3, made_on: '2026-04-20', claim_ids: [...claims], state }).execute();
    }
    for (const [state, lapsedOn] of [['lapsed', '2025-03-03'], ['lapsed', '2026-02-02'], ['active', null]] as const) {
      await db
        .insertInto('plans')
        .values({ tenant_id: t.tenantId, debtor_id: promising, creditor_id: t.creditor.id, claim_ids: [a], currency: 'EUR', total: '700.00', instalment_count: 3, state, rules: '{}', started_on: '2025-01-01', proposed_by: 'test', lapsed_on: lapsedOn })
        .execute();
    }
    const debtors = [open, punctual, median, nothing, promising];

    const rulesOf = (creditorId: string | null) => (creditorId === other ? riskRulesOf(undefined, ownRules) : riskRulesOf());
    const expectDomain = async () => {
      const rows = await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'risk_class', 'figures', 'reasons']).where('tenant_id', '=', t.tenantId).execute();
      for (const d of debtors) {
        const mine = rows.filter((r) => r.debtor_id === d);
        const creditors = [...new Set((await db.selectFrom('claims').select('creditor_id').where('debtor_id', '=', d).execute()).map((c) => c.creditor_id))];
        expect(mine.map((r) => r.creditor_id ?? '').sort()).toEqual(['', ...creditors].sort());
        for (const r of mine) {
          const figures = profileOf(await historyOf(t, d, r.creditor_id), AS_OF);
          expect(r.figures).toEqual(figures);
          const assessed = classify(figures, rulesOf(r.creditor_id));
          expect({ riskClass: r.risk_class, reasons: r.reasons }).toEqual({ riskClass: assessed.riskClass, reasons: assessed.reasons.map((m) => JSON.parse(JSON.stringify(m))) });
        }
      }
      return rows;
    };
    // The per-debtor path (a change's transaction) …
    await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, debtors, AS_OF));
    const perDebtor = await expectDomain();
    expect(perDebtor.find((r) => r.debtor_id === open && r.creditor_id === other)?.risk_class).toBe('B');
    // … and the nightly batches (three debtors each, two at a time) store the same.
    await db.deleteFrom('debtor_profiles').where('tenant_id', '=', t.tenantId).execute();
    const batches: BatchStats[] = [];
    const run = (asOf = AS_OF) => refreshAllDebtorProfiles(db, t.tenantId, asOf, { batch: 3, concurrency: 2, onBatch: (s) => batches.push(s) });
    const sum = (k: keyof BatchStats) => batches.reduce((n, s) => n + s[k], 0);
    expect(await run()).toBe(perDebtor.length);
    expect(sum('written')).toBe(perDebtor.length);
    const nightly = await expectDomain();
    const key = (r: { debtor_id: string; creditor_id: string | null }) => `${r.debtor_id}/${r.creditor_id}`;
    const sorted = (rows: typeof nightly) => [...rows].sort((x, y) => (key(x) < key(y) ? -1 : 1));
    expect(sorted(nightly)).toEqual(sorted(perDebtor));

    // Run again on the same day: nothing changed, nothing written.
    batches.length = 0;
    const stamps = await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'computed_at']).where('tenant_id', '=', t.tenantId).execute();
    expect(await run()).toBe(perDebtor.length);
    expect(sum('written')).toBe(0);
    expect(await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'computed_at']).where('tenant_id', '=', t.tenantId).execute()).toEqual(stamps);

    // The promising debtor's claim with the other creditor goes to the first one: its profile with the
    // other creditor is dropped, the one with the first rewritten; over all its creditors nothing moved.
    await db.updateTable('claims').set({ creditor_id: t.creditor.id }).where('id', '=', b).execute();
    await db.updateTable('plans').set({ creditor_id: t.creditor.id }).where('debtor_id', '=', promising).execute();
    batches.length = 0;
    expect(await run()).toBe(perDebtor.length - 1);
    expect({ written: sum('written'), removed: sum('removed') }).toEqual({ written: 1, removed: 1 });
    await expectDomain();
  });
});

describe('strategy steps limited to a risk class', () => {
  it('a step for class D runs only for class D debtors', async () => {
    const b2b = STRATEGY_TEMPLATES['it-b2b'];
    const onlyD: Strategy = { name: 'Solo classe D', steps: [{ ...b2b.steps[0]!, conditions: { riskClasses: ['D'] } }] };
    const t = await createTestTenant(db);
    await useStrategy(db, t, onlyD);
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

describe('profiles marked stale (a bank file marks the debtors it paid)', () => {
  it('are refreshed by refreshStaleDebtorProfiles in batches, marks and all, as a crash left them', async () => {
    const t = await createTestTenant(db);
    const debtors: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await createTestDebtor(db, t);
      for (let k = 0; k < 3; k++) await claimOf(t, d.id, { principal: '300.00', due: '2026-01-01', status: 'paid', closed: i ? '2026-04-01' : '2026-01-01' });
      debtors.push(d.id);
    }
    const other = await createTestTenant(db);
    const od = await createTestDebtor(db, other);
    await claimOf(other, od.id, { principal: '100.00', due: '2026-01-01' });
    // As a killed import leaves them: claims changed and the debtors marked in the same transaction, no profile refreshed.
    await db.deleteFrom('debtor_profiles').where('tenant_id', 'in', [t.tenantId, other.tenantId]).execute();
    await db.transaction().execute((trx) => markDebtorProfilesStale(trx, t.tenantId, [...debtors, debtors[0]!]));
    await db.transaction().execute((trx) => markDebtorProfilesStale(trx, other.tenantId, [od.id]));
    // Marking again keeps one mark per debtor.
    await db.transaction().execute((trx) => markDebtorProfilesStale(trx, t.tenantId, [debtors[1]!]));
    expect(await db.selectFrom('debtor_profiles_stale').select('debtor_id').where('tenant_id', '=', t.tenantId).execute()).toHaveLength(3);

    // One tenant's marks, two debtors per transaction.
    expect(await refreshStaleDebtorProfiles(db, t.tenantId, { batch: 2, asOf: AS_OF })).toBe(3);
    expect(await db.selectFrom('debtor_profiles_stale').select('debtor_id').where('tenant_id', '=', t.tenantId).execute()).toHaveLength(0);
    expect((await stored(t.tenantId, debtors[0]!)).map((r) => r.risk_class)).toEqual(['A', 'A']);
    expect((await stored(t.tenantId, debtors[1]!)).map((r) => r.risk_class)).toEqual(['D', 'D']);
    // The same figures as refreshed directly.
    const marked = await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'risk_class', 'figures', 'reasons']).where('tenant_id', '=', t.tenantId).orderBy('debtor_id').orderBy('creditor_id').execute();
    await db.deleteFrom('debtor_profiles').where('tenant_id', '=', t.tenantId).execute();
    await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, debtors, AS_OF));
    expect(await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'risk_class', 'figures', 'reasons']).where('tenant_id', '=', t.tenantId).orderBy('debtor_id').orderBy('creditor_id').execute()).toEqual(marked);
    // Two workers at once (a bank file's end on PostgreSQL): each mark taken by one of them, once; the same profiles.
    await db.deleteFrom('debtor_profiles').where('tenant_id', '=', t.tenantId).execute();
    await db.transaction().execute((trx) => markDebtorProfilesStale(trx, t.tenantId, debtors));
    expect(await refreshStaleDebtorProfiles(db, t.tenantId, { batch: 1, workers: 2, asOf: AS_OF })).toBe(3);
    expect(await db.selectFrom('debtor_profiles_stale').select('debtor_id').where('tenant_id', '=', t.tenantId).execute()).toHaveLength(0);
    expect(await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'risk_class', 'figures', 'reasons']).where('tenant_id', '=', t.tenantId).orderBy('debtor_id').orderBy('creditor_id').execute()).toEqual(marked);
    // The other tenant's mark waited; the job's call (every tenant) takes it.
    expect(await stored(other.tenantId, od.id)).toHaveLength(0);
    expect(await refreshStaleDebtorProfiles(db, undefined, { asOf: AS_OF })).toBeGreaterThanOrEqual(1);
    expect(await stored(other.tenantId, od.id)).toHaveLength(2);
    expect(await db.selectFrom('debtor_profiles_stale').select('debtor_id').where('tenant_id', '=', other.tenantId).execute()).toHaveLength(0);
  });
});
