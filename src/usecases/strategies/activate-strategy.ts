import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { loadCreditor } from '../shared/scope.ts';
import { applyClaimSteps, loadClaimSteps, nextActionOn, stepAtPosition, strategyOf } from './claim-steps.ts';
import { StrategyVersionInput, type ActivationView } from './schema.ts';
import { fetchStrategyView, loadStrategy } from './strategy-query.ts';

/**
 * Makes a strategy its creditor's one active strategy, in one transaction: the one active before is
 * deactivated, and the creditor's open claims that follow another of its strategies move onto this
 * one. A claim keeps its step number (`dunning_step_no`: reminder fees and the once-per-step rule key
 * on it) and stands at the step of that position here (keys differ between strategies); its next
 * action date is recomputed by the domain's nextAction. Claims with no
 * strategy yet are left to the engine, which gives them the active strategy when it first sees them.
 */
export async function activateStrategy(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof StrategyVersionInput> = {},
): Promise<ActivationView> {
  return db.transaction().execute((trx) => enableStrategy(trx, actor, id, input));
}

/** `activateStrategy` on a transaction the caller holds. */
export async function enableStrategy(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.input<typeof StrategyVersionInput> = {},
): Promise<ActivationView> {
  const data = parseInput(StrategyVersionInput, input);
  const target = await loadStrategy(trx, actor, id);
  authorize(actor, 'update', 'strategy');
  // The creditor's row serialises activations of its strategies (one active at a time).
  await loadCreditor(trx, actor, target.creditor_id, { forUpdate: true });
  const current = await loadStrategy(trx, actor, id, { forUpdate: true });
  checkVersion(current.version, data.version);
  if (current.active) return { ...(await fetchStrategyView(trx, actor, id)), previousStrategyId: null, claimsMoved: 0 };

  const previous = await trx
    .selectFrom('strategies')
    .select(['id', 'name'])
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', current.creditor_id)
    .where('active', '=', true)
    .forUpdate()
    .executeTakeFirst();
  if (previous) {
    await trx
      .updateTable('strategies')
      .set({ active: false, version: sql`version + 1`, updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', previous.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'strategy.deactivated',
      entityType: 'strategy',
      entityId: previous.id,
      creditorId: current.creditor_id,
      before: { active: true },
      after: { active: false, replacedBy: id },
    });
  }
  await trx
    .updateTable('strategies')
    .set({ active: true, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();

  const strategy = strategyOf(current);
  const claims = await loadClaimSteps(trx, actor, { creditorId: current.creditor_id, onAnyStrategy: true, notStrategyId: id });
  const claimsMoved = await applyClaimSteps(
    trx,
    actor,
    'claim.strategy_changed',
    claims.map((c) => {
      const stepKey = stepAtPosition(strategy.steps, c.dunningStepNo);
      return { claim: c, strategyId: id, stepKey, nextActionOn: nextActionOn(strategy, c, stepKey) };
    }),
  );
  await recordAudit(trx, actor, {
    action: 'strategy.activated',
    entityType: 'strategy',
    entityId: id,
    creditorId: current.creditor_id,
    before: { active: false },
    after: { active: true, replaces: previous?.id ?? null, claimsMoved },
  });
  return { ...(await fetchStrategyView(trx, actor, id)), previousStrategyId: previous?.id ?? null, claimsMoved };
}
