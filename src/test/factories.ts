import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import type { Actor, Role } from '../domain/policies.ts';
import { hashPassword } from '../usecases/auth/login.ts';
import { createClaim } from '../usecases/claims/create-claim.ts';
import type { CreateClaimInput } from '../usecases/claims/schema.ts';
import { createCreditor } from '../usecases/creditors/create-creditor.ts';
import { createDebtor } from '../usecases/debtors/create-debtor.ts';
import type { z } from 'zod';

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

/** A tenant of its own with one user per role and two creditors: tests never see each other's rows. */
export async function createTestTenant(db: Db): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const slug = `t-${short()}`;
  const tenant = await db
    .insertInto('tenants')
    .values({ slug, name: `Tenant ${slug}`, kind: 'agency' })
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

export function consumerInput(overrides: Record<string, unknown> = {}) {
  return { kind: 'consumer' as const, firstName: 'Mario', lastName: 'Rossi', taxCode: 'RSSMRA85T10A562S', ...overrides };
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
