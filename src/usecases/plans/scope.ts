import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import { DEFAULT_PLAN_REMINDERS, type PlanRules } from '../../domain/plans/rules.ts';
import type { Actor } from '../../domain/policies.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed plan id names nothing: 404 like an unknown one. */
export function assertIdOr(id: string): void {
  if (!UUID.test(id)) throw notFound(msg('plans.not_found'));
}

/** A plan of the actor's tenant (a viewer: of its creditor), locked when it will change; else 404. */
export async function loadPlan(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertIdOr(id);
  let q = db.selectFrom('plans').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const plan = await q.executeTakeFirst();
  if (!plan) throw notFound(msg('plans.not_found'));
  return plan;
}

/** The rules a plan was made under (its snapshot); plans made before reminders were rules get the default ones. */
export const rulesOfPlan = (plan: { rules: Record<string, unknown> }): PlanRules => ({ reminders: DEFAULT_PLAN_REMINDERS, ...plan.rules }) as unknown as PlanRules;
