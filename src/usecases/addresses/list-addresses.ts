import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { present } from '../shared/present.ts';
import { loadDebtor, rowsOfDebtor } from '../shared/scope.ts';
import type { AddressView } from './schema.ts';

export async function listAddresses(db: Db, actor: Actor, debtorId: string): Promise<AddressView[]> {
  authorize(actor, 'read', 'address');
  await loadDebtor(db, actor, debtorId);
  return (await rowsOfDebtor(db, actor, 'addresses', debtorId)).map((r) => present(r) as AddressView);
}
