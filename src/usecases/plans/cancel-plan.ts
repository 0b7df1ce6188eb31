import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict } from '../../domain/errors.ts';
import { dateParam, DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import { today } from '../../domain/dates.ts';
import { money } from '../../domain/money.ts';
import { deferralInterestKept } from '../../domain/plans/schedule.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { owePlanInterest, refreshPausedBalances } from './deferral-interest.ts';
import { planFill } from './plan-fill.ts';
import { fetchPlanView } from './plan-query.ts';
import { resumeAfterPlan } from './resume.ts';
import { DecidePlanInput, type PlanView } from './schema.ts';
import { loadPlan } from './scope.ts';

/**
 * Cancels a proposed or running plan (the debtor withdraws, a mistake): no lapse — its positions may be
 * planned again — and a running plan's positions go back to dunning (`statusAfterPause`).
 */
export async function cancelPlan(db: Db, actor: Actor, id: string, input: z.input<typeof DecidePlanInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  return db.transaction().execute((trx) => withdrawPlan(trx, actor, id, input, locale));
}

/** `cancelPlan` on a transaction the caller holds. */
export async function withdrawPlan(trx: Trx, actor: Actor, id: string, input: z.input<typeof DecidePlanInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  const data = parseInput(DecidePlanInput, input);
  const plan = await loadPlan(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  checkVersion(plan.version, data.version);
  if (plan.state !== 'proposed' && plan.state !== 'active') throw conflict(msg('plans.not_running', { state: plan.state }));
  const on = today().toString();
  await trx
    .updateTable('plans')
    .set({ state: 'cancelled', closed_on: on, decided_reason: data.reason ?? plan.decided_reason, version: sql`version + 1` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  const resumed = plan.state === 'active' ? await resumeAfterPlan(trx, actor, plan, 'plan.cancelled') : [];
  // A running plan withdrawn keeps the interest on the deferral of what fell due or was paid, no more.
  if (plan.state === 'active' && money(plan.interest).gt(0)) {
    const fill = await planFill(trx, plan, on);
    const kept = deferralInterestKept(fill.rows.map((r, i) => ({ dueOn: r.due_on, interest: r.interest, state: fill.statuses[i]!.state })), on);
    await owePlanInterest(trx, actor, plan, kept, on, msg('plans.deferral_interest_cancelled', { date: dateParam(on) }));
    // Ordinary interest runs again from the cancellation day (domain/plans/pauses.ts).
    await refreshPausedBalances(trx, actor.tenantId, plan);
  }
  await recordAudit(trx, actor, {
    action: 'plan.cancelled',
    entityType: 'plan',
    entityId: id,
    debtorId: plan.debtor_id,
    creditorId: plan.creditor_id,
    before: { state: plan.state },
    after: { state: 'cancelled', reason: data.reason ?? null, resumed },
  });
  return fetchPlanView(trx, actor, id, locale);
}
