import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { likePattern } from '../shared/paging.ts';
import type { PaymentDetail, PaymentFilters, PaymentView } from './schema.ts';

const iso = (col: string) => sql<string>`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function paymentsQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'p.debtor_id').onRef('d.tenant_id', '=', 'p.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'p.creditor_id').onRef('k.tenant_id', '=', 'p.tenant_id'))
    .where('p.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('p.creditor_id', '=', actor.creditorId);
  return q;
}

/** The filters of the payments list and its CSV export, on `paymentsQuery` (already tenant-scoped). */
export function filterPayments(query: ReturnType<typeof paymentsQuery>, actor: Actor, p: PaymentFilters) {
  let q = query;
  if (p.debtorId) q = q.where('p.debtor_id', '=', p.debtorId);
  if (p.creditorId) q = q.where('p.creditor_id', '=', p.creditorId);
  if (p.from) q = q.where('p.value_date', '>=', p.from);
  if (p.to) q = q.where('p.value_date', '<=', p.to);
  if (p.method) q = q.where('p.method', '=', p.method);
  if (p.reversed === 'true') q = q.where('p.reversed_at', 'is not', null);
  if (p.reversed === 'false') q = q.where('p.reversed_at', 'is', null);
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
  return q;
}

export function selectPaymentView(q: ReturnType<typeof paymentsQuery>) {
  return q.select([
    'p.id',
    'p.creditor_id as creditorId',
    'k.name as creditorName',
    'p.debtor_id as debtorId',
    'd.display_name as debtorName',
    'p.amount',
    'p.unallocated',
    'p.currency',
    'p.value_date as valueDate',
    'p.method',
    'p.reference',
    'p.payer_name as payerName',
    'p.note',
    sql<string | null>`case when p.reversed_at is null then null else ${iso('p.reversed_at')} end`.as('reversedAt'),
    'p.version',
    iso('p.created_at').as('createdAt'),
  ]);
}

export async function fetchPaymentDetail(db: Db, actor: Actor, id: string): Promise<PaymentDetail | undefined> {
  const payment = await selectPaymentView(paymentsQuery(db, actor).where('p.id', '=', id)).executeTakeFirst();
  if (!payment) return undefined;
  const allocations = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'a.claim_id').onRef('c.tenant_id', '=', 'a.tenant_id'))
    .select(['a.claim_id as claimId', 'c.external_ref as externalRef', 'a.component', 'a.amount'])
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.payment_id', '=', id)
    .orderBy('c.due_date')
    .orderBy('a.claim_id')
    .execute();
  return { ...(payment as PaymentView), allocations };
}

/** {@link fetchPaymentDetail} of many payments in two statements. */
export async function fetchPaymentDetails(db: Db, actor: Actor, ids: readonly string[]): Promise<Map<string, PaymentDetail>> {
  const out = new Map<string, PaymentDetail>();
  if (!ids.length) return out;
  const payments = await selectPaymentView(paymentsQuery(db, actor).where('p.id', 'in', ids)).execute();
  for (const p of payments) out.set(p.id, { ...(p as PaymentView), allocations: [] });
  const allocations = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'a.claim_id').onRef('c.tenant_id', '=', 'a.tenant_id'))
    .select(['a.payment_id', 'a.claim_id as claimId', 'c.external_ref as externalRef', 'a.component', 'a.amount'])
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.payment_id', 'in', ids)
    .orderBy('a.payment_id')
    .orderBy('c.due_date')
    .orderBy('a.claim_id')
    .execute();
  for (const { payment_id, ...a } of allocations) out.get(payment_id)?.allocations.push(a);
  return out;
}
