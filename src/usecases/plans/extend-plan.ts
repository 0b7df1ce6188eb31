import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { dateParam, DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import { trimRate } from '../../domain/interest/rate-table.ts';
import { money, sumMoney } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { owePlanInterest } from './deferral-interest.ts';
import { planFill } from './plan-fill.ts';
import { fetchPlanView } from './plan-query.ts';
import { defaultFirstDue, splitOrRefuse, withInterest } from './propose-plan.ts';
import { ExtendPlanInput, type PlanView } from './schema.ts';
import { loadPlan, rulesOfPlan } from './scope.ts';

/**
 * The one extension of a running plan (proroga, art. 1 c.798 L. 160/2019): "in caso di comprovato
 * peggioramento della situazione … prorogata una sola volta, per un ulteriore periodo e fino a un
 * massimo di settantadue rate mensili, a condizione che non sia intervenuta decadenza". The instalments
 * already paid in full stay; what is left of the plan is split again over `count` instalments (at most
 * the rules' `extension.maxInstalments`) from `firstDueOn`. A supervisor's decision, with the reason
 * (the proven worsening); never twice, never after a lapse.
 */
export async function extendPlan(db: Db, actor: Actor, id: string, input: z.input<typeof ExtendPlanInput>, opts: { today?: string } = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  return db.transaction().execute((trx) => prolongPlan(trx, actor, id, input, opts, locale));
}

/** `extendPlan` on a transaction the caller holds. */
export async function prolongPlan(trx: Trx, actor: Actor, id: string, input: z.input<typeof ExtendPlanInput>, opts: { today?: string } = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  const data = parseInput(ExtendPlanInput, input);
  const plan = await loadPlan(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'plan_approval');
  checkVersion(plan.version, data.version);
  if (plan.state !== 'active') throw conflict(msg('plans.not_running', { state: plan.state }));
  if (plan.extension_used) throw conflict(msg('plans.extension_used'));
  const rules = rulesOfPlan(plan);
  if (!rules.extension.allowed) throw invalid([fieldError('count', 'plans.extension_not_allowed')]);
  if (data.count > rules.extension.maxInstalments) throw invalid([fieldError('count', 'plans.extension_too_many', { count: data.count, max: rules.extension.maxInstalments })]);
  const todayIso = opts.today ?? today().toString();
  const firstDueOn = data.firstDueOn ?? defaultFirstDue(todayIso, rules.dueDay);
  if (firstDueOn < todayIso) throw invalid([fieldError('firstDueOn', 'plans.first_due_past')]);
  const fill = await planFill(trx, plan, todayIso);
  // Payments fill in order: the instalments paid in full are a prefix; they stay as they are.
  const kept = fill.statuses.filter((s) => s.state === 'paid');
  const keptRows = fill.rows.slice(0, kept.length);
  const keptSum = kept.reduce((s, i) => s.plus(i.amount), money(0));
  const keptInterest = keptRows.reduce((s, r) => s.plus(r.interest), money(0));
  // The capital not yet paid is split again; with interest on the deferral, the new instalments bear it
  // at the plan's rate from its start to their new due dates (the deferral still runs from that day).
  const rest = money(plan.total).minus(plan.interest).minus(keptSum.minus(keptInterest));
  if (!rest.gt(0)) throw conflict(msg('plans.extension_nothing_left'));
  const plain = splitOrRefuse(rest.toFixed(2), data.count, firstDueOn, rules.dueDay, undefined, 'count').map((i) => ({ ...i, number: i.number + kept.length }));
  const schedule = withInterest(plain, plan.started_on, plan.deferral_rate === null ? null : trimRate(plan.deferral_rate));
  const interest = keptInterest.plus(sumMoney(schedule.map((i) => i.interest)));
  const total = keptSum.plus(sumMoney(schedule.map((i) => i.amount)));
  await trx.deleteFrom('plan_instalments').where('tenant_id', '=', actor.tenantId).where('plan_id', '=', id).where('number', '>', kept.length).execute();
  await trx
    .insertInto('plan_instalments')
    .values(schedule.map((i) => ({ tenant_id: actor.tenantId, plan_id: id, number: i.number, due_on: i.dueOn, amount: i.amount, interest: i.interest })))
    .execute();
  const count = kept.length + schedule.length;
  await trx
    .updateTable('plans')
    .set({ instalment_count: count, total: total.toFixed(2), interest: interest.toFixed(2), extension_used: true, extended_on: todayIso, version: sql`version + 1` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  if (plan.deferral_rate !== null) await owePlanInterest(trx, actor, plan, interest.toFixed(2), todayIso, msg('plans.deferral_interest_rescheduled', { date: dateParam(todayIso) }));
  await recordAudit(trx, actor, {
    action: 'plan.extended',
    entityType: 'plan',
    entityId: id,
    debtorId: plan.debtor_id,
    creditorId: plan.creditor_id,
    before: { count: plan.instalment_count, extensionUsed: false, total: plan.total, interest: plan.interest },
    after: { count, extensionUsed: true, residual: rest.toFixed(2), total: total.toFixed(2), interest: interest.toFixed(2), firstDueOn, reason: data.reason },
  });
  return fetchPlanView(trx, actor, id, locale);
}
