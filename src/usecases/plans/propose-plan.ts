import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { balanceFromLedger } from '../../domain/claims/balance.ts';
import { ACTIONABLE_STATUSES } from '../../domain/claims/lifecycle.ts';
import { parseDate, today } from '../../domain/dates.ts';
import { fieldError, invalid, notFound, type FieldError } from '../../domain/errors.ts';
import { dateParam, DEFAULT_LOCALE, encodeMessage, type Locale } from '../../domain/messages/index.ts';
import { money, sumMoney } from '../../domain/money.ts';
import { planProblems, planRulesOf, type PlanRules } from '../../domain/plans/rules.ts';
import { deferralTerms, planSchedule, withDeferralInterest, type DueDay, type Instalment, type InstalmentWithInterest } from '../../domain/plans/schedule.ts';
import type { Actor } from '../../domain/policies.ts';
import { loadLedgers } from '../claims/ledger.ts';
import { amendClaim } from '../claims/update-claim.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { owePlanInterest } from './deferral-interest.ts';
import { issueInstalmentNotices } from './instalment-references.ts';
import { fetchPlanView } from './plan-query.ts';
import { ProposePlanInput, type PlanView } from './schema.ts';

/**
 * Proposes an instalment plan (issue 15 item 1) for one or several open positions of one debtor and one
 * creditor, in one currency: the plan is for what they owe today (the stored balances), split by the
 * domain's schedule (the last instalment absorbs the cents). Within the creditor's rules (c.796 for a
 * comune, its own or the company default otherwise) the plan is active at once: its positions are
 * `in_plan` and the dunning engine leaves them alone. Outside them it waits, `proposed` with the
 * reasons, for a supervisor's (or the comune's) approval (`approvePlan`). A position already in a plan,
 * or one that lapsed from a plan (c.800: "non può più essere rateizzato"), cannot be planned.
 */
export async function proposePlan(db: Db, actor: Actor, input: z.input<typeof ProposePlanInput>, opts: { today?: string } = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  return db.transaction().execute((trx) => arrangePlan(trx, actor, input, opts, locale));
}

