import { sql, type Kysely } from 'kysely';

/**
 * Debtor profiles to refresh (issue 15 item 8, decision 0006): a bank file's chunk marks the debtors
 * it paid in its own transaction instead of recomputing their profiles there; the import refreshes
 * the marked debtors once its lines are placed, and the `refresh-stale-profiles` job every minute
 * refreshes what a crash left marked. A payment is never committed without its debtor's profile
 * being refreshed, or marked to be. Derived work: no foreign keys (a mark of a debtor gone refreshes nothing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table debtor_profiles_stale (
  tenant_id uuid not null,
  debtor_id uuid not null,
  marked_at timestamptz not null default now(),
  primary key (tenant_id, debtor_id)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table debtor_profiles_stale;').execute(db);
}
