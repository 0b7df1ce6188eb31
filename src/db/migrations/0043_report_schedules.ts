import { sql, type Kysely } from 'kysely';

/**
 * Scheduled reports to a creditor (issue 16 item 3): "weekly/monthly PDF + XLSX by e-mail through the
 * outbox to the contacts the creditor names".
 * - `report_schedules`: per creditor, how often (weekly: the past Monday–Sunday; monthly: the past
 *   calendar month), in which language, to which addresses, and the next day one is due.
 * - `report_runs`: one report per schedule and period (unique: a second run of the same period is the
 *   same report), its PDF and XLSX with their SHA-256, kept so the portal lists and re-downloads them.
 * - `report_mails`: one e-mail per run and recipient (unique), with its fixed Message-ID, delivered by
 *   the outbox exactly once as a letter is. The outbox row points at a communication (to a debtor) or at
 *   a report mail (to the creditor), never both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table report_schedules (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  frequency text not null check (frequency in ('weekly', 'monthly')),
  language text not null check (language in ('it', 'en', 'de', 'fr')),
  recipients text[] not null check (cardinality(recipients) between 1 and 20),
  active boolean not null default true,
  next_run_on date not null,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors (tenant_id, id)
);
create index report_schedules_due on report_schedules (next_run_on) where active;
create index report_schedules_creditor on report_schedules (tenant_id, creditor_id);

create table report_runs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  schedule_id uuid not null,
  creditor_id uuid not null,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  language text not null,
  pdf bytea not null,
  pdf_sha256 text not null,
  xlsx bytea not null,
  xlsx_sha256 text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (schedule_id, period_to),
  foreign key (tenant_id, schedule_id) references report_schedules (tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors (tenant_id, id)
);
create index report_runs_creditor on report_runs (tenant_id, creditor_id, period_to desc);

create table report_mails (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  run_id uuid not null,
  recipient text not null,
  subject text not null,
  body_text text not null,
  message_id text not null unique,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  error text,
  sent_at timestamptz,
  unique (tenant_id, id),
  unique (run_id, recipient),
  foreign key (tenant_id, run_id) references report_runs (tenant_id, id)
);

alter table outbox alter column communication_id drop not null;
alter table outbox add column report_mail_id uuid references report_mails(id);
alter table outbox add constraint outbox_one_message check (num_nonnulls(communication_id, report_mail_id) = 1);
create unique index outbox_report_mail on outbox (report_mail_id) where report_mail_id is not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
delete from outbox where report_mail_id is not null;
alter table outbox drop constraint outbox_one_message;
alter table outbox drop column report_mail_id;
alter table outbox alter column communication_id set not null;
drop table report_mails; drop table report_runs; drop table report_schedules;
`,
    )
    .execute(db);
}
