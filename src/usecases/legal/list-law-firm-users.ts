import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';

/** The tenant's active law firm users, for the hand-over form (whoever may hand a claim over). */
export async function listLawFirmUsers(db: Db, actor: Actor): Promise<{ id: string; name: string; email: string }[]> {
  authorize(actor, 'create', 'legal_dossier');
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'law_firm')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}
