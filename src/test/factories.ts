import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { COMPONENT_ACCRUES_INTEREST, type ComponentKind } from '../domain/model.ts';
import { sumMoney, toMoneyString } from '../domain/money.ts';
import type { Strategy } from '../domain/dunning/index.ts';
import type { Actor, Role } from '../domain/policies.ts';
import { refreshBalances } from '../usecases/claims/balances.ts';
import { hashPassword } from '../usecases/auth/login.ts';
import { createClaim } from '../usecases/claims/create-claim.ts';
import type { CreateClaimInput } from '../usecases/claims/schema.ts';
import { createCreditor } from '../usecases/creditors/create-creditor.ts';
import { createDebtor } from '../usecases/debtors/create-debtor.ts';
import type { z } from 'zod';
import { fakeCodiceFiscale } from './portfolio.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

export interface TestTenant {
  tenantId: string;
  slug: string;
  users: Record<Role, { id: string; email: string; actor: Actor }>;
  /** A creditor the viewer belongs to, and one it does not see. */
  creditor: { id: string; name: string };
  otherCreditor: { id: string; name: string };
}

const short = () => randomUUID().slice(0, 8);

/** The albo registration of test agencies (a comune's mandate needs one: art. 53 D.Lgs. 446/1997). */
export const TEST_ALBO = { section: 'ordinary', number: '100', registeredOn: '2020-01-15' } as const;

/**
 * A tenant of its own with one user per role and two creditors: tests never see each other's rows.
 * It is an agency registered in the MEF albo (TEST_ALBO), so it may hold a comune's mandate.
 */
