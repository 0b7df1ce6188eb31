import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * How many debtors a tenant has per kind and hardship flag, as the triggers of migration 0015 keep
 * them in `debtor_count_deltas` (one grouped row per writing statement): a few rows to read instead
 * of counting every debtor.
 */
export async function debtorCounts(db: Db, tenantId: string): Promise<{ kind: string; hardship: boolean; count: number }[]> {
  return db
    .selectFrom('debtor_count_deltas')
    .select(['kind', 'hardship', sql<number>`sum(debtors)::int`.as('count')])
    .where('tenant_id', '=', tenantId)
    .groupBy(['kind', 'hardship'])
    .having(sql`sum(debtors)`, '<>', 0)
    .execute();
}

/** Folds the delta rows into one per group, in one statement (run by the balances job). */
export async function compactDebtorCounts(db: Db): Promise<{ before: number; after: number }> {
  const { rows } = await sql<{ before: number; after: number }>`
    with moved as (delete from debtor_count_deltas returning *),
    kept as (
      insert into debtor_count_deltas (tenant_id, kind, hardship, debtors)
      select tenant_id, kind, hardship, sum(debtors) from moved group by tenant_id, kind, hardship
      having sum(debtors) <> 0
      returning 1
    )
    select (select count(*) from moved)::int as before, (select count(*) from kept)::int as after`.execute(db);
  return rows[0]!;
}
