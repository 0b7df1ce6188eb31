import { sql, type Kysely } from 'kysely';

/**
 * The foundation schema. Hand-written SQL on purpose: constraints, checks and the append-only
 * audit trigger are part of the system of record, not an ORM detail.
 * Money: numeric(15,2) (up to 10^13 − 0.01); calendar dates: date; instants: timestamptz.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('agency', 'company')),
  country text not null default 'IT' check (country in ('IT', 'CH', 'DE', 'FR')),
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table creditors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  code text check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('company', 'public_entity', 'individual')),
  tax_code text,
  vat_number text,
  ch_uid text,
  country text not null default 'IT' check (country in ('IT', 'CH', 'DE', 'FR')),
  address_line1 text,
  postal_code text,
  city text,
  province text,
  email text,
  pec text,
  phone text,
  iban text,
  mandate_reference text,
  mandate_signed_on date,
  mandate_starts_on date,
  mandate_ends_on date,
  commission_percent numeric(7,4) check (commission_percent between 0 and 100),
  default_currency text not null default 'EUR' check (default_currency in ('EUR', 'CHF')),
  default_jurisdiction text not null default 'IT' check (default_jurisdiction in ('IT', 'CH', 'DE', 'FR')),
  notes text,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, name),
  unique (tenant_id, code),
  unique (tenant_id, id),
  check (mandate_ends_on is null or mandate_starts_on is null or mandate_ends_on >= mandate_starts_on)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  email text not null unique check (email = lower(email) and length(email) between 3 and 254),
  name text not null check (length(name) between 1 and 200),
  password_hash text not null,
  role text not null check (role in ('admin', 'supervisor', 'operator', 'viewer')),
  creditor_id uuid,
  locale text not null default 'it' check (locale in ('it', 'en', 'de', 'fr')),
  active boolean not null default true,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- a viewer belongs to exactly one creditor of the same tenant; other roles to none
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  check ((role = 'viewer') = (creditor_id is not null))
);
create index users_tenant on users(tenant_id);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id),
  tenant_id uuid not null references tenants(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_expires on sessions(expires_at);
create index sessions_user on sessions(user_id);

create table debtors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  kind text not null check (kind in ('consumer', 'sole_trader', 'company', 'public_administration')),
  first_name text,
  last_name text,
  company_name text,
  display_name text not null check (length(display_name) between 1 and 300),
  tax_code text,
  vat_number text,
  ch_uid text,
  birth_date date,
  language text not null default 'it' check (language in ('it', 'de', 'fr', 'en')),
  hardship boolean not null default false,
  hardship_note text,
  notes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create index debtors_tenant_name on debtors(tenant_id, lower(display_name));
create index debtors_tenant_tax_code on debtors(tenant_id, tax_code) where tax_code is not null;
create index debtors_tenant_vat on debtors(tenant_id, vat_number) where vat_number is not null;

create table addresses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  kind text not null check (kind in ('residence', 'domicile', 'registered_office', 'billing', 'other')),
  line1 text not null check (length(line1) between 1 and 200),
  line2 text,
  postal_code text,
  city text not null check (length(city) between 1 and 120),
  province text,
  country text not null default 'IT' check (country ~ '^[A-Z]{2}$'),
  valid_from date,
  valid_to date,
  source text not null default 'creditor',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index addresses_debtor on addresses(tenant_id, debtor_id);

create table contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  channel text not null check (channel in ('phone', 'mobile', 'email', 'pec')),
  value text not null check (length(value) between 3 and 254),
  label text,
  status text not null default 'unverified' check (status in ('unverified', 'valid', 'invalid')),
  source text not null default 'creditor',
  consent text not null default 'unknown' check (consent in ('unknown', 'granted', 'withdrawn')),
  third_party boolean not null default false,
  third_party_relation text,
  valid_from date,
  valid_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  unique (tenant_id, debtor_id, channel, value),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index contacts_debtor on contacts(tenant_id, debtor_id);

create table claims (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  debtor_id uuid not null,
  external_ref text not null check (length(external_ref) between 1 and 100),
  kind text not null check (kind in ('invoice', 'imu', 'tari', 'cup', 'cds_fine', 'other')),
  description text,
  principal numeric(15,2) not null check (principal > 0),
  currency text not null check (currency in ('EUR', 'CHF')),
  issue_date date,
  due_date date not null,
  contract_date date,
  tax_year integer check (tax_year between 1900 and 2199),
  jurisdiction text not null check (jurisdiction in ('IT', 'CH', 'DE', 'FR')),
  interest_regime text check (interest_regime in ('it-legal', 'it-commercial', 'ch', 'de-consumer', 'de-business',
    'fr-legal-private', 'fr-legal-other', 'fr-commercial', 'fixed', 'spread', 'none')),
  judicial_claim_date date,
  status text not null default 'open' check (status in ('open', 'in_collection', 'promised', 'in_plan', 'disputed',
    'paid', 'partially_paid', 'written_off', 'returned', 'legal')),
  stage text not null default 'none' check (stage in ('none', 'soft', 'formal', 'negotiation', 'closure', 'legal')),
  amount_paid numeric(15,2) not null default 0 check (amount_paid >= 0 and amount_paid <= principal),
  next_action_on date,
  closed_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  unique (tenant_id, creditor_id, external_ref),
  unique (tenant_id, id),
  check (issue_date is null or issue_date <= due_date)
);
create index claims_debtor on claims(tenant_id, debtor_id);
create index claims_creditor_status on claims(tenant_id, creditor_id, status);
create index claims_status_due on claims(tenant_id, status, due_date);
create index claims_due on claims(tenant_id, due_date);

create table payments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  debtor_id uuid not null,
  amount numeric(15,2) not null check (amount > 0),
  unallocated numeric(15,2) not null default 0 check (unallocated >= 0 and unallocated <= amount),
  currency text not null check (currency in ('EUR', 'CHF')),
  value_date date not null,
  method text not null check (method in ('bank_transfer', 'sepa_direct_debit', 'card', 'cash', 'cheque', 'pagopa',
    'qr_bill', 'postal', 'other')),
  reference text,
  payer_name text,
  note text,
  reversed_at timestamptz,
  reversal_reason text,
  version integer not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  unique (tenant_id, id)
);
create index payments_debtor on payments(tenant_id, debtor_id, value_date);
create index payments_creditor on payments(tenant_id, creditor_id, value_date);

create table payment_allocations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  payment_id uuid not null,
  claim_id uuid not null,
  component text not null default 'principal' check (component in ('costs', 'fees', 'interest', 'principal')),
  amount numeric(15,2) not null check (amount > 0),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, payment_id) references payments(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id)
);
create index payment_allocations_payment on payment_allocations(tenant_id, payment_id);
create index payment_allocations_claim on payment_allocations(tenant_id, claim_id);

create table notes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  claim_id uuid,
  body text not null check (length(body) between 1 and 10000),
  author_id uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id)
);
create index notes_debtor on notes(tenant_id, debtor_id, created_at);

-- File metadata only; the bytes live in a content-addressed store (added with the first upload feature).
create table attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid,
  claim_id uuid,
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id),
  check (debtor_id is not null or claim_id is not null)
);

create table audit_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants(id),
  occurred_at timestamptz not null default now(),
  actor_user_id uuid references users(id),
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id uuid not null,
  debtor_id uuid,
  creditor_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_events_debtor on audit_events(tenant_id, debtor_id, occurred_at) where debtor_id is not null;
create index audit_events_entity on audit_events(tenant_id, entity_type, entity_id);

create function incasso_audit_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$fn$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function incasso_audit_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function incasso_audit_append_only();
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted: restore a backup instead.');
}
