import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { fetchClaimView } from './claim-query.ts';
import type { ClaimDetail } from './schema.ts';

export async function getClaim(db: Db, actor: Actor, id: string): Promise<ClaimDetail> {
  authorize(actor, 'read', 'claim');
  assertId(id, 'Pratica (claim)');
  const claim = await fetchClaimView(db, actor, id);
  if (!claim) throw notFound('Pratica (claim)');
  const allocations = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'a.payment_id').onRef('p.tenant_id', '=', 'a.tenant_id'))
    .select([
      'a.payment_id as paymentId',
      'p.value_date as valueDate',
      'p.method',
      'p.reference',
      'a.component',
      'a.amount',
      sql<boolean>`p.reversed_at is not null`.as('reversed'),
    ])
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.claim_id', '=', id)
    .orderBy('p.value_date')
    .orderBy('a.created_at')
    .execute();
  return { ...claim, allocations };
}
