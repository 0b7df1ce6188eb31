import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, setTestComponents, type TestTenant } from '../../test/factories.ts';
import { checkBalances, refreshBalances, rollBalances } from './balances.ts';

/**
 * The c.803 charges change with the day alone (3 % up to the 60th day after enforceability, 6 % after):
 * the stored balance of a position nothing happens to must move to the late band when the balances
 * job rolls it to day 61, and stay equal to the engine.
 */
let database: Database;
let t: TestTenant;
let claimId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  const debtorId = (await createTestDebtor(database.db, t)).id;
  claimId = (await createTestClaim(database.db, t, debtorId, { interestRegime: 'none', dueDate: '2026-01-10' })).id;
  // An accertamento esecutivo enforceable on 10 January 2026: day 60 is 11 March.
  await database.db
    .updateTable('claims')
    .set({ act_kind: 'accertamento_esecutivo', act_number: 'ACC/2025/7', act_date: '2025-11-01', act_notified_on: '2025-11-10', act_enforceable_on: '2026-01-10' })
    .where('id', '=', claimId)
    .execute();
  await setTestComponents(database.db, t, claimId, [
    { kind: 'tax', amount: '2000.00' },
    { kind: 'sanctions', amount: '500.00' },
    { kind: 'notification_costs', amount: '8.75' },
  ]);
});
afterAll(async () => {
  await database?.close();
});

const stored = () =>
  database.db
    .selectFrom('claim_balances')
    .select(['balance_on', 'principal_due', 'parts_due', 'costs_due', 'total_due'])
    .where('claim_id', '=', claimId)
    .executeTakeFirstOrThrow();

describe('the balances job and the c.803 bands', () => {
  it('a position with no events moves from 3 % to 6 % when the job rolls it to day 61', async () => {
    await database.db.transaction().execute((trx) => refreshBalances(trx, t.tenantId, [claimId], '2026-01-09'));
    expect(await stored()).toMatchObject({ balance_on: '2026-01-09', costs_due: '0.00', total_due: '2508.75' });
    // Enforceable: 3 % of 2,500 = 75.
    await rollBalances(database.db, '2026-01-10');
    expect(await stored()).toMatchObject({ balance_on: '2026-01-10', principal_due: '2508.75', parts_due: '508.75', costs_due: '75.00', total_due: '2583.75' });
    await rollBalances(database.db, '2026-03-11');
    expect(await stored()).toMatchObject({ balance_on: '2026-03-11', costs_due: '75.00', total_due: '2583.75' });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
    // Day 61: 6 % = 150.
    await rollBalances(database.db, '2026-03-12');
    expect(await stored()).toMatchObject({ balance_on: '2026-03-12', costs_due: '150.00', total_due: '2658.75' });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
    await rollBalances(database.db, '2026-06-30');
    expect(await stored()).toMatchObject({ balance_on: '2026-06-30', costs_due: '150.00', total_due: '2658.75' });
    expect((await checkBalances(database.db, { tenantId: t.tenantId })).differences).toEqual([]);
  });
});
