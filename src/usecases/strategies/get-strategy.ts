import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { StrategyView } from './schema.ts';
import { fetchStrategyView } from './strategy-query.ts';

export async function getStrategy(db: Db, actor: Actor, id: string): Promise<StrategyView> {
  authorize(actor, 'read', 'strategy');
  return fetchStrategyView(db, actor, id);
}
