import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { hashPassword } from '../auth/login.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { endSessions, loadUserForUpdate } from './load-user.ts';
import { generateOneTimePassword } from './password.ts';
import { USER_COLUMNS, type UserWithPasswordView } from './schema.ts';

/**
 * Gives a user a new generated password, shown once in the answer and stored only as its hash, and
 * ends the user's sessions (whoever knew the old password is out at once).
 */
export async function resetUserPassword(db: Db, actor: Actor, id: string): Promise<UserWithPasswordView> {
  return db.transaction().execute((trx) => reissueUserPassword(trx, actor, id));
}

/** `resetUserPassword` on a transaction the caller holds. */
export async function reissueUserPassword(trx: Trx, actor: Actor, id: string): Promise<UserWithPasswordView> {
  authorize(actor, 'update', 'user');
  const before = await loadUserForUpdate(trx, actor, id);
  const oneTimePassword = generateOneTimePassword({ email: before.email, name: before.name });
  const row = await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(oneTimePassword), updated_at: new Date() })
    .where('id', '=', before.id)
    .where('tenant_id', '=', actor.tenantId)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  const sessionsEnded = await endSessions(trx, before.id);
  await recordAudit(trx, actor, { action: 'user.password_reset', entityType: 'user', entityId: before.id, after: { sessionsEnded } });
  return { ...row, oneTimePassword };
}
