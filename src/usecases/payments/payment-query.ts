import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { likePattern } from '../shared/paging.ts';
import { PAGOPA_ACCOUNT } from '../bank/schema.ts';
import type { PaymentDetail, PaymentFilters, PaymentSource, PaymentView } from './schema.ts';

/** A timestamp column as the API writes it (ISO 8601, UTC, milliseconds). */
export const iso = (col: string) => sql<string>`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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
  if (p.source) q = q.where(sourceIs(actor, p.source));
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

/**
 * Whether a payment came from a bank entry of the kind: `payment_ids` lists every payment a credit
 * entry became (split ones too); a returned debit points at the payment it reverses through
 * `payment_id` only, so it never counts as the payment's source. Written as a join on the unnested
 * ids, so a filter over the whole set (the list's totals, the export) is one hashed (anti) join over
 * the tenant's entries instead of a probe per payment.
 */
const PAGOPA_PREFIX = `${PAGOPA_ACCOUNT}%`;

function sourceIs(actor: Actor, source: PaymentSource) {
  const entries = sql`select 1 from bank_entries e cross join unnest(e.payment_ids) x(payment_id) where e.tenant_id = ${actor.tenantId} and x.payment_id = p.id`;
  if (source === 'manual') return sql<boolean>`not exists (${entries})`;
  return sql<boolean>`exists (${entries} and e.account ${sql.raw(source === 'pagopa' ? 'like' : 'not like')} ${PAGOPA_PREFIX})`;
}

/**
 * The list's row: the payment's view and how it came in (and from which bank file) — a page's worth
 * of probes of the `payment_ids` GIN index (migration 0037).
 */
export function selectPaymentListItem(q: ReturnType<typeof paymentsQuery>, actor: Actor) {
  return selectPaymentView(q)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('bank_entries as e')
          .innerJoin('bank_files as f', (j) => j.onRef('f.id', '=', 'e.file_id').onRef('f.tenant_id', '=', 'e.tenant_id'))
          .select([sql<PaymentSource>`case when e.account like ${PAGOPA_PREFIX} then 'pagopa' else 'bank' end`.as('source'), 'f.id as fileId', 'f.file_name as fileName'])
          .where('e.tenant_id', '=', actor.tenantId)
          .where(sql<boolean>`e.payment_ids @> array[p.id]`)
          .orderBy('e.created_at')
          .limit(1)
          .as('src'),
      (j) => j.onTrue(),
    )
    .select([sql<PaymentSource>`coalesce(src.source, 'manual')`.as('source'), 'src.fileId as sourceFileId', 'src.fileName as sourceFileName']);
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