/** `proposePlan` on a transaction the caller holds (a plan agreed on a call, with its outcome). */
export async function arrangePlan(trx: Trx, actor: Actor, input: z.input<typeof ProposePlanInput>, opts: { today?: string } = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  const data = parseInput(ProposePlanInput, input);
  authorize(actor, 'update', 'claim');
  const todayIso = opts.today ?? today().toString();
  const ids = [...new Set(data.claimIds)].sort();
  // Fixed order of locks, as the payment engine takes them: no deadlock with a payment on the same claims.
  let q = trx
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.id', 'c.external_ref', 'c.debtor_id', 'c.creditor_id', 'c.currency', 'c.status', 'c.version', 'b.total_due', 'b.balance_on'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.id', 'in', ids)
    .orderBy('c.id')
    .forUpdate('c');
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  const claims = await q.execute();
  if (claims.length !== ids.length) throw notFound('claim');
  const first = claims[0]!;
  if (claims.some((c) => c.debtor_id !== first.debtor_id || c.creditor_id !== first.creditor_id || c.currency !== first.currency)) {
    throw invalid([fieldError('claimIds', 'plans.claims_mixed')]);
  }
  const refOf = (id: string) => claims.find((c) => c.id === id)?.external_ref ?? id;
  const problems: FieldError[] = [];
  const earlier = await trx
    .selectFrom('plans')
    .select(['state', 'claim_ids'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', first.debtor_id)
    .where('state', 'in', ['proposed', 'active', 'lapsed'])
    .where(sql<boolean>`claim_ids && ${sql.val(ids)}::uuid[]`)
    .execute();
  for (const p of earlier) {
    for (const id of p.claim_ids.filter((x) => ids.includes(x))) {
      problems.push(fieldError('claimIds', p.state === 'lapsed' ? 'plans.claim_lapsed' : 'plans.claim_in_plan', { ref: refOf(id) }));
    }
  }
  // A position in a plan says so, not only that its status (in_plan) cannot be planned.
  const named = new Set(earlier.flatMap((p) => p.claim_ids));
  claims.forEach((c) => {
    if (!named.has(c.id) && !ACTIONABLE_STATUSES.includes(c.status as never)) problems.push(fieldError(`claimIds.${ids.indexOf(c.id)}`, 'plans.claim_not_plannable', { ref: c.external_ref }));
  });
  if (problems.length) throw invalid(problems);

  // The amount planned is what the positions owe on the plan's start, interest to that day included:
  // the plan's interest on the deferral runs from the next day, and with it the pause of their
  // ordinary interest (domain/plans/pauses.ts). A stored balance of another day is computed to it.
  const stale = claims.filter((c) => c.balance_on !== todayIso).map((c) => c.id);
  if (stale.length) {
    const book = await currentRateBook(trx);
    for (const l of (await loadLedgers(trx, actor, stale)).values()) {
      claims.find((c) => c.id === l.id)!.total_due = balanceFromLedger(book, l.terms, l.payments, l.costs, todayIso).totalDue;
    }
  }
  const total = claims.reduce((s, c) => s.plus(c.total_due), money(0)).toDecimalPlaces(2);
  if (!total.gt(0)) throw invalid([fieldError('claimIds', 'plans.nothing_owed')]);
  const creditor = await trx.selectFrom('creditors').select(['kind', 'plan_rules']).where('tenant_id', '=', actor.tenantId).where('id', '=', first.creditor_id).executeTakeFirstOrThrow();
  const rules = planRulesOf(creditor.plan_rules, creditor.kind);
  const firstDueOn = data.firstDueOn ?? defaultFirstDue(todayIso, rules.dueDay);
  if (firstDueOn < todayIso) throw invalid([fieldError('firstDueOn', 'plans.first_due_past')]);
  const deferral = rules.interestPoints === null ? null : await deferralTermsOn(trx, todayIso, rules.interestPoints);
  const schedule = withInterest(splitOrRefuse(total.toFixed(2), data.count, firstDueOn, rules.dueDay, data.firstAmount, 'count'), todayIso, deferral?.rate ?? null);
  const interest = sumMoney(schedule.map((i) => i.interest));
  // The rules judge the debt deferred (the tiers of c.796 are of the amount owed), the smallest instalment as paid.
  const smallest = schedule.reduce((m, i) => (money(i.amount).lt(m) ? i.amount : m), schedule[0]!.amount);
  const reasons = planProblems(rules, { total: total.toFixed(2), count: data.count, firstAmount: data.firstAmount ?? null, smallest });
  const state = reasons.length ? 'proposed' : 'active';
  const claimAmounts = Object.fromEntries(claims.map((c) => [c.id, money(c.total_due).toFixed(2)]));

  const plan = await trx
    .insertInto('plans')
    .values({
      tenant_id: actor.tenantId,
      debtor_id: first.debtor_id,
      creditor_id: first.creditor_id,
      claim_ids: ids,
      currency: first.currency,
      total: total.plus(interest).toFixed(2),
      interest: interest.toFixed(2),
      deferral_rate: deferral?.rate ?? null,
      deferral_rate_source: deferral?.source ?? null,
      instalment_count: schedule.length,
      state,
      needs_approval: reasons.length > 0,
      reasons: reasons.map(encodeMessage),
      rules: JSON.stringify(rules),
      claim_amounts: JSON.stringify(claimAmounts),
      started_on: todayIso,
      proposed_by: actor.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_instalments')
    .values(schedule.map((i) => ({ tenant_id: actor.tenantId, plan_id: plan.id, number: i.number, due_on: i.dueOn, amount: i.amount, interest: i.interest })))
    .execute();
  await recordAudit(trx, actor, {
    action: state === 'active' ? 'plan.activated' : 'plan.proposed',
    entityType: 'plan',
    entityId: plan.id,
    debtorId: first.debtor_id,
    creditorId: first.creditor_id,
    after: { state, claimIds: ids, total: total.plus(interest).toFixed(2), capital: total.toFixed(2), interest: interest.toFixed(2), deferralRate: deferral?.rate ?? null, count: schedule.length, firstDueOn, reasons: reasons.map(encodeMessage) },
  });
  if (state === 'active') await pauseForPlan(trx, actor, claims);
  if (state === 'active' && interest.gt(0)) {
    await owePlanInterest(trx, actor, { id: plan.id, debtor_id: first.debtor_id, creditor_id: first.creditor_id, claim_ids: ids, claim_amounts: claimAmounts, started_on: todayIso, deferral_rate: deferral!.rate }, interest.toFixed(2), todayIso, null);
  }
  if (state === 'active') await issueInstalmentNotices(trx, actor.tenantId, plan.id);
  return fetchPlanView(trx, actor, plan.id, locale);
}

/**
 * The yearly rate of the interest on the deferral for a plan starting on `on`: the legal rate (art. 1284
 * c.c., the rate book with the rates entered since the release) in force that day plus the rules'
 * points, with the legal rate's source; a validation error when the tables do not reach that day.
 */
export async function deferralTermsOn(trx: Trx, on: string, points: string): Promise<{ rate: string; source: string }> {
  try {
    return deferralTerms((await currentRateBook(trx)).itLegal, on, points);
  } catch (e) {
    if (e instanceof RangeError) throw invalid([fieldError('claimIds', 'plans.no_deferral_rate', { date: dateParam(on) })]);
    throw e;
  }
}

/** The schedule with each instalment's interest on the deferral at `rate` from `from` (none: interest 0). */
export function withInterest(schedule: readonly Instalment[], from: string, rate: string | null): InstalmentWithInterest[] {
  return rate === null ? schedule.map((i) => ({ ...i, capital: i.amount, interest: '0.00' })) : withDeferralInterest(schedule, { from, rate });
}

/** The plan's positions are paused: `in_plan`, which the dunning engine does not act on. */
export async function pauseForPlan(trx: Trx, actor: Actor, claims: readonly { id: string; version: number }[]): Promise<void> {
  for (const c of claims) await amendClaim(trx, actor, c.id, { status: 'in_plan' });
}

/** The first instalment by default: next month, on the rules' due day. */
export function defaultFirstDue(todayIso: string, dueDay: DueDay): string {
  const month = parseDate(todayIso).with({ day: 1 }).add({ months: 1 });
  return month.with({ day: dueDay === 'last' ? month.daysInMonth : Math.min(dueDay, month.daysInMonth) }).toString();
}

/** The domain's schedule, or a validation error naming the field (a split that cannot be made). */
export function splitOrRefuse(total: string, count: number, firstDueOn: string, dueDay: DueDay, firstAmount: string | undefined, path: string) {
  try {
    return planSchedule({ total, count, firstDueOn, dueDay, ...(firstAmount !== undefined ? { firstAmount } : {}) });
  } catch (e) {
    if (e instanceof RangeError) throw invalid([fieldError(path, 'plans.cannot_split', { total, count })]);
    throw e;
  }
}

export type { PlanRules };
