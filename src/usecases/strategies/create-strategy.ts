import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { parseStrategy, STRATEGY_TEMPLATES } from '../../domain/dunning/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { CreateStrategyInput, type StrategyView } from './schema.ts';
import { fetchStrategyView } from './strategy-query.ts';

/**
 * A new, inactive strategy for a creditor: a shipped template's steps, or the steps given (checked as a
 * whole by the domain's rules, each problem reported on its step and field). Activating it is a
 * separate, deliberate act (activate-strategy), since it moves the creditor's open claims.
 */
export async function createStrategy(db: Db, actor: Actor, input: z.input<typeof CreateStrategyInput>): Promise<StrategyView> {
  return db.transaction().execute((trx) => registerStrategy(trx, actor, input));
}

/** `createStrategy` on a transaction the caller holds. */
export async function registerStrategy(trx: Trx, actor: Actor, input: z.input<typeof CreateStrategyInput>): Promise<StrategyView> {
  authorize(actor, 'create', 'strategy');
  const data = parseInput(CreateStrategyInput, input);
  const template = data.template ? STRATEGY_TEMPLATES[data.template] : undefined;
  const strategy = parseStrategy({ name: data.name ?? template?.name, steps: data.steps ?? template?.steps });
  const creditor = await loadCreditor(trx, actor, data.creditorId);
  const row = await trx
    .insertInto('strategies')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      name: strategy.name,
      template: data.template ?? null,
      steps: JSON.stringify(strategy.steps),
      active: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'strategy.created',
    entityType: 'strategy',
    entityId: row.id,
    creditorId: creditor.id,
    after: { name: strategy.name, template: data.template ?? null, steps: strategy.steps, active: false },
  });
  return fetchStrategyView(trx, actor, row.id);
}
