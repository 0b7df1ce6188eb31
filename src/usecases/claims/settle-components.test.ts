import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, setTestComponents, type TestTenant } from '../../test/factories.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { checkBalances, rollBalances } from './balances.ts';
import { claimStatementPdf, getClaimStatement } from './get-claim-statement.ts';
import { updateClaim } from './update-claim.ts';
import { AppError } from '../../domain/errors.ts';
import { up } from '../../db/migrations/0041_single_component_allocations.ts';

let database: Database;
let t: TestTenant;
let debtorId: string;
let claimId: string;
let ids: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  debtorId = (await createTestDebtor(database.db, t)).id;
  // A comune's act, due 31 January 2026: tax accruing 5 % (a fixed rate keeps the figures round),
  // sanctions, the act's interest and notification costs, none of which accrue.
  claimId = (await createTestClaim(database.db, t, debtorId, { interestRegime: 'fixed', interestRate: '5', dueDate: '2026-01-31' })).id;
  const rows = await setTestComponents(database.db, t, claimId, [
    { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
    { kind: 'sanctions', amount: '300.00', tributeCode: '3924' },
    { kind: 'act_interest', amount: '85.50', tributeCode: '3923' },
    { kind: 'notification_costs', amount: '10.00' },
  ]);
  ids = Object.fromEntries(rows.map((r) => [r.kind, r.id]));
});
afterAll(async () => {
  await database?.close();
});

const pay = (amount: string, valueDate: string) =>
  recordPayment(database.db, t.users.admin.actor, {
    debtorId,
    creditorId: t.creditor.id,
    amount,
    currency: 'EUR',
    valueDate,
    method: 'bank_transfer',
    claimIds: [claimId],
  });

const allocations = (paymentId: string) =>
  database.db
    .selectFrom('payment_allocations')
    .select(['component', 'component_id', 'amount'])
    .where('tenant_id', '=', t.tenantId)
    .where('payment_id', '=', paymentId)
    .orderBy('component')
    .execute();

const componentsPaid = async () =>
  Object.fromEntries(
    (await database.db.selectFrom('claim_components').select(['kind', 'paid']).where('claim_id', '=', claimId).execute()).map((r) => [r.kind, r.paid]),
  );

const sums = () =>
  database.db
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.principal', 'c.principal_paid', 'c.interest_paid', 'c.costs_paid', 'c.status', 'b.principal_due', 'b.parts_due', 'b.interest_due', 'b.total_due', 'b.balance_on'])
    .where('c.id', '=', claimId)
    .executeTakeFirstOrThrow();

