import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { UserView } from './create-user.ts';

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  authorize(actor, 'read', 'user');
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'creditor_id as creditorId', 'locale', 'active'])
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('name')
    .execute();
}
