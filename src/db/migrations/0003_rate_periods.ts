import { sql, type Kysely } from 'kysely';

/**
 * Statutory rate periods added after a release (next semester's rate), installation-wide like the
 * tables shipped in data/rates that they extend. Append-only: a wrong period is corrected by a
 * release of the data files, never edited in place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table rate_periods (
  id uuid primary key default gen_random_uuid(),
  series text not null check (series in ('it-legal', 'it-commercial-reference', 'ecb-mro', 'de-basiszins', 'fr-legal')),
  valid_from date not null,
  valid_to date,
  rate_percent numeric(7,4) not null check (rate_percent between -10 and 50),
  -- France has two legal rates: rate_percent for a private creditor, rate2_percent for all other cases.
  rate2_percent numeric(7,4) check (rate2_percent between -10 and 50),
  source text not null check (length(source) between 5 and 500),
  tenant_id uuid references tenants(id),
  added_by uuid references users(id),
  added_by_label text not null,
  created_at timestamptz not null default now(),
  unique (series, valid_from),
  check (valid_to is null or valid_to >= valid_from),
  check ((series = 'fr-legal') = (rate2_percent is not null))
);
create function incasso_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$fn$;
create trigger rate_periods_no_update before update or delete on rate_periods
  for each row execute function incasso_append_only();
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table rate_periods;').execute(db);
}
