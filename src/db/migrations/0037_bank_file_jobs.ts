import { sql, type Kysely } from 'kysely';

/**
 * Bank files uploaded over HTTP are stored and placed by a job (issue 15 items 4 and 7): the file's
 * bytes (`bank_file_data`, in chunks, like `import_files`), the saved CSV mapping it is read with, and
 * its state — queued, running (its counts committed after each chunk, `updated_at` the heartbeat the
 * resume job reads), done or failed. `file_bytes` is set only for a stored file: a file the CLI reads
 * from disk has nothing to resume from.
 *
 * The payments list tells how each payment came in (bank file, pagoPA, by hand) from the entries
 * pointing at it: `payment_ids @> array[id]` is answered by a GIN index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table bank_files drop constraint bank_files_status_check;
alter table bank_files add constraint bank_files_status_check check (status in ('queued', 'running', 'done', 'failed'));
alter table bank_files add column mapping text check (length(mapping) between 1 and 60);
alter table bank_files add column file_bytes bigint check (file_bytes > 0);
alter table bank_files add column updated_at timestamptz not null default now();
create index bank_files_unfinished on bank_files (updated_at) where status in ('queued', 'running');

create table bank_file_data (
  tenant_id uuid not null,
  file_id uuid not null,
  seq integer not null check (seq >= 0),
  data bytea not null,
  primary key (file_id, seq),
  foreign key (tenant_id, file_id) references bank_files(tenant_id, id)
);

create index bank_entries_payments on bank_entries using gin (payment_ids);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index bank_entries_payments;
drop table bank_file_data;
drop index bank_files_unfinished;
delete from bank_files where status = 'queued';
alter table bank_files drop column updated_at, drop column file_bytes, drop column mapping;
alter table bank_files drop constraint bank_files_status_check;
alter table bank_files add constraint bank_files_status_check check (status in ('running', 'done', 'failed'));
`,
    )
    .execute(db);
}
