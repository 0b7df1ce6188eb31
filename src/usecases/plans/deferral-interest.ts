import type { Trx } from '../../db/connect.ts';
import { dateParam, encodeMessage, msg, type Message } from '../../domain/messages/index.ts';
import { money, sumMoney } from '../../domain/money.ts';
import { splitProRata } from '../../domain/plans/schedule.ts';
import type { Actor } from '../../domain/policies.ts';
import { refreshBalances } from '../claims/balances.ts';
import { resettleClaim } from '../claims/ledger.ts';
import { recordAudit } from '../shared/audit.ts';

export interface DeferralPlan {
  id: string;
  debtor_id: string;
  creditor_id: string;
  claim_ids: string[];
  claim_amounts: Record<string, string> | null;
  started_on: string;
  deferral_rate: string | null;
}

/**
 * Makes the interest on the deferral of a plan owed on its positions (issue 15): `amount` in all,
 * split over the positions pro rata to the capital each brought into the plan (exact to the cent,
 * domain `splitProRata`), as claim costs of the kind `deferral_interest` — so a position's balance is
 * its capital plus its share of the plan's interest, and paying every instalment settles it to zero.
 * The costs already charged for the plan are waived first, with `why` (a lapse drops the interest of
 * the instalments not yet due; an extension re-schedules it); nothing changes when they already make
 * `amount`. Each change re-splits the position's payments and refreshes its balance, with its audit
 * events, in the caller's transaction. `on` is the day the interest is owed from (the plan's acceptance);
 * a reduced charge keeps the first charge's day.
 */
export async function owePlanInterest(trx: Trx, actor: Actor, plan: DeferralPlan, amount: string, on: string, why: Message | null): Promise<void> {
  const key = `plan:${plan.id}:`;
  const rows = await trx
    .selectFrom('claim_costs')
    .select(['id', 'claim_id', 'amount', 'incurred_on', 'waived_on'])
    .where('tenant_id', '=', actor.tenantId)
    .where('kind', '=', 'deferral_interest')
    .where('source_key', 'like', `${key}%`)
    .orderBy('created_at')
    .execute();
  const live = rows.filter((r) => r.waived_on === null);
  if (sumMoney(live.map((r) => r.amount)).eq(amount)) return;
  const ids = [...plan.claim_ids].sort();
  // The payment engine's order of locks.
  await trx.selectFrom('claims').select('id').where('tenant_id', '=', actor.tenantId).where('id', 'in', ids).orderBy('id').forUpdate().execute();
  const since = rows[0]?.incurred_on ?? on;
  const reason = why ? encodeMessage(why) : null;
  const audit = { entityType: 'claim', debtorId: plan.debtor_id, creditorId: plan.creditor_id } as const;
  for (const r of live) {
    await trx
      .updateTable('claim_costs')
      .set({ waived_on: on, waived_by: actor.userId, waiver_reason: reason ?? encodeMessage(msg('plans.deferral_interest_rescheduled', { date: dateParam(on) })) })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', r.id)
      .execute();
    await recordAudit(trx, actor, { action: 'claim.cost_waived', ...audit, entityId: r.claim_id, before: { costId: r.id, kind: 'deferral_interest', amount: r.amount, waivedOn: null }, after: { costId: r.id, waivedOn: on, reason, planId: plan.id } });
  }
  const weights = ids.map((id) => plan.claim_amounts?.[id] ?? '0');
  const shares = money(amount).gt(0) ? splitProRata(amount, weights) : ids.map(() => '0.00');
  const label = encodeMessage(msg('plans.deferral_interest_cost', { rate: plan.deferral_rate ?? '0', startedOn: dateParam(plan.started_on) }));
  for (const [i, claimId] of ids.entries()) {
    if (!money(shares[i]!).gt(0)) continue;
    const row = await trx
      .insertInto('claim_costs')
      .values({ tenant_id: actor.tenantId, claim_id: claimId, kind: 'deferral_interest', label, amount: shares[i]!, incurred_on: since, source_key: `${key}${claimId}:${rows.length + 1}`, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'claim.cost_added', ...audit, entityId: claimId, after: { costId: row.id, kind: 'deferral_interest', amount: shares[i]!, incurredOn: since, planId: plan.id } });
  }
  for (const id of ids) await resettleClaim(trx, actor, id);
}

/**
 * The stored balances of a plan's positions, refreshed when the plan's pause of their ordinary interest
 * ends or runs again (paid, lapsed, cancelled, reopened by a reversal: domain/plans/pauses.ts) — the
 * ledgers derive the pause from the plan's state, which the caller has just written. A plan without
 * interest on the deferral pauses nothing: nothing to do. (The pause's start, on acceptance, comes
 * with the interest booked by `owePlanInterest`, which re-settles and refreshes the positions.)
 */
export async function refreshPausedBalances(trx: Trx, tenantId: string, plan: { claim_ids: string[]; interest: string }): Promise<void> {
  if (!money(plan.interest).gt(0)) return;
  const ids = [...plan.claim_ids].sort();
  // The payment engine's order of locks.
  await trx.selectFrom('claims').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).orderBy('id').forUpdate().execute();
  await refreshBalances(trx, tenantId, ids);
}
