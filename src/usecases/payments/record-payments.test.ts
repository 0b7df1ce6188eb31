import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { checkBalances } from '../claims/balances.ts';
import { recordPayments } from './record-payments.ts';

let database: Database;
let t: TestTenant;
const N = 100;
const claims: { debtorId: string; claimId: string }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  for (let i = 0; i < N; i++) {
    const d = await createTestDebtor(database.db, t, { lastName: `Estratto${i}` });
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '300.00', dueDate: '2025-03-31' });
    claims.push({ debtorId: d.id, claimId: c.id });
  }
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const state = async () =>
  database.db
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.id', 'c.status', 'c.principal_paid', 'b.total_due'])
    .where('c.tenant_id', '=', t.tenantId)
    .orderBy('c.id')
    .execute();

describe('a bank statement books its payments in one transaction', () => {
  const line = (i: number, claimId = claims[i]!.claimId) => ({
    debtorId: claims[i]!.debtorId,
    creditorId: t.creditor.id,
    amount: '100.00',
    currency: 'EUR' as const,
    valueDate: '2025-06-30',
    method: 'bank_transfer' as const,
    reference: `ESTRATTO-2025-06 riga ${i + 1}`,
    claimIds: [claimId],
  });

  it('refuses the whole statement when its 99th payment is refused, naming it, and keeps nothing', async () => {
    const before = await state();
    const lines = claims.map((_, i) => line(i));
    // The 99th names a claim of another debtor.
    lines[98] = line(98, claims[0]!.claimId);
    const err = await recordPayments(database.db, t.users.admin.actor, lines).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields.map((f) => f.path)).toEqual(['payments.98.claimIds.0']);
    const payments = await database.db.selectFrom('payments').select('id').where('tenant_id', '=', t.tenantId).execute();
    expect(payments).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('books all 100 together, each claim’s stored balance current', async () => {
    const booked = await recordPayments(database.db, t.users.admin.actor, claims.map((_, i) => line(i)));
    expect(booked).toHaveLength(N);
    const after = await state();
    expect(after.every((c) => c.status === 'partially_paid' && c.principal_paid === '100.00' && c.total_due === '200.00')).toBe(true);
    const audit = await database.db.selectFrom('audit_events').select('id').where('tenant_id', '=', t.tenantId).where('action', '=', 'payment.recorded').execute();
    expect(audit).toHaveLength(N);
    const check = await checkBalances(database.db, { tenantId: t.tenantId });
    expect(check).toEqual({ checked: N, differences: [] });
  });
});
