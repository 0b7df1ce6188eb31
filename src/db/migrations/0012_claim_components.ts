import { sql, type Kysely } from 'kysely';

/**
 * A claim's money as components, and what it owes stored on it.
 *
 * - `claim_components`: each part of the claim (kind, amount, whether it accrues interest, what was
 *   paid and waived on it). Every existing claim becomes one `principal` component holding its
 *   principal and what was paid on it; payments, costs and history stay as they were.
 * - `claims.amount_paid` held the principal paid: it is renamed `principal_paid`.
 * - The stored balance (`principal_due` … `total_due`, as of `balance_on`, with the interest carried
 *   since the last payment): written by every event that changes what the claim owes and rolled
 *   forward daily (src/domain/claims/balance.ts). Existing claims get `balance_on` null: the balances
 *   job computes them from their ledgers before anything reads them as current.
 * - Principal allocations point at the component they paid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table claim_components (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  claim_id uuid not null,
  position smallint not null check (position between 1 and 20),
  kind text not null check (kind in ('principal', 'tax', 'sanctions', 'act_interest', 'notification_costs', 'collection_charges', 'fees', 'costs')),
  amount numeric(15,2) not null check (amount > 0),
  accrues_interest boolean not null,
  paid numeric(15,2) not null default 0 check (paid >= 0),
  waived numeric(15,2) not null default 0 check (waived >= 0),
  tribute_code text check (tribute_code ~ '^[0-9A-Z]{4}$'),
  created_at timestamptz not null default now(),
  check (paid + waived <= amount),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id) on delete cascade,
  unique (claim_id, position),
  unique (tenant_id, id)
);

insert into claim_components (tenant_id, claim_id, position, kind, amount, accrues_interest, paid)
select tenant_id, id, 1, 'principal', principal, true, amount_paid from claims;

alter table claims rename column amount_paid to principal_paid;
alter table claims
  add column principal_due numeric(15,2),
  add column interest_due numeric(15,2) not null default 0,
  add column costs_due numeric(15,2) not null default 0,
  add column total_due numeric(15,2),
  add column interest_carried numeric(15,2) not null default 0,
  add column interest_from date,
  add column balance_on date,
  add column balance_problem text;
update claims set principal_due = principal - principal_paid, total_due = principal - principal_paid, interest_from = due_date;
alter table claims
  alter column principal_due set not null,
  alter column total_due set not null,
  alter column interest_from set not null;

-- What lists sort by and the balances job looks for.
create index claims_total_due on claims(tenant_id, total_due desc, id);
create index claims_balance_on on claims(balance_on, id);

alter table payment_allocations add column component_id uuid references claim_components(id) on delete cascade;
update payment_allocations a set component_id = k.id
  from claim_components k where k.claim_id = a.claim_id and k.position = 1 and a.component = 'principal';
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payment_allocations drop column component_id;
drop index claims_total_due;
drop index claims_balance_on;
alter table claims drop column principal_due, drop column interest_due, drop column costs_due, drop column total_due,
  drop column interest_carried, drop column interest_from, drop column balance_on, drop column balance_problem;
alter table claims rename column principal_paid to amount_paid;
drop table claim_components;
`,
    )
    .execute(db);
}
