import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { ListStrategiesQuery, type StrategyList, type StrategyView } from './schema.ts';
import { strategiesQuery } from './strategy-query.ts';

/**
 * The tenant's strategies (a viewer: its creditor's only), optionally of one creditor: the active one
 * first, then by name. A creditor has a handful, so the list is not paged.
 */
export async function listStrategies(db: Db, actor: Actor, query: z.input<typeof ListStrategiesQuery> = {}): Promise<StrategyList> {
  authorize(actor, 'read', 'strategy');
  const p = parseInput(ListStrategiesQuery, query);
  let q = strategiesQuery(db, actor);
  if (p.creditorId) q = q.where('s.creditor_id', '=', p.creditorId);
  if (p.active) q = q.where('s.active', '=', p.active === 'true');
  const rows = await q.orderBy('k.name').orderBy('s.active', 'desc').orderBy('s.name').orderBy('s.id').execute();
  return { items: rows as StrategyView[] };
}
