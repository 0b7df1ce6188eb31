import { sql, type Kysely } from 'kysely';

/**
 * Starting an import is recorded before any work is done: the job becomes `queued` with what was
 * asked (mapping, preset, options) and who asked, so any node's worker can run it, and a start whose
 * queue message was lost is still found (and run) by the resume job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table import_jobs drop constraint import_jobs_status_check;
alter table import_jobs add constraint import_jobs_status_check
  check (status in ('uploaded', 'queued', 'validating', 'importing', 'done', 'failed'));
alter table import_jobs
  add column start_request jsonb,
  add column requested_by uuid references users(id),
  add column requested_at timestamptz;
create index import_jobs_waiting on import_jobs(updated_at) where status in ('queued', 'validating', 'importing');
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index import_jobs_waiting;
update import_jobs set status = 'uploaded' where status = 'queued';
alter table import_jobs drop column start_request, drop column requested_by, drop column requested_at;
alter table import_jobs drop constraint import_jobs_status_check;
alter table import_jobs add constraint import_jobs_status_check
  check (status in ('uploaded', 'validating', 'importing', 'done', 'failed'));
`,
    )
    .execute(db);
}
