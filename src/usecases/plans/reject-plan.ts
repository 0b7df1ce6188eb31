import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import { today } from '../../domain/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { fetchPlanView } from './plan-query.ts';
import { DecidePlanInput, type PlanView } from './schema.ts';
import { loadPlan } from './scope.ts';

/** A supervisor rejects a plan proposed outside the rules (with a reason); its positions were never paused. */
export async function rejectPlan(db: Db, actor: Actor, id: string, input: z.input<typeof DecidePlanInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  return db.transaction().execute((trx) => declinePlan(trx, actor, id, input, locale));
}

/** `rejectPlan` on a transaction the caller holds. */
export async function declinePlan(trx: Trx, actor: Actor, id: string, input: z.input<typeof DecidePlanInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  const data = parseInput(DecidePlanInput, input);
  const plan = await loadPlan(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'plan_approval');
  checkVersion(plan.version, data.version);
  if (plan.state !== 'proposed') throw conflict(msg('plans.not_proposed', { state: plan.state }));
  await trx
    .updateTable('plans')
    .set({ state: 'rejected', approved_by: actor.label, approved_at: new Date(), decided_reason: data.reason ?? null, closed_on: today().toString(), version: sql`version + 1` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'plan.rejected',
    entityType: 'plan',
    entityId: id,
    debtorId: plan.debtor_id,
    creditorId: plan.creditor_id,
    before: { state: 'proposed' },
    after: { state: 'rejected', reason: data.reason ?? null },
  });
  return fetchPlanView(trx, actor, id, locale);
}
