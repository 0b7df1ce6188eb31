import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { StatementListQuery, type StatementListItem } from './schema.ts';
import { statementItemOf, statementsVisible } from './statement-query.ts';

/** Issued remittance statements, newest first (a creditor's user sees its own only). */
export async function listStatements(db: Db, actor: Actor, query: z.input<typeof StatementListQuery>): Promise<{ items: StatementListItem[] }> {
  authorize(actor, 'read', 'commission');
  const q = parseInput(StatementListQuery, query);
  let sel = statementsVisible(db, actor);
  if (q.creditorId) sel = sel.where('s.creditor_id', '=', q.creditorId);
  const rows = await sel.orderBy('s.year', 'desc').orderBy('s.number', 'desc').limit(500).execute();
  return { items: rows.map(statementItemOf) };
}
