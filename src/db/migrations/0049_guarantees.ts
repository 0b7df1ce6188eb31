import { sql, type Kysely } from 'kysely';

/**
 * Guarantees and mediation (issue 17 items 3 and 4).
 * - `guarantors`: who stands behind a debtor — an issuing bank or insurer, a person, a company — a party of
 *   its own with its own contacts; `debtor_id` links one that is also a debtor record (decision 0005).
 * - `guarantees`: fideiussione (bank, insurance), pledge, security deposit, personal guarantee: amount,
 *   issuer (the guarantor), validity, what it covers (named claims or the whole debtor × creditor
 *   relationship) and its state (active, enforced, released; "expired" is read from `valid_to`).
 * - `guarantee_claims`: the claims a guarantee covers when it covers claims.
 * - `attachments.guarantee_id` and `attachment_data`: the guarantee's documents, their bytes in chunks
 *   (like `import_files` and `bank_file_data`), the metadata in the foundation's `attachments`.
 * - `guarantor_letters`: the written demand to a guarantor (escussione), as sent: PDF, SHA-256, the letter.
 * - `mediations` and `mediation_claims`: a proposed mediazione / negoziazione assistita / conciliazione
 *   paritetica / Schlichtung, the claims it pauses and its outcome.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table guarantors (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  kind text not null check (kind in ('bank', 'insurer', 'person', 'company')),
  name text not null check (length(name) between 1 and 200),
  debtor_id uuid,
  tax_id text check (length(tax_id) between 1 and 40),
  email text check (length(email) between 3 and 254),
  phone text check (length(phone) between 3 and 40),
  address_line1 text check (length(address_line1) between 1 and 200),
  postal_code text check (length(postal_code) between 1 and 20),
  city text check (length(city) between 1 and 100),
  province text check (length(province) between 1 and 10),
  country text not null default 'IT' check (country ~ '^[A-Z]{2}$'),
  language text not null default 'it' check (language in ('it', 'en', 'de', 'fr')),
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id)
);
create index guarantors_debtor on guarantors (tenant_id, debtor_id) where debtor_id is not null;

create table guarantees (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  debtor_id uuid not null,
  guarantor_id uuid not null,
  kind text not null check (kind in ('bank_guarantee', 'insurance_guarantee', 'pledge', 'security_deposit', 'personal_guarantee')),
  reference text check (length(reference) between 1 and 100),
  amount numeric(15,2) not null check (amount > 0),
  currency text not null check (currency in ('EUR', 'CHF')),
  valid_from date not null,
  valid_to date check (valid_to >= valid_from),
  covers text not null check (covers in ('claims', 'relationship')),
  state text not null default 'active' check (state in ('active', 'enforced', 'released')),
  enforced_on date,
  enforced_amount numeric(15,2) check (enforced_amount > 0),
  released_on date,
  release_reason text check (length(release_reason) between 1 and 500),
  note text check (length(note) <= 2000),
  version integer not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, guarantor_id) references guarantors(tenant_id, id),
  check ((state = 'enforced') = (enforced_on is not null and enforced_amount is not null)),
  check ((state = 'released') = (released_on is not null))
);
create index guarantees_expiry on guarantees (tenant_id, valid_to) where state = 'active';
create index guarantees_debtor on guarantees (tenant_id, debtor_id, creditor_id);

create table guarantee_claims (
  tenant_id uuid not null,
  guarantee_id uuid not null,
  claim_id uuid not null,
  primary key (guarantee_id, claim_id),
  foreign key (tenant_id, guarantee_id) references guarantees(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id)
);
create index guarantee_claims_claim on guarantee_claims (tenant_id, claim_id);

alter table attachments add column guarantee_id uuid;
alter table attachments add constraint attachments_tenant_id_id_key unique (tenant_id, id);
alter table attachments add constraint attachments_guarantee_fk foreign key (tenant_id, guarantee_id) references guarantees(tenant_id, id);
create index attachments_guarantee on attachments (tenant_id, guarantee_id) where guarantee_id is not null;

create table attachment_data (
  tenant_id uuid not null,
  attachment_id uuid not null,
  seq integer not null check (seq >= 0),
  data bytea not null,
  primary key (attachment_id, seq),
  foreign key (tenant_id, attachment_id) references attachments(tenant_id, id)
);

create table guarantor_letters (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  guarantee_id uuid not null,
  guarantor_id uuid not null,
  sent_on date not null,
  amount numeric(15,2) not null check (amount > 0),
  currency text not null check (currency in ('EUR', 'CHF')),
  language text not null check (language in ('it', 'en', 'de', 'fr')),
  recipient text not null,
  subject text not null,
  pdf bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  letter jsonb not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, guarantee_id) references guarantees(tenant_id, id),
  foreign key (tenant_id, guarantor_id) references guarantors(tenant_id, id)
);
create index guarantor_letters_guarantee on guarantor_letters (tenant_id, guarantee_id);

create table mediations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  debtor_id uuid not null,
  procedure text not null check (procedure in ('mediazione', 'negoziazione_assistita', 'conciliazione_paritetica', 'schlichtung')),
  compulsory boolean not null,
  proposed_on date not null,
  pause_until date not null check (pause_until >= proposed_on),
  body text check (length(body) between 1 and 200),
  note text check (length(note) <= 2000),
  currency text not null check (currency in ('EUR', 'CHF')),
  amount numeric(15,2) not null check (amount >= 0),
  outcome text not null default 'pending' check (outcome in ('pending', 'agreed', 'failed', 'refused')),
  agreed_amount numeric(15,2) check (agreed_amount > 0),
  outcome_on date,
  outcome_note text check (length(outcome_note) <= 2000),
  version integer not null default 1,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  check ((outcome = 'agreed') = (agreed_amount is not null)),
  check ((outcome = 'pending') = (outcome_on is null))
);
create index mediations_debtor on mediations (tenant_id, debtor_id);

create table mediation_claims (
  tenant_id uuid not null,
  mediation_id uuid not null,
  claim_id uuid not null,
  primary key (mediation_id, claim_id),
  foreign key (tenant_id, mediation_id) references mediations(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table mediation_claims;
drop table mediations;
drop table guarantor_letters;
drop table attachment_data;
delete from attachments where guarantee_id is not null;
drop index attachments_guarantee;
alter table attachments drop constraint attachments_guarantee_fk;
alter table attachments drop constraint attachments_tenant_id_id_key;
alter table attachments drop column guarantee_id;
drop table guarantee_claims;
drop table guarantees;
drop table guarantors;
`,
    )
    .execute(db);
}
