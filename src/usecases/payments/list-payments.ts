import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { isoDate, pagination, searchText, uuid } from '../../domain/fields.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { likePattern, offsetOf, type Page } from '../shared/paging.ts';
import { paymentsQuery, selectPaymentView } from './payment-query.ts';
import type { PaymentView } from './schema.ts';

export const ListPaymentsQuery = pagination.extend({
  q: searchText,
  debtorId: uuid.optional(),
  creditorId: uuid.optional(),
  claimId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['valueDate', 'amount', 'createdAt']).default('valueDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

const SORT = { valueDate: sql`p.value_date`, amount: sql`p.amount`, createdAt: sql`p.created_at` } as const;

export async function listPayments(
  db: Db,
  actor: Actor,
  query: z.input<typeof ListPaymentsQuery>,
): Promise<Page<PaymentView>> {
  authorize(actor, 'read', 'payment');
  const p = parseInput(ListPaymentsQuery, query);
  let q = paymentsQuery(db, actor);
  if (p.debtorId) q = q.where('p.debtor_id', '=', p.debtorId);
  if (p.creditorId) q = q.where('p.creditor_id', '=', p.creditorId);
  if (p.from) q = q.where('p.value_date', '>=', p.from);
  if (p.to) q = q.where('p.value_date', '<=', p.to);
  if (p.claimId) {
    const claimId = p.claimId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('payment_allocations as pa')
          .select(sql`1`.as('one'))
          .whereRef('pa.payment_id', '=', 'p.id')
          .where('pa.tenant_id', '=', actor.tenantId)
          .where('pa.claim_id', '=', claimId),
      ),
    );
  }
  if (p.q) {
    const pattern = likePattern(p.q);
    q = q.where((eb) => eb.or([eb('p.reference', 'ilike', pattern), eb('p.payer_name', 'ilike', pattern), eb('d.display_name', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    selectPaymentView(q).orderBy(SORT[p.sort], p.order).orderBy('p.id').limit(p.pageSize).offset(offsetOf(p)).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows as PaymentView[], total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
