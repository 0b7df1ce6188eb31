import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { ACTIONABLE_STATUSES } from '../../domain/claims/lifecycle.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { money } from '../../domain/money.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { owePlanInterest } from './deferral-interest.ts';
import { issueInstalmentNotices } from './instalment-references.ts';
import { fetchPlanView } from './plan-query.ts';
import { pauseForPlan } from './propose-plan.ts';
import { DecidePlanInput, type PlanView } from './schema.ts';
import { loadPlan } from './scope.ts';

/**
 * A supervisor (or an administrator, for the comune) approves a plan that was outside the rules: it
 * becomes active and its positions are paused (`in_plan`). Only a proposed plan; its positions must
 * still be open to dunning (a payment may have closed one meanwhile).
 */
export async function approvePlan(db: Db, actor: Actor, id: string, input: z.input<typeof DecidePlanInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  return db.transaction().execute((trx) => grantPlan(trx, actor, id, input, locale));
}

/** `approvePlan` on a transaction the caller holds. */
export async function grantPlan(trx: Trx, actor: Actor, id: string, input: z.input<typeof DecidePlanInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  const data = parseInput(DecidePlanInput, input);
  const plan = await loadPlan(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'plan_approval');
  checkVersion(plan.version, data.version);
  if (plan.state !== 'proposed') throw conflict(msg('plans.not_proposed', { state: plan.state }));
  const claims = await trx
    .selectFrom('claims')
    .select(['id', 'external_ref', 'status', 'version'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', plan.claim_ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  const closed = claims.filter((c) => !ACTIONABLE_STATUSES.includes(c.status as never));
  if (closed.length) throw invalid(closed.map((c) => fieldError('claimIds', 'plans.claim_not_plannable', { ref: c.external_ref })));
  await trx
    .updateTable('plans')
    .set({ state: 'active', approved_by: actor.label, approved_at: new Date(), decided_reason: data.reason ?? null, version: sql`version + 1` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'plan.approved',
    entityType: 'plan',
    entityId: id,
    debtorId: plan.debtor_id,
    creditorId: plan.creditor_id,
    before: { state: 'proposed' },
    after: { state: 'active', reason: data.reason ?? null },
  });
  await pauseForPlan(trx, actor, claims);
  // Accepted: the interest on the deferral becomes owed on the positions (none when the rules ask for none).
  if (money(plan.interest).gt(0)) await owePlanInterest(trx, actor, plan, plan.interest, today().toString(), null);
  await issueInstalmentNotices(trx, actor.tenantId, id);
  return fetchPlanView(trx, actor, id, locale);
}
