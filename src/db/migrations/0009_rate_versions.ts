import { sql, type Kysely } from 'kysely';

/**
 * Statutory rates belong to the installation, not to a tenant (issue 11). Periods stay append-only;
 * a correction is a new version of the same period (series + first day) with its source, reason and
 * the installation operator who entered it, and the latest version is the one in force. The rows are
 * the installation's audit of its rate tables: nothing is ever edited or deleted.
 * New rows carry no tenant and no user (`tenant_id`, `added_by` stay for the rows entered before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table rate_periods drop constraint rate_periods_series_valid_from_key;
alter table rate_periods
  add column version integer not null default 1 check (version >= 1),
  add column supersedes uuid references rate_periods(id),
  add column reason text check (reason is null or length(reason) between 5 and 500);
alter table rate_periods add constraint rate_periods_series_valid_from_version_key unique (series, valid_from, version);
alter table rate_periods add constraint rate_periods_correction_check
  check ((version = 1 and supersedes is null) or (version > 1 and supersedes is not null and reason is not null));
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table rate_periods drop constraint rate_periods_correction_check;
alter table rate_periods drop constraint rate_periods_series_valid_from_version_key;
alter table rate_periods drop column reason, drop column supersedes, drop column version;
alter table rate_periods add constraint rate_periods_series_valid_from_key unique (series, valid_from);
`,
    )
    .execute(db);
}
