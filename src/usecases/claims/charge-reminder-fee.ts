import type { Trx } from '../../db/connect.ts';
import { invalid, fieldError } from '../../domain/errors.ts';
import { money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { loadClaim } from '../shared/scope.ts';
import { resettleClaim } from './ledger.ts';

/**
 * Charges the fee the creditor's terms set for a reminder step (1 = first reminder) on a claim, once:
 * the cost carries the key `reminder:<claim>:<step>`, so a step run again — a retry, a second node, a
 * job that runs twice — never charges it again. No fee configured for the step: nothing is charged.
 * Runs in the caller's transaction (the dunning step that sends the reminder).
 */
export async function chargeReminderFee(
  trx: Trx,
  actor: Actor,
  claimId: string,
  step: number,
  on: string,
  /** A fee the strategy's step sets itself, instead of the creditor's terms. */
  opts: { amount?: string } = {},
): Promise<{ charged: boolean; amount: string | null }> {
  authorize(actor, 'update', 'claim');
  if (!Number.isInteger(step) || step < 1 || step > 10) throw invalid([fieldError('step', 'claim.reminder_step_range')]);
  const claim = await loadClaim(trx, actor, claimId, { forUpdate: true });
  const creditor = await trx
    .selectFrom('creditors')
    .select('reminder_fees')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.creditor_id)
    .executeTakeFirstOrThrow();
  const fee = opts.amount ?? creditor.reminder_fees[step - 1];
  if (!fee || !money(fee).gt(0)) return { charged: false, amount: null };
  const inserted = await trx
    .insertInto('claim_costs')
    .values({
      tenant_id: actor.tenantId,
      claim_id: claim.id,
      kind: 'reminder_fee',
      label: `Spese di sollecito n. ${step} (reminder fee, step ${step})`,
      amount: fee,
      incurred_on: on,
      source_key: `reminder:${claim.id}:${step}`,
      created_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'source_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { charged: false, amount: fee };
  await resettleClaim(trx, actor, claim.id);
  await recordAudit(trx, actor, {
    action: 'claim.cost_added',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    after: { costId: inserted.id, kind: 'reminder_fee', step, amount: fee, incurredOn: on },
  });
  return { charged: true, amount: fee };
}
