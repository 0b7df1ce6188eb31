import { sql } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import { statusAfterPause } from '../../domain/claims/lifecycle.ts';
import { money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';

/**
 * A plan ended (lapsed, cancelled, paid with something still owed): its positions still `in_plan` go
 * back to work as after any pause (`statusAfterPause`: partially paid if money came, in collection
 * otherwise) and the dunning engine takes them up again. Positions the payments already closed keep
 * the status the payment engine gave them. Returns the ids resumed.
 */
export async function resumeAfterPlan(trx: Trx, actor: Actor, plan: { id: string; debtor_id: string; creditor_id: string; claim_ids: string[] }, reason: string): Promise<string[]> {
  const claims = await trx
    .selectFrom('claims')
    .select(['id', 'principal_paid', 'interest_paid', 'costs_paid'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', plan.claim_ids)
    .where('status', '=', 'in_plan')
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const c of claims) {
    const status = statusAfterPause({ anyPayment: [c.principal_paid, c.interest_paid, c.costs_paid].some((v) => !money(v).isZero()) });
    await trx.updateTable('claims').set({ status, version: sql`version + 1`, updated_at: sql`now()` }).where('tenant_id', '=', actor.tenantId).where('id', '=', c.id).execute();
    await recordAudit(trx, actor, {
      action: 'claim.status_changed',
      entityType: 'claim',
      entityId: c.id,
      debtorId: plan.debtor_id,
      creditorId: plan.creditor_id,
      before: { status: 'in_plan' },
      after: { status, planId: plan.id, reason },
    });
  }
  return claims.map((c) => c.id);
}
