import { sql, type Kysely } from 'kysely';

/**
 * The desk's call screen (issue 14 item 3): a call object per number dialled from "next" (who, which
 * number, started and ended, the contact-log row of its outcome) carrying the right-party check —
 * verified on the server against the debtor's codice fiscale or date of birth, the failed tries
 * counted so a few wrong answers lock it for that call. And a creditor's own promise rules (maximum
 * days ahead, minimum amount…; null: the shipped defaults).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table desk_calls (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  queue_id uuid not null,
  debtor_id uuid not null,
  contact_id uuid not null references contacts(id),
  user_id uuid not null references users(id),
  started_at timestamptz not null,
  ended_at timestamptz,
  identity_method text check (identity_method is null or identity_method in ('tax_id', 'birth_date')),
  identity_verified_at timestamptz,
  identity_failures integer not null default 0 check (identity_failures >= 0),
  outcome text check (outcome is null or length(outcome) between 1 and 40),
  contact_log_id bigint references contact_log(id),
  unique (tenant_id, id),
  foreign key (tenant_id, queue_id) references work_queues(tenant_id, id) on delete cascade,
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id)
);
create index desk_calls_debtor on desk_calls (tenant_id, debtor_id, started_at);
create index desk_calls_open on desk_calls (tenant_id, user_id) where ended_at is null;

alter table creditors add column promise_rules jsonb;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table creditors drop column promise_rules; drop table desk_calls;').execute(db);
}
