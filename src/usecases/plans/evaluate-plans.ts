import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { dateParam, msg } from '../../domain/messages/index.ts';
import { money } from '../../domain/money.ts';
import { deferralInterestKept } from '../../domain/plans/schedule.ts';
import { fillInstalments, lapseOf } from '../../domain/plans/lapse.ts';
import { systemActor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { owePlanInterest, refreshPausedBalances } from './deferral-interest.ts';
import { planFill, storeFill } from './plan-fill.ts';
import { resumeAfterPlan } from './resume.ts';
import { rulesOfPlan } from './scope.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';

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
 * Each plan that changes in its own transaction with its audit events; run daily by the `evaluate-plans` job
 * (`only.tenantId`: one tenant's plans alone).
 */
export async function evaluatePlans(db: Db, asOf: string = today().toString(), only: { tenantId?: string } = {}): Promise<EvaluateResult> {
  const out: EvaluateResult = { evaluated: 0, paid: 0, lapsed: 0 };
  // A page of running plans at a time is read in two queries and judged in memory; only the plans where
  // something changes (a payment, an instalment falling due, a lapse, paid in full) get a transaction,
  // which reads the plan again under its lock and decides for good (reviewPlan).
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .selectFrom('plans as p')
      .select(['p.id', 'p.tenant_id', 'p.total', 'p.paid', 'p.rules', 'p.claim_ids'])
      .select((eb) =>
        eb
          .selectFrom('payment_allocations as a')
          .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
          .select(sql<string>`round(coalesce(sum(a.amount), 0), 2)::text`.as('x'))
          .whereRef('a.tenant_id', '=', 'p.tenant_id')
          .where(sql<boolean>`a.claim_id = any(p.claim_ids)`)
          .whereRef('y.value_date', '>=', 'p.started_on')
          .where('y.reversed_at', 'is', null)
          .as('now_paid'),
      )
      .where('p.state', '=', 'active')
      .$if(only.tenantId !== undefined, (q) => q.where('p.tenant_id', '=', only.tenantId!))
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(1000)
      .execute();
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    const rows = await db.selectFrom('plan_instalments').selectAll().where('plan_id', 'in', page.map((p) => p.id)).orderBy('plan_id').orderBy('number').execute();
    const byPlan = new Map<string, typeof rows>();
    for (const r of rows) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
    for (const p of page) {
      const mine = byPlan.get(p.id) ?? [];
      const paid = p.now_paid ?? '0.00';
      const statuses = fillInstalments(mine.map((r) => ({ number: r.number, dueOn: r.due_on, amount: r.amount })), paid, asOf);
      const reminded = new Map(mine.filter((r) => r.reminded_on !== null).map((r) => [r.number, r.reminded_on!]));
      const changed =
        !money(paid).eq(p.paid) ||
        money(paid).gte(p.total) ||
        statuses.some((s, i) => s.state !== mine[i]!.state || !money(s.paid).eq(mine[i]!.paid)) ||
        lapseOf(rulesOfPlan(p), statuses, reminded, asOf) !== null;
      out.evaluated++;
      if (!changed) continue;
      const r = await db.transaction().execute(async (trx) => {
        // The positions first, in id order, as a payment locks them before it follows their plan:
        // this job and a payment on the same positions never wait on each other crosswise (deadlock).
        await trx.selectFrom('claims').select('id').where('tenant_id', '=', p.tenant_id).where('id', 'in', p.claim_ids).orderBy('id').forUpdate().execute();
        return reviewPlan(trx, p.tenant_id, p.id, asOf);
      });
      if (r === 'paid') out.paid++;
      if (r === 'lapsed') out.lapsed++;
    }
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
    // The pause of the positions' ordinary interest ends with the plan, on this day (pauses.ts): what
    // the plan planned is paid, so no capital is left to bear interest after it — the stored balances
    // stand, and the claims are not locked here after the plan (a payment locks them before it).
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
    // The whole residual is due at once: the interest on the deferral of the instalments not yet due goes.
    const interest = money(plan.interest).gt(0) ? deferralInterestKept(fill.rows.map((r, i) => ({ dueOn: r.due_on, interest: r.interest, state: fill.statuses[i]!.state })), lapse.lapsedOn) : '0.00';
    if (money(plan.interest).gt(0)) await owePlanInterest(trx, actor, plan, interest, asOf, msg('plans.deferral_interest_lapsed', { date: dateParam(lapse.lapsedOn) }));
    // Ordinary interest runs again on the residual from the lapse day (domain/plans/pauses.ts).
    await refreshPausedBalances(trx, plan.tenant_id, plan);
    const residual = money(plan.total).minus(plan.interest).plus(interest).minus(fill.paid).toFixed(2);
    await recordAudit(trx, actor, {
      action: 'plan.lapsed',
      ...audit,
      before: { state: 'active' },
      after: { state: 'lapsed', lapsedOn: lapse.lapsedOn, missed: lapse.missed, paid: fill.paid, residual, resumed, ...(money(plan.interest).gt(0) ? { deferralInterest: interest } : {}) },
    });
    await refreshDebtorProfiles(trx, plan.tenant_id, [plan.debtor_id]);
    return 'lapsed';
  }
  if (plan.paid !== fill.paid) await trx.updateTable('plans').set({ paid: fill.paid }).where('tenant_id', '=', plan.tenant_id).where('id', '=', plan.id).execute();
  return 'active';
}

/** The running plans on these positions brought to `asOf` (a payment or a reversal on them was just booked). */
export async function followPlans(trx: Trx, tenantId: string, claimIds: readonly string[], asOf: string): Promise<void> {
  const plans = await trx
    .selectFrom('plans')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('state', '=', 'active')
    .where(sql<boolean>`claim_ids && ${sql.val([...new Set(claimIds)])}::uuid[]`)
    .orderBy('id')
    .execute();
  for (const p of plans) await reviewPlan(trx, tenantId, p.id, asOf);
}
