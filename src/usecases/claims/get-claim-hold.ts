import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import type { ClaimHoldView } from './hold-schema.ts';

/** A claim's place in dunning (strategy, last step, next action) and its hold, if any. */
export async function getClaimHold(db: Db, actor: Actor, id: string): Promise<ClaimHoldView> {
  authorize(actor, 'read', 'claim');
  assertId(id, 'claim');
  let q = db
    .selectFrom('claims as c')
    .leftJoin('strategies as s', (j) => j.onRef('s.id', '=', 'c.strategy_id').onRef('s.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id as claimId',
      'c.status',
      'c.hold_until as holdUntil',
      'c.hold_reason as holdReason',
      'c.next_action_on as nextActionOn',
      'c.strategy_id as strategyId',
      's.name as strategyName',
      'c.dunning_step_no as dunningStepNo',
      'c.dunning_step_key as dunningStepKey',
      'c.dunning_step_on as dunningStepOn',
      'c.version',
    ])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.id', '=', id);
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('claim');
  return { ...row, pause: await pauseOf(db, actor, row.claimId, row.status) } as ClaimHoldView;
}

/** Why a claim's dunning is paused other than by a hold: its pending promise, its plan, its dispute. */
async function pauseOf(db: Db, actor: Actor, claimId: string, status: string): Promise<ClaimHoldView['pause']> {
  if (status === 'in_plan') return { kind: 'plan', until: null, amount: null };
  if (status === 'disputed') return { kind: 'dispute', until: null, amount: null };
  if (status !== 'promised') return null;
  const promise = await db
    .selectFrom('promises')
    .select(['amount', sql<string>`(due_on + grace_days)::text`.as('until')])
    .where('tenant_id', '=', actor.tenantId)
    .where('state', '=', 'pending')
    .where(sql<boolean>`${claimId}::uuid = any(claim_ids)`)
    .orderBy('due_on', 'desc')
    .executeTakeFirst();
  return { kind: 'promise', until: promise?.until ?? null, amount: promise?.amount ?? null };
}
