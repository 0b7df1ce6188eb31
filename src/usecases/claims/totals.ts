import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * The portfolio's sums per creditor, currency and status, as the triggers of migration 0012 keep them
 * in `claim_total_deltas` (one grouped row per writing statement). Reading them costs as many rows as
 * statements since the last compaction, not one per claim.
 */
export interface TotalsRow {
  creditor_id: string;
  currency: string;
  status: string;
  count: number;
  principal: string;
  principalDue: string;
  interestDue: string;
  costsDue: string;
  totalDue: string;
}

export async function portfolioTotals(db: Db, tenantId: string, creditorId: string | null): Promise<TotalsRow[]> {
  let q = db
    .selectFrom('claim_total_deltas')
    .select([
      'creditor_id',
      'currency',
      'status',
      sql<number>`sum(claims)::int`.as('count'),
      sql<string>`sum(principal)::numeric(20,2)::text`.as('principal'),
      sql<string>`sum(principal_due)::numeric(20,2)::text`.as('principalDue'),
      sql<string>`sum(interest_due)::numeric(20,2)::text`.as('interestDue'),
      sql<string>`sum(costs_due)::numeric(20,2)::text`.as('costsDue'),
      sql<string>`sum(total_due)::numeric(20,2)::text`.as('totalDue'),
    ])
    .where('tenant_id', '=', tenantId)
    .groupBy(['creditor_id', 'currency', 'status'])
    .having(sql`sum(claims)`, '<>', 0);
  if (creditorId !== null) q = q.where('creditor_id', '=', creditorId);
  return q.execute();
}

/**
 * Folds the delta rows into one row per group (in one statement: readers see the rows before or
 * after, never half). Run by the balances job; concurrent writers keep appending meanwhile.
 */
export async function compactTotals(db: Db): Promise<{ before: number; after: number }> {
  const { rows } = await sql<{ before: number; after: number }>`
    with moved as (delete from claim_total_deltas returning *),
    kept as (
      insert into claim_total_deltas (tenant_id, creditor_id, currency, status, claims, principal, principal_due, interest_due, costs_due, total_due)
      select tenant_id, creditor_id, currency, status, sum(claims), sum(principal), sum(principal_due), sum(interest_due), sum(costs_due), sum(total_due)
        from moved group by tenant_id, creditor_id, currency, status
      having sum(claims) <> 0 or sum(total_due) <> 0 or sum(principal) <> 0
      returning 1
    )
    select (select count(*) from moved)::int as before, (select count(*) from kept)::int as after`.execute(db);
  return rows[0]!;
}
