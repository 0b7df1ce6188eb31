import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Trx } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { openTestDatabase } from '../../test/db.ts';
import { consumerInput, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { chargeClaimCost } from '../claims/add-claim-cost.ts';
import { registerClaim } from '../claims/create-claim.ts';
import { registerDebtor } from '../debtors/create-debtor.ts';
import { registerNote } from '../notes/create-note.ts';
import { bookPayment } from '../payments/record-payment.ts';

/**
 * Writing use cases run on a transaction they are given (`register…`, `charge…`, `book…` take a
 * `Trx`), so a flow of several commits or rolls back as one: a failure at its last step leaves
 * nothing of the steps before — no debtor, no claim, no cost, no audit event, no outbox row.
 */

let database: Database;
let t: TestTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
});
afterAll(async () => {
  await database?.close();
});

const TABLES = [
  'debtors',
  'addresses',
  'contacts',
  'claims',
  'claim_components',
  'claim_balances',
  'claim_costs',
  'payments',
  'payment_allocations',
  'notes',
  'audit_events',
  'outbox',
] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await database.db
      .selectFrom(table as 'debtors')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', t.tenantId)
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const NOW = { today: '2025-06-30' };

/** A new debtor, a claim against it, a collection cost and the debtor's payment: one flow. */
async function flow(trx: Trx, payment: { amount: string; allocate?: string }) {
  const actor = t.users.operator.actor;
  const debtor = await registerDebtor(trx, actor, consumerInput({ lastName: 'Composto', contacts: [{ channel: 'email', value: 'composto@example.it' }] }));
  const claim = await registerClaim(trx, actor, {
    creditorId: t.creditor.id,
    debtorId: debtor.id,
    externalRef: `COMP-${debtor.id.slice(0, 8)}`,
    kind: 'invoice',
    principal: '500.00',
    currency: 'EUR',
    issueDate: '2025-01-02',
    dueDate: '2025-01-31',
    interestRegime: 'none',
  });
  await chargeClaimCost(trx, actor, claim.id, { kind: 'collection_cost', label: 'Visura', amount: '20.00', incurredOn: '2025-03-01' }, NOW);
  await registerNote(trx, actor, { debtorId: debtor.id, claimId: claim.id, body: 'Piano concordato al telefono' });
  const paid = await bookPayment(
    trx,
    actor,
    {
      debtorId: debtor.id,
      creditorId: t.creditor.id,
      amount: payment.amount,
      currency: 'EUR',
      valueDate: '2025-04-01',
      method: 'bank_transfer',
      ...(payment.allocate ? { allocations: [{ claimId: claim.id, amount: payment.allocate }] } : {}),
    },
    NOW,
  );
  return { debtor, claim, paid };
}

describe('writing use cases compose in one transaction', () => {
  it('a failure at the last step leaves nothing of the flow: no debtor, claim, cost, note, audit event or outbox row', async () => {
    const before = await counts();
    const err = await database.db
      .transaction()
      .execute((trx) => flow(trx, { amount: '100.00', allocate: '9999.00' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields[0]).toMatchObject({ path: 'allocations.0.amount', messageCode: 'records.allocation_above_due' });
    expect(await counts()).toEqual(before);
    const leftover = await database.db.selectFrom('debtors').select('id').where('tenant_id', '=', t.tenantId).where('last_name', '=', 'Composto').execute();
    expect(leftover).toEqual([]);
  });

  it('the same flow, all steps succeeding, commits every change and its audit events together', async () => {
    const before = await counts();
    const { debtor, claim, paid } = await database.db.transaction().execute((trx) => flow(trx, { amount: '120.00' }));
    const after = await counts();
    const grew = Object.fromEntries(TABLES.map((table) => [table, after[table]! - before[table]!]));
    expect(grew).toMatchObject({ debtors: 1, contacts: 1, claims: 1, claim_balances: 1, claim_costs: 1, payments: 1, notes: 1, outbox: 0 });
    expect(paid.unallocated).toBe('0.00');
    const actions = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('debtor_id', '=', debtor.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'debtor.created',
      'contact.created',
      'claim.created',
      'claim.cost_added',
      'note.created',
      'claim.payment_applied',
      'payment.recorded',
    ]);
    // The cost is paid first (art. 1194 c.c. order of the creditor), the rest goes to principal.
    const stored = await database.db.selectFrom('claims').select(['costs_paid', 'principal_paid']).where('id', '=', claim.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ costs_paid: '20.00', principal_paid: '100.00' });
  });

  it('the type system tells a transaction from a plain handle', () => {
    const withHandle = (db: Db) =>
      // @ts-expect-error a plain Kysely<DB> is not a Transaction<DB> (isTransaction is false there): use createDebtor(db, …)
      registerDebtor(db, t.users.admin.actor, consumerInput());
    const withTransaction = (trx: Trx) => registerDebtor(trx, t.users.admin.actor, consumerInput());
    expect([withHandle, withTransaction].map((f) => typeof f)).toEqual(['function', 'function']);
    expect(database.db.isTransaction).toBe(false);
  });
});
