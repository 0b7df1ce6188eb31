import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { GuaranteeView } from './schema.ts';
import { guaranteeView } from './views.ts';

/** One guarantee with its guarantor, the claims it names, its documents and the demands sent. */
export async function getGuarantee(db: Db, actor: Actor, id: string): Promise<GuaranteeView> {
  authorize(actor, 'read', 'claim');
  return guaranteeView(db, actor, id);
}
