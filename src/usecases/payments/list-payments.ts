import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf } from '../shared/paging.ts';
import { filterPayments, paymentsQuery, selectPaymentListItem } from './payment-query.ts';
import { ListPaymentsQuery, type PaymentListItem, type PaymentPage } from './schema.ts';

export { ListPaymentsQuery };

const SORT = { valueDate: sql`p.value_date`, amount: sql`p.amount`, createdAt: sql`p.created_at` } as const;

/**
 * A page of payments with the filters of the Pagamenti page (how the money came in among them), each
 * saying its source and bank file, and the totals of the whole filtered set
 * per currency (amounts are never added across currencies): how many, how much, and how much of it
 * was reversed.
 */
export async function listPayments(db: Db, actor: Actor, query: z.input<typeof ListPaymentsQuery>): Promise<PaymentPage> {
  authorize(actor, 'read', 'payment');
  const p = parseInput(ListPaymentsQuery, query);
  const q = filterPayments(paymentsQuery(db, actor), actor, p);
  const [rows, totals] = await Promise.all([
    selectPaymentListItem(q, actor).orderBy(SORT[p.sort], p.order).orderBy('p.id').limit(p.pageSize).offset(offsetOf(p)).execute(),
    q
      .select([
        'p.currency',
        (eb) => eb.fn.countAll<string>().as('count'),
        sql<string>`round(sum(p.amount), 2)::text`.as('amount'),
        sql<string>`round(coalesce(sum(p.amount) filter (where p.reversed_at is not null), 0), 2)::text`.as('reversedAmount'),
      ])
      .groupBy('p.currency')
      .orderBy('p.currency')
      .execute(),
  ]);
  return {
    items: rows as PaymentListItem[],
    total: totals.reduce((n, r) => n + Number(r.count), 0),
    page: p.page,
    pageSize: p.pageSize,
    totals: totals.map((r) => ({ currency: r.currency, count: Number(r.count), amount: r.amount, reversedAmount: r.reversedAmount })),
  };
}
