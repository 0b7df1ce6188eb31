import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { money } from '../../domain/money.ts';
import { lapseOf } from '../../domain/plans/lapse.ts';
import { systemActor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { planFill, storeFill } from './plan-fill.ts';
import { resumeAfterPlan } from './resume.ts';
import { rulesOfPlan } from './scope.ts';

export interface EvaluateResult {
  evaluated: number;
  paid: number;
  lapsed: number;
}

/**
 * The daily evaluation of running plans (issue 15 item 2), every tenant, as of `asOf`:
 * - the payments on each plan's positions since it started fill its instalments in order; each is paid,
 *   partly paid, late (its day passed, not covered) or due;
 * - a plan whose instalments are all covered is paid: it closes, and its positions keep the status the
 *   payment engine gave them (paid when nothing more is owed; one still owing — interest accrued during
 *   the plan — goes back to work);
 * - a plan lapses (decadenza, art. 1 c.800 L. 160/2019, or the creditor's own rule, snapshot in the plan)
 *   when the missed instalments its rules count — after an express reminder recorded on them
 *   (`recordPlanReminder`) — fall within the window: the whole residual is due at once (the positions'
 *   stored balances), its positions resume dunning (`statusAfterPause`) and, the plan being lapsed, they
 *   can never be planned again (`proposePlan` refuses them).
 * Each plan in its own transaction with its audit events; run daily by the `evaluate-plans` job.
 */
export async function evaluatePlans(db: Db, asOf: string = today().toString()): Promise<EvaluateResult> {
  const out: EvaluateResult = { evaluated: 0, paid: 0, lapsed: 0 };
  const running = await db.selectFrom('plans').select(['id', 'tenant_id']).where('state', '=', 'active').orderBy('id').execute();
  for (const p of running) {
    const r = await db.transaction().execute((trx) => reviewPlan(trx, p.tenant_id, p.id, asOf));
    if (r === null) continue;
    out.evaluated++;
    if (r === 'paid') out.paid++;
    if (r === 'lapsed') out.lapsed++;
  }
  return out;
}

/**
 * One running plan brought to `asOf` on a transaction the caller holds (the daily job; a flow that
 * books or reverses payments on its positions may call it too, so the plan follows at once). Returns
 * what became of it, or null when it is not running.
 */
export async function reviewPlan(trx: Trx, tenantId: string, planId: string, asOf: string): Promise<'active' | 'paid' | 'lapsed' | null> {
  const plan = await trx.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId).where('id', '=', planId).forUpdate().executeTakeFirst();
  if (!plan || plan.state !== 'active') return null;
  const actor = systemActor(plan.tenant_id, 'plans');
  const fill = await planFill(trx, plan, asOf);
  await storeFill(trx, plan.tenant_id, plan.id, fill);
  const audit = { entityType: 'plan', entityId: plan.id, debtorId: plan.debtor_id, creditorId: plan.creditor_id };
  if (money(fill.paid).gte(plan.total)) {
    await trx.updateTable('plans').set({ state: 'paid', paid: fill.paid, closed_on: asOf, version: sql`version + 1` }).where('tenant_id', '=', plan.tenant_id).where('id', '=', plan.id).execute();
    const resumed = await resumeAfterPlan(trx, actor, plan, 'plan.paid');
    await recordAudit(trx, actor, { action: 'plan.paid', ...audit, before: { state: 'active', paid: plan.paid }, after: { state: 'paid', paid: fill.paid, resumed } });
    return 'paid';
  }
  const reminded = new Map(fill.rows.filter((r) => r.reminded_on !== null).map((r) => [r.number, r.reminded_on!]));
  const lapse = lapseOf(rulesOfPlan(plan), fill.statuses, reminded, asOf);
  if (lapse) {
    await trx
      .updateTable('plans')
      .set({ state: 'lapsed', paid: fill.paid, lapsed_on: lapse.lapsedOn, closed_on: asOf, version: sql`version + 1` })
      .where('tenant_id', '=', plan.tenant_id)
      .where('id', '=', plan.id)
      .execute();
    const resumed = await resumeAfterPlan(trx, actor, plan, 'plan.lapsed');
    const residual = money(plan.total).minus(fill.paid).toFixed(2);
    await recordAudit(trx, actor, { action: 'plan.lapsed', ...audit, before: { state: 'active' }, after: { state: 'lapsed', lapsedOn: lapse.lapsedOn, missed: lapse.missed, paid: fill.paid, residual, resumed } });
    return 'lapsed';
  }
  if (plan.paid !== fill.paid) await trx.updateTable('plans').set({ paid: fill.paid }).where('tenant_id', '=', plan.tenant_id).where('id', '=', plan.id).execute();
  return 'active';
}
