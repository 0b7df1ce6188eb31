import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * Folds the portal's delta rows (migration 0047) into one row per group, each table in one statement
 * (readers see the rows before or after, never half), as `compactTotals` does for the dashboard. Run
 * by the balances job; concurrent writers keep appending meanwhile.
 */
export async function compactPortal(db: Db): Promise<{ before: number; after: number }> {
  const { rows } = await sql<{ before: number; after: number }>`
    with mp as (delete from portfolio_progress_deltas returning *),
    kp as (
      insert into portfolio_progress_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage,
                                             claims, worked, reached, loaded, collected, collected_other, annulled, residual, closed, closed_days)
      select tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage,
             sum(claims), sum(worked), sum(reached), sum(loaded), sum(collected), sum(collected_other), sum(annulled), sum(residual), sum(closed), sum(closed_days)
        from mp group by tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage
      having sum(claims) <> 0 or sum(worked) <> 0 or sum(reached) <> 0 or sum(loaded) <> 0 or sum(collected) <> 0 or sum(collected_other) <> 0
          or sum(annulled) <> 0 or sum(residual) <> 0 or sum(closed) <> 0 or sum(closed_days) <> 0
      returning 1),
    md as (delete from open_due_deltas returning *),
    kd as (
      insert into open_due_deltas (tenant_id, creditor_id, currency, due_date, claims, residual)
      select tenant_id, creditor_id, currency, due_date, sum(claims), sum(residual)
        from md group by tenant_id, creditor_id, currency, due_date having sum(claims) <> 0 or sum(residual) <> 0
      returning 1),
    mc as (delete from collection_deltas returning *),
    kc as (
      insert into collection_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, paid_month, amount, on_load)
      select tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, paid_month, sum(amount), sum(on_load)
        from mc group by tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, paid_month
      having sum(amount) <> 0 or sum(on_load) <> 0
      returning 1)
    select ((select count(*) from mp) + (select count(*) from md) + (select count(*) from mc))::int as before,
           ((select count(*) from kp) + (select count(*) from kd) + (select count(*) from kc))::int as after`.execute(db);
  return rows[0]!;
}