describe("a comune's act paid per component", () => {
  let first: string;

  it('a first payment settles notification costs, the act’s interest, accrued interest, then sanctions — one row per component', async () => {
    first = (await pay('100.00', '2026-03-02')).id;
    // 30 days on the €1,000 tax at 5 % = €4.11; €100 − 10 − 85.50 − 4.11 = €0.39 of sanctions.
    expect(await allocations(first)).toEqual([
      { component: 'act_interest', component_id: ids.act_interest, amount: '85.50' },
      { component: 'interest', component_id: null, amount: '4.11' },
      { component: 'notification_costs', component_id: ids.notification_costs, amount: '10.00' },
      { component: 'sanctions', component_id: ids.sanctions, amount: '0.39' },
    ]);
    expect(await componentsPaid()).toEqual({ tax: '0.00', sanctions: '0.39', act_interest: '85.50', notification_costs: '10.00' });
    expect(await sums()).toMatchObject({
      principal: '1395.50',
      principal_paid: '95.89',
      interest_paid: '4.11',
      status: 'partially_paid',
      principal_due: '1299.61',
      parts_due: '299.61',
    });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });

  it('rolled to a later day, interest runs on the tax only, as the engine has it', async () => {
    await rollBalances(database.db, '2027-06-30');
    // 485 days on €1,000 at 5 % = €66.44 (on €1,299.61 it would be €86.35).
    expect(await sums()).toMatchObject({ balance_on: '2027-06-30', interest_due: '66.44', total_due: '1366.05' });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });

  it('a second payment settles the sanctions left, the accrued interest, then tax; the first stays as booked', async () => {
    const second = (await pay('700.00', '2026-04-30')).id;
    // 59 days on €1,000 = €8.08; €299.61 sanctions; €392.31 tax.
    expect(await allocations(second)).toEqual([
      { component: 'interest', component_id: null, amount: '8.08' },
      { component: 'principal', component_id: ids.tax, amount: '392.31' },
      { component: 'sanctions', component_id: ids.sanctions, amount: '299.61' },
    ]);
    expect((await allocations(first)).map((r) => r.amount)).toEqual(['85.50', '4.11', '10.00', '0.39']);
    expect(await componentsPaid()).toEqual({ tax: '392.31', sanctions: '300.00', act_interest: '85.50', notification_costs: '10.00' });
    expect(await sums()).toMatchObject({ principal_paid: '787.81', interest_paid: '12.19', costs_paid: '0.00', principal_due: '607.69', parts_due: '0.00' });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
    await rollBalances(database.db, '2027-06-30');
    // 426 days on the €607.69 of tax left = €35.46.
    expect(await sums()).toMatchObject({ balance_on: '2027-06-30', interest_due: '35.46', total_due: '643.15' });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });

  it('the statement shows each component with amount, paid, waived and due, and each payment split onto them', async () => {
    const view = await getClaimStatement(database.db, t.users.admin.actor, claimId, { asOf: '2027-06-30' });
    expect(view.components.map(({ kind, tributeCode, accruesInterest, amount, paid, waived, due }) => ({ kind, tributeCode, accruesInterest, amount, paid, waived, due }))).toEqual([
      { kind: 'tax', tributeCode: '3918', accruesInterest: true, amount: '1000.00', paid: '392.31', waived: '0.00', due: '607.69' },
      { kind: 'sanctions', tributeCode: '3924', accruesInterest: false, amount: '300.00', paid: '300.00', waived: '0.00', due: '0.00' },
      { kind: 'act_interest', tributeCode: '3923', accruesInterest: false, amount: '85.50', paid: '85.50', waived: '0.00', due: '0.00' },
      { kind: 'notification_costs', tributeCode: null, accruesInterest: false, amount: '10.00', paid: '10.00', waived: '0.00', due: '0.00' },
    ]);
    expect(view.componentSplits).toEqual([
      {
        date: '2026-03-02',
        amount: '100.00',
        components: [
          { componentId: ids.sanctions, kind: 'sanctions', amount: '0.39' },
          { componentId: ids.act_interest, kind: 'act_interest', amount: '85.50' },
          { componentId: ids.notification_costs, kind: 'notification_costs', amount: '10.00' },
        ],
      },
      { date: '2026-04-30', amount: '700.00', components: [{ componentId: ids.tax, kind: 'tax', amount: '392.31' }, { componentId: ids.sanctions, kind: 'sanctions', amount: '299.61' }] },
    ]);
    expect(view.statement.payments.map((p) => [p.interest, p.principal, p.parts])).toEqual([
      ['4.11', '0.00', { sanctions: '0.39', act_interest: '85.50', notification_costs: '10.00' }],
      ['8.08', '392.31', { sanctions: '299.61', act_interest: '0.00', notification_costs: '0.00' }],
    ]);
    expect(view.statement.totalDue).toBe('643.15');
    // The PDF prints each part's due among the totals (its labels from the municipal catalogue).
    const { pdf } = await claimStatementPdf(database.db, t.users.admin.actor, claimId, { asOf: '2027-06-30', lang: 'de' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("refuses to change an act's amount as a whole: it is the sum of its components", async () => {
    const { version } = await database.db.selectFrom('claims').select('version').where('id', '=', claimId).executeTakeFirstOrThrow();
    const err = await updateClaim(database.db, t.users.admin.actor, claimId, { version, principal: '2000.00' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields.map((f) => [f.path, f.messageCode])).toEqual([['principal', 'claim.principal_of_components']]);
    expect(await sums()).toMatchObject({ principal: '1395.50' });
  });

  it('a claim of one accruing component of another kind (tax alone) settles on that component: its allocations name it and its paid amount follows', async () => {
    const only = (await createTestClaim(database.db, t, debtorId, { interestRegime: 'fixed', interestRate: '5', dueDate: '2026-01-31', principal: '400.00' })).id;
    const [tax] = await setTestComponents(database.db, t, only, [{ kind: 'tax', amount: '400.00', tributeCode: '3944' }]);
    const p = await recordPayment(database.db, t.users.admin.actor, { debtorId, creditorId: t.creditor.id, amount: '150.00', currency: 'EUR', valueDate: '2026-01-31', method: 'bank_transfer', claimIds: [only] });
    expect(await allocations(p.id)).toEqual([{ component: 'principal', component_id: tax!.id, amount: '150.00' }]);
    const k = await database.db.selectFrom('claim_components').select('paid').where('id', '=', tax!.id).executeTakeFirstOrThrow();
    expect(k.paid).toBe('150.00');
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });

  it('migration 0041 links the allocations of such a claim stored before (no component named, the component unpaid) and sets what is paid on it', async () => {
    const only = (await createTestClaim(database.db, t, debtorId, { interestRegime: 'fixed', interestRate: '5', dueDate: '2026-01-31', principal: '250.00' })).id;
    const [tax] = await setTestComponents(database.db, t, only, [{ kind: 'tax', amount: '250.00', tributeCode: '3944' }]);
    const p = await recordPayment(database.db, t.users.admin.actor, { debtorId, creditorId: t.creditor.id, amount: '90.00', currency: 'EUR', valueDate: '2026-01-31', method: 'bank_transfer', claimIds: [only] });
    // The rows as the ledger wrote them before the fix.
    await database.db.updateTable('payment_allocations').set({ component_id: null }).where('payment_id', '=', p.id).execute();
    await database.db.updateTable('claim_components').set({ paid: '0.00' }).where('id', '=', tax!.id).execute();
    const actBefore = await componentsPaid();
    await up(database.db as never);
    expect(await allocations(p.id)).toEqual([{ component: 'principal', component_id: tax!.id, amount: '90.00' }]);
    expect((await database.db.selectFrom('claim_components').select('paid').where('id', '=', tax!.id).executeTakeFirstOrThrow()).paid).toBe('90.00');
    // A comune's act of several components is left as it is.
    expect(await componentsPaid()).toEqual(actBefore);
  });
});
