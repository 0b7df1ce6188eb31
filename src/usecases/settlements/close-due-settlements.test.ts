import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { auditOf, createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { closeDueSettlements } from './close-due-settlements.ts';
import { proposeSettlement } from './propose-settlement.ts';

/** The daily close of settlements (issue 15 item 3): paid → written off, past the deadline unpaid → expired; never twice. */
let database: Database;
let t: TestTenant;
beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const company = (name: string) => createTestDebtor(database.db, t, { kind: 'company', companyName: `${name} S.r.l.`, taxCode: undefined, firstName: undefined, lastName: undefined });
const stateOf = async (id: string) => (await database.db.selectFrom('settlements').select(['state', 'paid_on']).where('id', '=', id).executeTakeFirstOrThrow());
const claimOf = async (id: string) => await database.db.selectFrom('claims').select(['status', 'closed_on']).where('id', '=', id).executeTakeFirstOrThrow();

describe('closeDueSettlements (the close-settlements job)', () => {
  it('closes the paid one (remainder written off), expires the unpaid one past its deadline, leaves the open one; a second run does nothing', async () => {
    // TV-IT-04: EUR 10,000 due 2023-01-01 at the commercial rate owes 11,166.16 on 2024-01-01.
    const [a, b, c] = [await company('Pagato'), await company('Scaduto'), await company('Aperto')];
    const ca = await createTestClaim(database.db, t, a.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const cb = await createTestClaim(database.db, t, b.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const cc = await createTestClaim(database.db, t, c.id, { principal: '10000.00', dueDate: '2023-01-01' });
    const offer = (debtorId: string, claimId: string, deadline: string) =>
      proposeSettlement(database.db, t.users.operator.actor, { debtorId, creditorId: t.creditor.id, claimIds: [claimId], amount: '11049.54', deadline }, { today: '2024-01-01' });
    const sa = await offer(a.id, ca.id, '2024-01-31');
    const sb = await offer(b.id, cb.id, '2024-01-20');
    const sc = await offer(c.id, cc.id, '2024-01-31');
    await recordPayment(database.db, t.users.operator.actor, { debtorId: a.id, creditorId: t.creditor.id, amount: '11049.54', currency: 'EUR', valueDate: '2024-01-15', method: 'bank_transfer' });
    // Part of the amount only: not enough, the deadline still ahead.
    await recordPayment(database.db, t.users.operator.actor, { debtorId: c.id, creditorId: t.creditor.id, amount: '5000.00', currency: 'EUR', valueDate: '2024-01-15', method: 'bank_transfer' });

    expect(await closeDueSettlements(database.db, '2024-01-21', { tenantId: t.tenantId })).toEqual({ paid: 1, expired: 1 });
    expect(await stateOf(sa.id)).toEqual({ state: 'paid', paid_on: '2024-01-15' });
    expect(await claimOf(ca.id)).toEqual({ status: 'written_off', closed_on: '2024-01-15' });
    expect(await stateOf(sb.id)).toEqual({ state: 'expired', paid_on: null });
    // Expired: nothing given up, the position stays with the dunning engine as it was.
    expect((await claimOf(cb.id)).status).toBe('open');
    expect(await stateOf(sc.id)).toEqual({ state: 'offered', paid_on: null });
    const writeOff = (await auditOf(database.db, t.tenantId, ca.id)).find((e) => e.action === 'claim.written_off')!;
    expect(writeOff.actor_label).toBe('system:settlements');
    expect((await auditOf(database.db, t.tenantId, b.id)).map((e) => e.action)).toContain('settlement.expired');

    // The job run again (a retry, a second node): nothing left to do.
    expect(await closeDueSettlements(database.db, '2024-01-21', { tenantId: t.tenantId })).toEqual({ paid: 0, expired: 0 });
    // The open one expires the day after its deadline.
    expect(await closeDueSettlements(database.db, '2024-02-01', { tenantId: t.tenantId })).toEqual({ paid: 0, expired: 1 });
    expect((await stateOf(sc.id)).state).toBe('expired');
  });
});
