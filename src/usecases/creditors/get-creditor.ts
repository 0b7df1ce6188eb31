import { creditorView } from './creditor-view.ts';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { loadCreditor } from '../shared/scope.ts';
import type { CreditorView } from './schema.ts';

export async function getCreditor(db: Db, actor: Actor, id: string): Promise<CreditorView> {
  authorize(actor, 'read', 'creditor');
  return creditorView(await loadCreditor(db, actor, id));
}
