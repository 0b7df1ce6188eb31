import type { Trx } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertId } from '../shared/scope.ts';
import { msg } from '../../domain/messages/index.ts';

/** A user of the actor's tenant, locked for the change; another tenant's user is "not found". */
export async function loadUserForUpdate(trx: Trx, actor: Actor, id: string) {
  assertId(id, 'user');
  const row = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'creditor_id', 'locale', 'active'])
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('user');
  return row;
}

/**
 * The tenant's active administrators, locked (in id order, before any user row is locked, so two
 * admins demoting each other at the same moment queue up instead of deadlocking). Call first in a
 * transaction that may take away an admin; then `assertAnotherActiveAdmin`.
 */
export async function lockActiveAdmins(trx: Trx, actor: Actor): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Refuses a change that would leave the tenant without an active administrator (the last one
 * deactivating or demoting themself, or being deactivated or demoted).
 */
export function assertAnotherActiveAdmin(activeAdmins: readonly string[], userId: string): void {
  if (!activeAdmins.some((id) => id !== userId)) {
    throw conflict(msg('admin.last_active_admin'));
  }
}

/** Ends every session of a user at once (deactivation, password reset). */
export async function endSessions(trx: Trx, userId: string): Promise<number> {
  const r = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
