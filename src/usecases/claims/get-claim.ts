import { sql } from 'kysely';
import { z } from 'zod';
import { isoDate } from '../../domain/fields.ts';
import { parseInput } from '../shared/input.ts';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { wordStored } from '../shared/stored-messages.ts';
import { fetchClaimView } from './claim-query.ts';
import type { ClaimDetail } from './schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';

export const GetClaimQuery = z.object({
  /** The day the balance is computed to (default: today). */
  asOf: isoDate.optional(),
});

export async function getClaim(
  db: Db,
  actor: Actor,
  id: string,
  query: z.input<typeof GetClaimQuery> = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimDetail> {
  authorize(actor, 'read', 'claim');
  assertId(id, 'claim');
  const { asOf } = parseInput(GetClaimQuery, query);
  const claim = await fetchClaimView(db, actor, id, asOf, locale);
  if (!claim) throw notFound('claim');
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
  const costs = await db
    .selectFrom('claim_costs')
    .select([
      'id',
      'kind',
      'label',
      'amount',
      'incurred_on as incurredOn',
      'waived_on as waivedOn',
      'waiver_reason as waiverReason',
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('createdAt'),
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', id)
    .orderBy('incurred_on')
    .orderBy('created_at')
    .execute();
  // A plan's interest on the deferral is labelled and waived with coded messages, worded for the reader.
  return { ...claim, allocations, costs: costs.map((c) => ({ ...c, label: wordStored(c.label, locale), waiverReason: c.waiverReason === null ? null : wordStored(c.waiverReason, locale) })) };
}