export async function createTestTenant(db: Db): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const slug = `t-${short()}`;
  const tenant = await db
    .insertInto('tenants')
    .values({ slug, name: `Tenant ${slug}`, kind: 'agency', settings: JSON.stringify({ albo: TEST_ALBO }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const system: Actor = { tenantId: tenant.id, userId: null, role: 'admin', creditorId: null, label: 'system:test' };
  const creditor = await createCreditor(db, system, { name: `Mandante ${short()}`, kind: 'company', vatNumber: '01234567897' });
  const otherCreditor = await createCreditor(db, system, { name: `Altro ${short()}`, kind: 'public_entity' });
  const users = {} as TestTenant['users'];
  for (const role of ['admin', 'supervisor', 'operator', 'viewer'] as const) {
    const email = `${role}-${short()}@${slug}.test`;
    const creditorId = role === 'viewer' ? creditor.id : null;
    const u = await db
      .insertInto('users')
      .values({ tenant_id: tenant.id, email, name: `${role} ${slug}`, password_hash: await passwordHash, role, creditor_id: creditorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    users[role] = { id: u.id, email, actor: { tenantId: tenant.id, userId: u.id, role, creditorId, label: `user:${email}` } };
  }
  return { tenantId: tenant.id, slug, users, creditor, otherCreditor };
}

/** A valid codice fiscale not used before in this process: one debtor per tax id in a tenant. */
let nextTaxCode = randomInt(1 << 20) << 10;
export const uniqueCodiceFiscale = () => fakeCodiceFiscale(nextTaxCode++);

export function consumerInput(overrides: Record<string, unknown> = {}) {
  return { kind: 'consumer' as const, firstName: 'Mario', lastName: 'Rossi', taxCode: uniqueCodiceFiscale(), ...overrides };
}

export async function createTestDebtor(db: Db, t: TestTenant, overrides: Record<string, unknown> = {}) {
  return createDebtor(db, t.users.admin.actor, consumerInput(overrides));
}

export async function createTestClaim(
  db: Db,
  t: TestTenant,
  debtorId: string,
  overrides: Partial<z.input<typeof CreateClaimInput>> = {},
) {
  return createClaim(db, t.users.admin.actor, {
    creditorId: t.creditor.id,
    debtorId,
    externalRef: `FT-${short()}`,
    kind: 'invoice',
    principal: '1000.00',
    currency: 'EUR',
    dueDate: '2025-01-31',
    ...overrides,
  });
}

/** Tables whose rows belong to a tenant (every count in tests is scoped to one). */
export type TenantTable =
  | 'creditors'
  | 'users'
  | 'sessions'
  | 'debtors'
  | 'addresses'
  | 'contacts'
  | 'claims'
  | 'payments'
  | 'payment_allocations'
  | 'notes'
  | 'audit_events';

/** How many rows of a table belong to a tenant: tests never assume a globally empty database. */
export async function countRows(db: Db, table: TenantTable, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom(table as 'debtors')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Row counts of several tables at once, to assert that a refused request wrote nothing. */
export async function snapshotCounts(db: Db, tenantId: string, tables: readonly TenantTable[] = WRITTEN_TABLES) {
  const out: Partial<Record<TenantTable, number>> = {};
  for (const table of tables) out[table] = await countRows(db, table, tenantId);
  return out;
}

/** Every table an API write can touch (sessions excluded: logins write them). */
export const WRITTEN_TABLES: readonly TenantTable[] = [
  'creditors',
  'users',
  'debtors',
  'addresses',
  'contacts',
  'claims',
  'payments',
  'payment_allocations',
  'notes',
  'audit_events',
];

/** The audit events recorded for one entity, oldest first. */
export async function auditOf(db: Db, tenantId: string, entityId: string) {
  return db
    .selectFrom('audit_events')
    .select(['action', 'entity_type', 'debtor_id', 'creditor_id', 'before', 'after', 'actor_label'])
    .where('tenant_id', '=', tenantId)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

/** A unique suffix for names, references and e-mails created by a test. */
export const uniq = short;

/**
 * Ids in the order lists promise: by created_at (to the microsecond, as stored), then by id for rows
 * of the same instant (one transaction, or PGlite's millisecond clock). `desc` for newest first, where
 * ties still go by ascending id.
 */
export async function chronological(
  db: Db,
  table: 'contacts' | 'addresses' | 'notes',
  ids: readonly string[],
  order: 'asc' | 'desc' = 'asc',
): Promise<string[]> {
  const rows = await db
    .selectFrom(table as 'contacts')
    .select(['id', sql<string>`(extract(epoch from created_at) * 1000000)::bigint::text`.as('us')])
    .where('id', 'in', [...ids])
    .execute();
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .sort((a, b) => {
      const d = BigInt(a.us) - BigInt(b.us);
      if (d !== 0n) return d < 0n ? -sign : sign;
      return a.id < b.id ? -1 : 1;
    })
    .map((r) => r.id);
}

/**
 * Makes a claim a comune's act for tests (creating acts is another use case's): its components
 * replaced by these, in position order, `claims.principal` the sum of all of them (the act's amount),
 * and its stored balance recomputed. Components accrue interest as COMPONENT_ACCRUES_INTEREST says
 * unless told. Call it before any payment on the claim.
 */
export async function setTestComponents(
  db: Db,
  t: TestTenant,
  claimId: string,
  components: readonly { kind: ComponentKind; amount: string; accrues?: boolean; tributeCode?: string | null }[],
): Promise<{ id: string; kind: ComponentKind; position: number }[]> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('claim_components').where('tenant_id', '=', t.tenantId).where('claim_id', '=', claimId).execute();
    const rows = await trx
      .insertInto('claim_components')
      .values(
        components.map((k, i) => ({
          tenant_id: t.tenantId,
          claim_id: claimId,
          position: i + 1,
          kind: k.kind,
          amount: k.amount,
          accrues_interest: k.accrues ?? COMPONENT_ACCRUES_INTEREST[k.kind],
          tribute_code: k.tributeCode ?? null,
        })),
      )
      .returning(['id', 'kind', 'position'])
      .execute();
    await trx
      .updateTable('claims')
      .set({ principal: toMoneyString(sumMoney(components.map((k) => k.amount))) })
      .where('tenant_id', '=', t.tenantId)
      .where('id', '=', claimId)
      .execute();
    await refreshBalances(trx, t.tenantId, [claimId]);
    return rows.sort((a, b) => a.position - b.position);
  });
}

/** The tenant's creditor ready to sign letters (address, e-mail, IBAN) and dunning with `strategy` as its only active one. */
export async function useStrategy(db: Db, t: TestTenant, strategy: Pick<Strategy, 'name' | 'steps'>): Promise<void> {
  await db
    .updateTable('creditors')
    .set({ address_line1: 'Via Roma 1', postal_code: '20121', city: 'Milano', province: 'MI', country: 'IT', email: 'crediti@mandante.example', iban: 'IT60X0542811101000000123456' })
    .where('id', '=', t.creditor.id)
    .execute();
  await db.insertInto('strategies').values({ tenant_id: t.tenantId, creditor_id: t.creditor.id, name: strategy.name, steps: JSON.stringify(strategy.steps), active: true }).execute();
}
