import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { parseStrategy, type Step } from '../../domain/dunning/index.ts';
import { fieldError, invalid, type FieldError } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { applyClaimSteps, loadClaimSteps, nextActionOn, strategyOf, type ClaimStepRow } from './claim-steps.ts';
import { UpdateStrategyInput, type StrategyView } from './schema.ts';
import { fetchStrategyView, loadStrategy } from './strategy-query.ts';

/**
 * Renames a strategy or replaces its steps (checked as a whole by the domain's rules). The claims
 * following the strategy get their next action date recomputed from the new steps. Two edits are
 * refused while open claims stand at a step (see {@link stepsInUse}).
 */
export async function updateStrategy(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateStrategyInput>): Promise<StrategyView> {
  return db.transaction().execute((trx) => amendStrategy(trx, actor, id, input));
}

/** `updateStrategy` on a transaction the caller holds. */
export async function amendStrategy(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateStrategyInput>): Promise<StrategyView> {
  const data = parseInput(UpdateStrategyInput, input);
  const current = await loadStrategy(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'strategy');
  checkVersion(current.version, data.version);
  // Both sides through the domain's schema, so key order and amounts compare alike.
  const before = strategyOf(current);
  const after = parseStrategy({ name: data.name ?? before.name, steps: data.steps ?? before.steps });
  const changes = diff({ name: before.name, steps: before.steps }, { name: after.name, steps: after.steps });
  if (!changes) return fetchStrategyView(trx, actor, id);

  const claims = 'steps' in changes.after ? await loadClaimSteps(trx, actor, { strategyId: id }) : [];
  const problems = stepsInUse(after.steps, claims);
  if (problems.length > 0) throw invalid(problems, msg('dunning.invalid_strategy'));

  await trx
    .updateTable('strategies')
    .set({ name: after.name, steps: JSON.stringify(after.steps), version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, { action: 'strategy.updated', entityType: 'strategy', entityId: id, creditorId: current.creditor_id, ...changes });
  await applyClaimSteps(
    trx,
    actor,
    'claim.next_action_recomputed',
    claims.map((c) => ({ claim: c, strategyId: id, stepKey: c.dunningStepKey, nextActionOn: nextActionOn(after, c, c.dunningStepKey) })),
  );
  return fetchStrategyView(trx, actor, id);
}

/**
 * What the new steps would break for the claims standing in the strategy:
 * - a step open claims last received cannot be removed or renamed: its key is how they know where
 *   they stand;
 * - nor move to an earlier position than their step number: the engine numbers a claim's next step
 *   by its position, and a number already used for a claim is never sent again (the database keeps
 *   each claim's step numbers unique), so the claim would be stuck.
 * Inserting steps before it, or changing it in place, is fine.
 */
function stepsInUse(steps: readonly Step[], claims: readonly ClaimStepRow[]): FieldError[] {
  const removed = new Map<string, number>();
  const moved = new Map<string, { count: number; from: number; to: number }>();
  for (const c of claims) {
    if (c.dunningStepKey === null) continue;
    const at = steps.findIndex((s) => s.key === c.dunningStepKey);
    if (at < 0) removed.set(c.dunningStepKey, (removed.get(c.dunningStepKey) ?? 0) + 1);
    else if (at + 1 < c.dunningStepNo) {
      const m = moved.get(c.dunningStepKey) ?? { count: 0, from: c.dunningStepNo, to: at + 1 };
      moved.set(c.dunningStepKey, { count: m.count + 1, from: Math.max(m.from, c.dunningStepNo), to: at + 1 });
    }
  }
  return [
    ...[...removed].map(([key, n]) => fieldError('steps', 'dunning.step_in_use', { key, count: n })),
    ...[...moved].map(([key, m]) => fieldError('steps', 'dunning.step_moved_earlier', { key, from: m.from, count: m.count, to: m.to })),
  ];
}
