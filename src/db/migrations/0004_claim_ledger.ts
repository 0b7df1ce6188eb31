import { sql, type Kysely } from 'kysely';

/**
 * What the interest engine needs to derive everything a claim owes: the claim's own interest terms
 * (contractual rate, base + spread, day count), the creditor's terms (allocation order, the €40 flat
 * compensation), and the costs charged on a claim. Payments keep their split into costs, interest and
 * principal per claim; the claim carries the sums for lists and reports.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table creditors
  add column allocation_order text not null default 'costs,interest,principal' check (allocation_order in (
    'costs,interest,principal', 'interest,costs,principal', 'costs,principal,interest',
    'principal,costs,interest', 'interest,principal,costs', 'principal,interest,costs')),
  add column flat_compensation boolean not null default true;

alter table claims
  add column interest_rate numeric(7,4) check (interest_rate between 0 and 100),
  add column interest_base text check (interest_base in ('it-legal', 'it-commercial', 'ch', 'de-consumer', 'de-business',
    'fr-legal-private', 'fr-legal-other', 'fr-commercial')),
  add column interest_spread numeric(7,4) check (interest_spread between -20 and 50),
  add column day_count text not null default 'act365' check (day_count in ('act365', 'act366', 'act360', '30e360')),
  add column interest_paid numeric(15,2) not null default 0 check (interest_paid >= 0),
  add column costs_paid numeric(15,2) not null default 0 check (costs_paid >= 0),
  add constraint claims_fixed_rate check (interest_regime is distinct from 'fixed' or interest_rate is not null),
  add constraint claims_spread_terms check (interest_regime is distinct from 'spread'
    or (interest_base is not null and interest_spread is not null));

create table claim_costs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  claim_id uuid not null,
  kind text not null check (kind in ('reminder_fee', 'collection_cost', 'legal_cost', 'other')),
  label text not null check (length(label) between 1 and 200),
  amount numeric(15,2) not null check (amount > 0),
  incurred_on date not null,
  -- Whoever charges a cost automatically (a dunning step) names it, so a retry never charges it twice.
  source_key text check (length(source_key) between 1 and 200),
  waived_on date,
  waived_by uuid references users(id),
  waiver_reason text check (length(waiver_reason) between 1 and 500),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id),
  unique (tenant_id, source_key),
  check ((waived_on is null) = (waiver_reason is null))
);
create index claim_costs_claim on claim_costs(tenant_id, claim_id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table claim_costs;
alter table claims drop constraint claims_fixed_rate, drop constraint claims_spread_terms,
  drop column interest_rate, drop column interest_base, drop column interest_spread, drop column day_count,
  drop column interest_paid, drop column costs_paid;
alter table creditors drop column allocation_order, drop column flat_compensation;
`,
    )
    .execute(db);
}
