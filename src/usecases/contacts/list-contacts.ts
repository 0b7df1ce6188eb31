import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { present } from '../shared/present.ts';
import { loadDebtor, rowsOfDebtor } from '../shared/scope.ts';
import type { ContactView } from './schema.ts';

export async function listContacts(db: Db, actor: Actor, debtorId: string): Promise<ContactView[]> {
  authorize(actor, 'read', 'contact');
  await loadDebtor(db, actor, debtorId);
  return (await rowsOfDebtor(db, actor, 'contacts', debtorId)).map((r) => present(r) as ContactView);
}
