import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { StrategyVersionInput, type StrategyView } from './schema.ts';
import { fetchStrategyView, loadStrategy } from './strategy-query.ts';

/**
 * Leaves the creditor without an active strategy. Its claims keep their place in it (strategy, step,
 * next action date), so activating it or another one later continues from where they stand.
 */
export async function deactivateStrategy(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof StrategyVersionInput> = {},
): Promise<StrategyView> {
  return db.transaction().execute((trx) => disableStrategy(trx, actor, id, input));
}

/** `deactivateStrategy` on a transaction the caller holds. */
export async function disableStrategy(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.input<typeof StrategyVersionInput> = {},
): Promise<StrategyView> {
  const data = parseInput(StrategyVersionInput, input);
  const current = await loadStrategy(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'strategy');
  checkVersion(current.version, data.version);
  if (!current.active) return fetchStrategyView(trx, actor, id);
  await trx
    .updateTable('strategies')
    .set({ active: false, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'strategy.deactivated',
    entityType: 'strategy',
    entityId: id,
    creditorId: current.creditor_id,
    before: { active: true },
    after: { active: false },
  });
  return fetchStrategyView(trx, actor, id);
}
