import type { Trx } from '../../db/connect.ts';
import { coded } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { insertQuery } from './open-query.ts';

/**
 * The desk's dispute outcome sends the disputed positions to the creditor (issue 16 item 4): a dispute
 * query on each that has none open yet, in the outcome's transaction (the desk already made them
 * disputed and holds their locks). The first message says it came from the desk, with the operator's reason.
 */
export async function raiseDisputeQueries(trx: Trx, actor: Actor, claimIds: readonly string[], reason: string | null): Promise<void> {
  if (claimIds.length === 0) return;
  authorize(actor, 'create', 'query');
  const claims = await trx
    .selectFrom('claims as c')
    .select(['c.id', 'c.creditor_id', 'c.debtor_id', 'c.external_ref'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.id', 'in', claimIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('queries as q')
            .select('q.id')
            .whereRef('q.claim_id', '=', 'c.id')
            .where('q.tenant_id', '=', actor.tenantId)
            .where('q.kind', '=', 'dispute')
            .where('q.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('c.id')
    .execute();
  const body = reason ? coded('queries.desk_dispute_reason', { reason }) : coded('queries.desk_dispute');
  for (const c of claims) await insertQuery(trx, actor, c, 'dispute', body, null);
}
