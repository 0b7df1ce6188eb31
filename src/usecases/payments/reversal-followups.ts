import { sql } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import { ACTIONABLE_STATUSES, statusAfterPause } from '../../domain/claims/lifecycle.ts';
import { money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { refreshBalances } from '../claims/balances.ts';
import { refreshPausedBalances } from '../plans/deferral-interest.ts';
import { reviewPlan } from '../plans/evaluate-plans.ts';
import { planFill } from '../plans/plan-fill.ts';
import { pauseForPlan } from '../plans/propose-plan.ts';
import { recordAudit } from '../shared/audit.ts';

interface Reversal {
  paymentId: string;
  reason: string;
  /** The day of the reversal. */
  on: string;
  /** The claims whose money changed (the reversed payment's and those of the payments imputed again). */
  claimIds: readonly string[];
}


/**
 * A reversal brings the plans on the claims it touched along (issue 15 item 6): the instalments are
 * filled again in order without the reversed money (`reviewPlan`: paid, partly paid, late); a plan the
 * payment had paid in full runs again — active, its positions that owe again back `in_plan` — and is
 * then filled and judged as of the reversal day. Audited as `plan.reopened`.
 */
export async function replanAfterReversal(trx: Trx, actor: Actor, r: Reversal): Promise<string[]> {
  if (r.claimIds.length === 0) return [];
  const plans = await trx
    .selectFrom('plans')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('state', 'in', ['active', 'paid'])
    .where(sql<boolean>`claim_ids && ${sql.val([...r.claimIds])}::uuid[]`)
    .orderBy('id')
    .forUpdate()
    .execute();
  const reopened: string[] = [];
  for (const plan of plans) {
    if (plan.state === 'paid') {
      const fill = await planFill(trx, plan, r.on);
      if (money(fill.paid).gte(plan.total)) continue;
      await trx
        .updateTable('plans')
        .set({ state: 'active', closed_on: null, version: sql`version + 1` })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', plan.id)
        .execute();
      // Positions the reversed money had closed owe again: paused for the plan once more.
      const owing = await trx
        .selectFrom('claims')
        .select(['id', 'version'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', 'in', plan.claim_ids)
        .where('status', 'in', [...ACTIONABLE_STATUSES])
        .orderBy('id')
        .execute();
      await pauseForPlan(trx, actor, owing);
      // Running again: so is its pause of the positions' ordinary interest (domain/plans/pauses.ts).
      await refreshPausedBalances(trx, actor.tenantId, plan);
      await recordAudit(trx, actor, {
        action: 'plan.reopened',
        entityType: 'plan',
        entityId: plan.id,
        debtorId: plan.debtor_id,
        creditorId: plan.creditor_id,
        before: { state: 'paid', paid: plan.paid, closedOn: plan.closed_on },
        after: { state: 'active', paid: fill.paid, paused: owing.map((c) => c.id), reversedPaymentId: r.paymentId, reason: r.reason },
      });
      reopened.push(plan.id);
    }
    await reviewPlan(trx, actor.tenantId, plan.id, r.on);
  }
  return reopened;
}

/**
 * A reversal takes back a settlement it had paid (issue 15 items 3 and 6): when what arrived within
 * the offer no longer reaches the amount, the write-off is undone — the positions written off for it
 * owe again (`statusAfterPause`: back to the dunning engine) — and the settlement is open again until
 * its deadline (expired when that passed: the daily close will not pay it any more). Audited as
 * `settlement.reopened` and `claim.write_off_undone`.
 */
export async function unsettleAfterReversal(trx: Trx, actor: Actor, r: Reversal): Promise<string[]> {
  if (r.claimIds.length === 0) return [];
  const settlements = await trx
    .selectFrom('settlements')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('state', '=', 'paid')
    .where(sql<boolean>`claim_ids && ${sql.val([...r.claimIds])}::uuid[]`)
    .orderBy('id')
    .forUpdate()
    .execute();
  const undone: string[] = [];
  for (const s of settlements) {
    const paid = await trx
      .selectFrom('payment_allocations as a')
      .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
      .select(sql<string>`round(coalesce(sum(a.amount), 0), 2)::text`.as('paid'))
      .where('a.tenant_id', '=', actor.tenantId)
      .where('a.claim_id', 'in', s.claim_ids)
      .where('y.value_date', '>=', s.offered_on)
      .where('y.value_date', '<=', s.deadline)
      .where('y.reversed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (money(paid.paid).gte(s.amount)) continue;
    const state = r.on > s.deadline ? 'expired' : 'offered';
    await trx
      .updateTable('settlements')
      .set({ state, paid_on: null, version: sql`version + 1` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', s.id)
      .execute();
    const claims = await trx
      .selectFrom('claims')
      .select(['id', 'principal_paid', 'interest_paid', 'costs_paid'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', s.claim_ids)
      .where('status', '=', 'written_off')
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const c of claims) {
      const status = statusAfterPause({ anyPayment: [c.principal_paid, c.interest_paid, c.costs_paid].some((v) => !money(v).isZero()) });
      await trx
        .updateTable('claims')
        .set({ status, closed_on: null, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', c.id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'claim.write_off_undone',
        entityType: 'claim',
        entityId: c.id,
        debtorId: s.debtor_id,
        creditorId: s.creditor_id,
        before: { status: 'written_off' },
        after: { status, settlementId: s.id, reversedPaymentId: r.paymentId, reason: r.reason },
      });
    }
    await refreshBalances(trx, actor.tenantId, claims.map((c) => c.id));
    await recordAudit(trx, actor, {
      action: 'settlement.reopened',
      entityType: 'debtor',
      entityId: s.debtor_id,
      debtorId: s.debtor_id,
      creditorId: s.creditor_id,
      before: { settlementId: s.id, state: 'paid', paidOn: s.paid_on },
      after: { settlementId: s.id, state, paid: paid.paid, amount: s.amount, restored: claims.map((c) => c.id), reversedPaymentId: r.paymentId, reason: r.reason },
    });
    undone.push(s.id);
  }
  return undone;
}

