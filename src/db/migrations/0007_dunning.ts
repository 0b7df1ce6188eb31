import { sql, type Kysely } from 'kysely';

/**
 * The dunning engine's records. A strategy (per creditor) is an ordered list of steps kept as JSON
 * (validated by the domain's schema on every write). Each claim carries where it stands: the last
 * step it received and when, and its next action date. A communication is what went (or goes) out —
 * its rendered PDF/HTML kept with its SHA-256 — and `communication_claims` says which claims it was
 * for at which step: unique per claim and step, so whatever runs twice (a retry, two nodes) can never
 * send a claim the same step again. E-mails leave through the outbox, written in the same transaction;
 * the local mailbox receives them when no SMTP server is configured. Every contact made or refused is
 * in the contact log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table strategies (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  template text,
  steps jsonb not null check (jsonb_typeof(steps) = 'array' and jsonb_array_length(steps) between 1 and 20),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  unique (tenant_id, id)
);
create unique index strategies_one_active on strategies(tenant_id, creditor_id) where active;

alter table claims
  add column strategy_id uuid,
  add column dunning_step_no integer not null default 0 check (dunning_step_no between 0 and 20),
  add column dunning_step_key text,
  add column dunning_step_on date,
  add column hold_until date,
  add column hold_reason text,
  add foreign key (tenant_id, strategy_id) references strategies(tenant_id, id);
create index claims_next_action on claims(next_action_on, tenant_id) where next_action_on is not null;

create sequence communication_ref_no;
create table communications (
  id uuid primary key,
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  creditor_id uuid not null,
  ref_no bigint not null default nextval('communication_ref_no') unique,
  run_date date not null,
  step_no integer not null check (step_no between 1 and 20),
  step_key text not null,
  tier text not null check (tier in ('soft', 'formal', 'negotiation', 'closure', 'legal')),
  channel text not null check (channel in ('email', 'pec', 'letter', 'registered_letter', 'sms', 'phone_task')),
  contact_id uuid,
  recipient text not null,
  language text not null check (language in ('it', 'de', 'fr', 'en')),
  subject text not null,
  currency text not null check (currency in ('EUR', 'CHF')),
  amount numeric(15,2) not null check (amount >= 0),
  fees numeric(15,2) not null default 0,
  postage numeric(15,2) not null default 0,
  payment_reference text,
  status text not null check (status in ('queued', 'sent', 'failed', 'to_print', 'printed', 'task_open', 'task_done', 'cancelled')),
  body_text text,
  body_html text,
  pdf bytea,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  message_id text unique,
  error text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  unique (tenant_id, id)
);
create index communications_debtor on communications(tenant_id, debtor_id, created_at desc);
create index communications_run on communications(tenant_id, run_date, channel);

create table communication_claims (
  tenant_id uuid not null,
  communication_id uuid not null,
  claim_id uuid not null,
  step_no integer not null,
  step_key text not null,
  total_due numeric(15,2) not null,
  fee numeric(15,2),
  -- A communication that could not be delivered (address refused) no longer counts as the step sent:
  -- the step goes out again by the next channel, and this row stays as the record of the attempt.
  superseded boolean not null default false,
  primary key (communication_id, claim_id),
  foreign key (tenant_id, communication_id) references communications(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id)
);

create unique index communication_claims_once on communication_claims(claim_id, step_no) where not superseded;

create table outbox (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants(id),
  communication_id uuid not null unique,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  foreign key (tenant_id, communication_id) references communications(tenant_id, id)
);
create index outbox_due on outbox(next_attempt_at) where status in ('pending', 'sending');

create table local_mailbox (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants(id),
  message_id text not null unique,
  to_address text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  received_at timestamptz not null default now()
);
create index local_mailbox_tenant on local_mailbox(tenant_id, received_at desc);

create table contact_log (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  communication_id uuid,
  channel text not null,
  kind text not null check (kind in ('written', 'phone_attempt', 'conversation')),
  contact_id uuid,
  local_date date not null,
  local_time text check (local_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  allowed boolean not null,
  reason text,
  actor_label text not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id)
);
create index contact_log_debtor on contact_log(tenant_id, debtor_id, local_date);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table contact_log;
drop table local_mailbox;
drop table outbox;
drop table communication_claims;
drop table communications;
drop sequence communication_ref_no;
alter table claims drop column strategy_id, drop column dunning_step_no, drop column dunning_step_key,
  drop column dunning_step_on, drop column hold_until, drop column hold_reason;
drop table strategies;
`,
    )
    .execute(db);
}
