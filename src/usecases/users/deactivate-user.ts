import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { assertAnotherActiveAdmin, endSessions, loadUserForUpdate, lockActiveAdmins } from './load-user.ts';
import { USER_COLUMNS, type UserView } from './schema.ts';

/**
 * Takes a user's access away: their sessions end at once and log-in is refused (login and the session
 * check both look at `users.active`). The user and everything they did stay, for the audit trail.
 */
export async function deactivateUser(db: Db, actor: Actor, id: string): Promise<UserView> {
  return db.transaction().execute((trx) => disableUser(trx, actor, id));
}

/** `deactivateUser` on a transaction the caller holds. */
export async function disableUser(trx: Trx, actor: Actor, id: string): Promise<UserView> {
  authorize(actor, 'update', 'user');
  const activeAdmins = await lockActiveAdmins(trx, actor);
  const before = await loadUserForUpdate(trx, actor, id);
  if (before.role === 'admin' && before.active) assertAnotherActiveAdmin(activeAdmins, before.id);
  const row = await trx
    .updateTable('users')
    .set({ active: false, updated_at: new Date() })
    .where('id', '=', before.id)
    .where('tenant_id', '=', actor.tenantId)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  const sessionsEnded = await endSessions(trx, before.id);
  if (before.active) {
    await recordAudit(trx, actor, {
      action: 'user.deactivated',
      entityType: 'user',
      entityId: before.id,
      before: { active: true },
      after: { active: false, sessionsEnded },
    });
  }
  return row;
}
