import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { present } from '../shared/present.ts';
import { loadDebtor } from '../shared/scope.ts';
import type { ContactView } from './schema.ts';

export async function listContacts(db: Db, actor: Actor, debtorId: string): Promise<ContactView[]> {
  authorize(actor, 'read', 'contact');
  await loadDebtor(db, actor, debtorId);
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', debtorId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => present(r) as ContactView);
}
