import { sql } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import { coded } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { addQueryMessage } from './query-view.ts';

/**
 * The dispute ended on the agency's side (a supervisor requeued the desk's dispute review, ending the
 * pause of the disputed positions): the dispute queries still open to the creditor for those positions
 * are withdrawn in the caller's transaction — closed, no longer waiting for anyone, with a message
 * giving the reason in their thread (both sides read it), and a `query.withdrawn` audit event each.
 * Returns the ids of the queries withdrawn.
 */
export async function withdrawDisputeQueries(trx: Trx, actor: Actor, claimIds: readonly string[], reason: string): Promise<string[]> {
  if (claimIds.length === 0) return [];
  const open = await trx
    .selectFrom('queries')
    .select(['id', 'claim_id', 'debtor_id', 'creditor_id', 'waiting_for'])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', 'in', claimIds)
    .where('kind', '=', 'dispute')
    .where('status', '=', 'open')
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const q of open) {
    await trx
      .updateTable('queries')
      .set({ status: 'closed', waiting_for: null, version: sql`version + 1`, updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', q.id)
      .execute();
    await addQueryMessage(trx, actor, q.id, 'agency', coded('queries.dispute_withdrawn', { reason }));
    await recordAudit(trx, actor, {
      action: 'query.withdrawn',
      entityType: 'query',
      entityId: q.id,
      debtorId: q.debtor_id,
      creditorId: q.creditor_id,
      before: { status: 'open', waitingFor: q.waiting_for },
      after: { status: 'closed', reason, by: 'desk_review_requeued', claimId: q.claim_id },
    });
  }
  return open.map((q) => q.id);
}
