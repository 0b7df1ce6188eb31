import type { Db } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertId } from '../shared/scope.ts';

/** A user of the actor's tenant, locked for the change; another tenant's user is "not found". */
export async function loadUserForUpdate(trx: Db, actor: Actor, id: string) {
  assertId(id, 'Utente (user)');
  const row = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'creditor_id', 'locale', 'active'])
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Utente (user)');
  return row;
}

/**
 * Refuses a change that would leave the tenant without an active administrator (the last one
 * deactivating or demoting themself, or being deactivated or demoted). The tenant's admin rows are
 * locked first, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function assertAnotherActiveAdmin(trx: Db, actor: Actor, userId: string): Promise<void> {
  const admins = await trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (!admins.some((a) => a.id !== userId)) {
    throw conflict('Serve almeno un amministratore attivo (at least one active administrator is needed)');
  }
}

/** Ends every session of a user at once (deactivation, password reset). */
export async function endSessions(trx: Db, userId: string): Promise<number> {
  const r = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
