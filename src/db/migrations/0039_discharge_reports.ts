import { sql, type Kysely } from 'kysely';

/**
 * Issued discharge reports (relazione di scarico, issue 16 item 6): the file as issued with its
 * SHA-256, for a creditor's whole mandate or one load, as of a date, with who issued it and when.
 * Sealed: a trigger refuses UPDATE and DELETE (and TRUNCATE), as for audit_events; a correction is a
 * new report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table discharge_reports (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  import_job_id uuid,
  as_of date not null,
  format text not null check (format in ('csv', 'xlsx', 'pdf')),
  language text not null check (language in ('it', 'en', 'de', 'fr')),
  file_name text not null,
  content bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  positions integer not null,
  totals jsonb not null,
  issued_by uuid,
  issued_by_label text not null,
  issued_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors (tenant_id, id),
  foreign key (tenant_id, import_job_id) references import_jobs (tenant_id, id)
);
create index discharge_reports_creditor on discharge_reports (tenant_id, creditor_id, issued_at desc);
create function incasso_discharge_sealed() returns trigger language plpgsql as $fn$
begin
  raise exception 'discharge_reports are sealed: % refused', tg_op using errcode = 'insufficient_privilege';
end
$fn$;
create trigger discharge_reports_sealed before update or delete on discharge_reports
  for each row execute function incasso_discharge_sealed();
create trigger discharge_reports_no_truncate before truncate on discharge_reports
  for each statement execute function incasso_discharge_sealed();
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table discharge_reports; drop function incasso_discharge_sealed();').execute(db);
}
