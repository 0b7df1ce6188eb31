import { sql, type ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { pagination, uuid } from '../../domain/fields.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';

/**
 * The unreachable (irreperibili): a debtor (aliased `d`) with no contact that could reach them — none
 * at all, or only ones known to be invalid or belonging to third parties. One rule for the skip-tracing
 * list and the import's data-quality report.
 */
export const withoutUsableContact = (eb: ExpressionBuilder<DB & { d: DB['debtors'] }, 'd'>) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('contacts as k')
        .select('k.id')
        .whereRef('k.debtor_id', '=', 'd.id')
        .whereRef('k.tenant_id', '=', 'd.tenant_id')
        .where('k.status', '!=', 'invalid')
        .where('k.third_party', '=', false),
    ),
  );

export const SkipTracingQuery = pagination.extend({ creditorId: uuid.optional(), importJobId: uuid.optional() });

export const SkipTracingItem = z.object({
  debtorId: z.uuid(),
  displayName: z.string(),
  taxCode: z.string().nullable(),
  vatNumber: z.string().nullable(),
  /** The last known address, if any: where a search (anagrafe, registro imprese) starts. */
  address: z.string().nullable(),
  openClaims: z.number(),
  /** Principal still owed on open claims, per currency. */
  outstanding: z.array(z.object({ currency: z.string(), amount: z.string() })),
  invalidContacts: z.number(),
});
export type SkipTracingItem = z.infer<typeof SkipTracingItem>;

/**
 * The skip-tracing work list (irreperibili): debtors with open claims and no contact that could reach
 * them — none at all, or only ones known to be invalid or belonging to third parties. An operator
 * records the new contact found, with its source, on the debtor; the debtor then leaves the list.
 */
export async function listSkipTracing(db: Db, actor: Actor, query: z.input<typeof SkipTracingQuery>): Promise<Page<SkipTracingItem>> {
  authorize(actor, 'read', 'debtor');
  const p = parseInput(SkipTracingQuery, query);
  let claims = db
    .selectFrom('claims as c')
    .select('c.debtor_id')
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.status', 'in', OPEN_STATUSES);
  if (actor.creditorId !== null) claims = claims.where('c.creditor_id', '=', actor.creditorId);
  if (p.creditorId) claims = claims.where('c.creditor_id', '=', p.creditorId);
  if (p.importJobId) claims = claims.where('c.import_job_id', '=', p.importJobId);
  const base = db
    .selectFrom('debtors as d')
    .where('d.tenant_id', '=', actor.tenantId)
    .where('d.id', 'in', claims)
    .where(withoutUsableContact);
  const [rows, count] = await Promise.all([
    base
      .select([
        'd.id',
        'd.display_name',
        'd.tax_code',
        'd.vat_number',
        sql<string | null>`(select concat_ws(', ', a.line1, concat_ws(' ', a.postal_code, a.city), a.country) from addresses a
          where a.tenant_id = d.tenant_id and a.debtor_id = d.id order by a.created_at desc limit 1)`.as('address'),
        sql<number>`(select count(*)::int from contacts k where k.tenant_id = d.tenant_id and k.debtor_id = d.id and k.status = 'invalid')`.as('invalid_contacts'),
      ])
      .orderBy('d.display_name')
      .orderBy('d.id')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const sums = new Map<string, { currency: string; amount: string }[]>();
  const counts = new Map<string, number>();
  if (ids.length) {
    let q = db
      .selectFrom('claims')
      .select(['debtor_id', 'currency', sql<string>`round(sum(principal - principal_paid), 2)::text`.as('amount'), sql<number>`count(*)::int`.as('n')])
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', 'in', ids)
      .where('status', 'in', OPEN_STATUSES)
      .groupBy(['debtor_id', 'currency'])
      .orderBy('currency');
    if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
    for (const r of await q.execute()) {
      sums.set(r.debtor_id, [...(sums.get(r.debtor_id) ?? []), { currency: r.currency, amount: r.amount }]);
      counts.set(r.debtor_id, (counts.get(r.debtor_id) ?? 0) + r.n);
    }
  }
  return {
    items: rows.map((r) => ({
      debtorId: r.id,
      displayName: r.display_name,
      taxCode: r.tax_code,
      vatNumber: r.vat_number,
      address: r.address,
      openClaims: counts.get(r.id) ?? 0,
      outstanding: sums.get(r.id) ?? [],
      invalidContacts: r.invalid_contacts,
    })),
    total: Number(count.n),
    page: p.page,
    pageSize: p.pageSize,
  };
}
