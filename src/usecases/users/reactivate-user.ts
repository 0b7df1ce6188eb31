import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { loadUserForUpdate } from './load-user.ts';
import { USER_COLUMNS, type UserView } from './schema.ts';

/** Gives a deactivated user access again, with the password they had. */
export async function reactivateUser(db: Db, actor: Actor, id: string): Promise<UserView> {
  return db.transaction().execute((trx) => enableUser(trx, actor, id));
}

/** `reactivateUser` on a transaction the caller holds. */
export async function enableUser(trx: Trx, actor: Actor, id: string): Promise<UserView> {
  authorize(actor, 'update', 'user');
  const before = await loadUserForUpdate(trx, actor, id);
  const row = await trx
    .updateTable('users')
    .set({ active: true, updated_at: new Date() })
    .where('id', '=', before.id)
    .where('tenant_id', '=', actor.tenantId)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  if (!before.active) {
    await recordAudit(trx, actor, { action: 'user.reactivated', entityType: 'user', entityId: before.id, before: { active: false }, after: { active: true } });
  }
  return row;
}
