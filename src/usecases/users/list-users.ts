import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { USER_COLUMNS, type UserView } from './schema.ts';

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  authorize(actor, 'read', 'user');
  return db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', actor.tenantId).orderBy('name').orderBy('id').execute();
}
