import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { StatementView } from './schema.ts';
import { fetchStatement } from './statement-query.ts';

/** An issued remittance statement with its stored lines and totals (a creditor's user: its own only). */
export async function getStatement(db: Db, actor: Actor, id: string): Promise<StatementView> {
  authorize(actor, 'read', 'commission');
  return fetchStatement(db, actor, id);
}
