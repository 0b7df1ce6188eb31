import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { claimReferences, formatRf, PLAN_INSTALMENT_REFERENCE_PREFIX } from '../../domain/dunning/references.ts';
import { camtXml, type CamtEntryInput } from '../../test/camt.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { planFill } from '../plans/plan-fill.ts';
import { proposePlan } from '../plans/propose-plan.ts';
import { importBankFile } from './import-bank-file.ts';

/**
 * A bank credit carrying a plan instalment's reference (the RF of its slip, or for a comune the
 * codice avviso of its pagoPA notice) is a payment on the plan's positions, allocated by the engine,
 * which fills the plan's instalments (issue 15 item 1: the slip per instalment is matched).
 */
let database: Database;
let t: TestTenant;
let other: TestTenant;
const TODAY = '2026-12-01';
/** The day the statements are read: after the payments' value dates. */
const READ_ON = '2027-02-01';

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  other = await createTestTenant(database.db);
  await database.db
    .updateTable('creditors')
    .set({ tax_code: fakePartitaIva(5151), pagopa: JSON.stringify({ noticeMode: 'generated', segregationCode: '12' }) })
    .where('id', '=', t.otherCreditor.id)
    .execute();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const file = (entries: CamtEntryInput[]) => ({ name: 'rate.xml', bytes: new TextEncoder().encode(camtXml({ entries, account: 'IT60X0542811101000000123456', version: '08' })) });
const instalments = (planId: string) => database.db.selectFrom('plan_instalments').select(['number', 'ref_no', 'notice_code']).where('plan_id', '=', planId).orderBy('number').execute();
const allocated = (claimId: string) =>
  database.db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select(['p.amount', 'p.value_date'])
    .where('a.claim_id', '=', claimId)
    .orderBy('p.value_date')
    .execute();
const fillOf = (plan: { id: string; claimIds: string[]; startedOn: string }, tenantId: string, asOf: string) =>
  database.db.transaction().execute((trx) => planFill(trx, { id: plan.id, tenant_id: tenantId, claim_ids: plan.claimIds, started_on: plan.startedOn }, asOf));

describe('bank import: an instalment’s reference pays the plan', () => {
  it('the RF of an instalment’s slip (structured, or in the text) becomes a payment on the plan’s positions, filling its instalments', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Rateale' });
    const a = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2026-03-31' });
    const b = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '100.00', dueDate: '2026-04-30' });
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id, b.id], count: 3, firstDueOn: '2026-12-31' }, { today: TODAY });
    expect(plan.state).toBe('active');
    const rows = await instalments(plan.id);
    const rf = (n: number) => claimReferences(rows[n - 1]!.ref_no, PLAN_INSTALMENT_REFERENCE_PREFIX).rf;
    // Another tenant's plan instalment: a valid reference of ours, but not this tenant's.
    const od = await createTestDebtor(database.db, other, { lastName: 'Altrove' });
    const oc = await createTestClaim(database.db, other, od.id, { interestRegime: 'none', principal: '300.00', dueDate: '2026-03-31' });
    const foreign = await proposePlan(database.db, other.users.operator.actor, { claimIds: [oc.id], count: 3 }, { today: TODAY });
    const foreignRf = claimReferences((await instalments(foreign.id))[0]!.ref_no, PLAN_INSTALMENT_REFERENCE_PREFIX).rf;

    const result = await importBankFile(
      database.db,
      t.users.operator.actor,
      file([
        { amount: '100.00', acctSvcrRef: 'P1', valueDate: '2026-12-20', txs: [{ amount: '100.00', reference: rf(1), name: 'Rateale Mario' }] },
        { amount: '100.00', acctSvcrRef: 'P2', valueDate: '2027-01-25', txs: [{ amount: '100.00', text: [`rata 2 ${formatRf(rf(2))}`], name: 'Rateale Mario' }] },
        { amount: '100.00', acctSvcrRef: 'P3', valueDate: '2027-01-26', txs: [{ amount: '100.00', reference: foreignRf, name: 'Qualcuno' }] },
      ]),
      { today: READ_ON },
    );
    expect(result).toMatchObject({ status: 'done', entries: 3, matched: 2, toReconcile: 1, problems: [] });
    const entries = await database.db.selectFrom('bank_entries').select(['entry_key', 'state', 'matched_by', 'claim_ids']).where('file_id', '=', result.fileId).orderBy('entry_key').execute();
    expect(entries.map((e) => [e.entry_key, e.state, e.matched_by])).toEqual([
      ['a:P1', 'matched', 'reference'],
      ['a:P2', 'matched', 'reference'],
      ['a:P3', 'to_reconcile', null],
    ]);
    expect([...entries[0]!.claim_ids!].sort()).toEqual([a.id, b.id].sort());
    // Allocated by the engine over the plan's positions (oldest due first): 200 to a, then b.
    expect((await allocated(a.id)).map((p) => p.value_date)).toEqual(['2026-12-20', '2027-01-25']);
    expect(await allocated(b.id)).toEqual([]);
    // The plan's instalments are filled from what its positions received.
    const fill = await fillOf(plan, t.tenantId, '2027-01-31');
    expect(fill.paid).toBe('200.00');
    expect(fill.statuses.map((s) => [s.number, s.paid, s.state])).toEqual([
      [1, '100.00', 'paid'],
      [2, '100.00', 'paid'],
      [3, '0.00', 'due'],
    ]);
  });

  it('a comune’s instalment notice code (codice avviso) as the reference pays that plan', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Tarista' });
    const c = await createTestClaim(database.db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal: '450.00', dueDate: '2026-12-20' });
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [c.id], count: 4 }, { today: TODAY });
    expect(plan.state).toBe('active');
    const rows = await instalments(plan.id);
    expect(rows.every((r) => r.notice_code !== null)).toBe(true);
    const result = await importBankFile(
      database.db,
      t.users.operator.actor,
      file([{ amount: '112.50', acctSvcrRef: 'T1', valueDate: '2026-12-28', txs: [{ amount: '112.50', text: [`/RFB/${rows[0]!.notice_code!.slice(1)}/112.50/TXT/TARI rata 1`] }] }]),
      { today: READ_ON },
    );
    expect(result).toMatchObject({ entries: 1, matched: 1 });
    // One payment (a comune's act splits it over its components' allocation rows), on the plan's position.
    const payments = await database.db.selectFrom('payments').select(['amount', 'method']).where('debtor_id', '=', d.id).execute();
    expect(payments).toEqual([{ amount: '112.50', method: 'bank_transfer' }]);
    expect(new Set((await database.db.selectFrom('payment_allocations').select('claim_id').where('tenant_id', '=', t.tenantId).where('claim_id', '=', c.id).execute()).map((r) => r.claim_id)).size).toBe(1);
    const fill = await fillOf(plan, t.tenantId, '2027-01-05');
    expect(fill.statuses[0]).toMatchObject({ number: 1, paid: '112.50', state: 'paid' });
  });
});
