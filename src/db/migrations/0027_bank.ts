import { sql, type Kysely } from 'kysely';

/**
 * Bank files and their entries (issue 15 item 4). Every entry read from a camt.053 / camt.054 file is
 * kept once per account: `(tenant_id, account, entry_key)` is unique, where the key is the bank's own
 * reference of the entry (AcctSvcrRef, with the transaction's position in a batch booking) or, without
 * one, a digest of what the entry says with its occurrence — so the same file, or an overlapping
 * statement, imported again records nothing twice. An entry and the payment it became are written in
 * one transaction: a crash leaves both or neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table bank_files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  file_name text not null check (length(file_name) between 1 and 300),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  format text,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  entries integer not null default 0,
  matched integer not null default 0,
  to_reconcile integer not null default 0,
  already_recorded integer not null default 0,
  not_booked integer not null default 0,
  problems jsonb not null default '[]',
  error jsonb,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (tenant_id, id)
);
create index bank_files_recent on bank_files (tenant_id, created_at desc);

create table bank_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  file_id uuid not null,
  account text not null check (length(account) between 1 and 70),
  entry_key text not null check (length(entry_key) between 1 and 200),
  direction text not null check (direction in ('credit', 'debit')),
  reversal boolean not null default false,
  amount numeric(15, 2) not null check (amount >= 0),
  currency char(3) not null,
  booking_date date,
  value_date date,
  party_name text,
  party_iban text,
  remittance text,
  refs text[] not null default '{}',
  end_to_end_id text,
  return_reason text,
  state text not null check (state in ('matched', 'to_reconcile', 'ignored')),
  -- How it was matched (reference, notice, document) or why a person must look (coded message).
  matched_by text,
  reason jsonb,
  claim_ids uuid[] not null default '{}',
  payment_id uuid references payments(id),
  -- A name/IBAN guess a person confirms: [{debtorId, claimIds, why}].
  suggestions jsonb,
  resolved_by uuid references users(id),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  unique (tenant_id, account, entry_key),
  unique (tenant_id, id),
  foreign key (tenant_id, file_id) references bank_files(tenant_id, id)
);
create index bank_entries_open on bank_entries (tenant_id, created_at) where state = 'to_reconcile';
create index bank_entries_file on bank_entries (tenant_id, file_id);
-- A payer's IBAN seen on a matched entry suggests the same debtor next time.
create index bank_entries_iban on bank_entries (tenant_id, party_iban) where party_iban is not null and payment_id is not null;
-- Matching needs no new index on claims (each would slow every import): a claim number is found by
-- claims_ref_no, a notice code and a document number by the (tenant, creditor, …) unique indexes with
-- the tenant's creditors listed.
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table bank_entries; drop table bank_files;').execute(db);
}
