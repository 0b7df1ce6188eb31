import { sql, type Kysely } from 'kysely';

/**
 * A claim's money as components, and what it owes stored on it.
 *
 * - `claim_components`: each part of the claim (kind, amount, whether it accrues interest, what was
 *   paid and waived on it). Every existing claim becomes one `principal` component holding its
 *   principal and what was paid on it; payments, costs and history stay as they were.
 * - `claims.amount_paid` held the principal paid: it is renamed `principal_paid`.
 * - `claim_balances`: the stored balance (`principal_due` … `total_due`, as of `balance_on`, with the
 *   interest carried since the last payment), written by every event that changes what the claim owes
 *   and rolled forward daily (src/domain/claims/balance.ts). Existing claims get `balance_on` null: the
 *   balances job computes them from their ledgers.
 * - Principal allocations point at the component they paid.
 * - `claim_total_deltas`: the portfolio's sums per tenant, creditor, currency and status, kept by
 *   statement-level triggers on `claim_balances` (one grouped row per statement, from its transition tables:
 *   no per-row cost, no lock shared by concurrent writers). The dashboard sums these few rows instead
 *   of scanning every claim; the balances job compacts them (src/usecases/claims/totals.ts).
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

-- The stored balance, one narrow row per claim: it changes every night for every open claim, so it
-- lives apart from the claim (whose row carries a dozen indexes, trigram ones among them) and carries
-- copies of what lists and sums group and filter it by, kept by the triggers below.
create table claim_balances (
  claim_id uuid primary key references claims(id) on delete cascade,
  tenant_id uuid not null,
  creditor_id uuid not null,
  currency text not null,
  status text not null,
  principal numeric(15,2) not null,
  principal_due numeric(15,2) not null,
  interest_due numeric(15,2) not null default 0,
  costs_due numeric(15,2) not null default 0,
  total_due numeric(15,2) not null,
  interest_carried numeric(15,2) not null default 0,
  interest_from date not null,
  balance_on date,
  balance_problem text
);
insert into claim_balances (claim_id, tenant_id, creditor_id, currency, status, principal, principal_due, total_due, interest_from)
select id, tenant_id, creditor_id, currency, status, principal, principal - principal_paid, principal - principal_paid, due_date from claims;
-- What lists sort by, and what the balances job looks for: balances never computed, and open claims'
-- balances of an earlier day (closed claims keep the figures of their last event).
create index claim_balances_total_due on claim_balances(tenant_id, total_due desc, claim_id);
create index claim_balances_missing on claim_balances(claim_id) where balance_on is null;
create index claim_balances_open on claim_balances(balance_on)
  where status in ('open', 'in_collection', 'promised', 'in_plan', 'disputed', 'partially_paid', 'legal');

-- A new claim gets its opening balance (computed from its ledger by the use case in the same
-- transaction, or by the balances job); its status, creditor, currency and amount follow it.
create function claim_balances_open_rows() returns trigger language plpgsql as $$
begin
  insert into claim_balances (claim_id, tenant_id, creditor_id, currency, status, principal, principal_due, total_due, interest_from)
  select id, tenant_id, creditor_id, currency, status, principal, principal - principal_paid, principal - principal_paid, due_date from new_claims;
  return null;
end $$;
create trigger claims_open_balances after insert on claims referencing new table as new_claims
  for each statement execute function claim_balances_open_rows();
create function claim_balances_follow() returns trigger language plpgsql as $$
begin
  update claim_balances set status = new.status, creditor_id = new.creditor_id, currency = new.currency, principal = new.principal
   where claim_id = new.id;
  return null;
end $$;
create trigger claims_balances_follow after update of status, creditor_id, currency, principal on claims
  for each row when (old.status is distinct from new.status or old.creditor_id is distinct from new.creditor_id
                     or old.currency is distinct from new.currency or old.principal is distinct from new.principal)
  execute function claim_balances_follow();

create table claim_total_deltas (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  creditor_id uuid not null,
  currency text not null,
  status text not null,
  claims bigint not null,
  principal numeric not null,
  principal_due numeric not null,
  interest_due numeric not null,
  costs_due numeric not null,
  total_due numeric not null
);
create index claim_total_deltas_tenant on claim_total_deltas(tenant_id, creditor_id);

create function claim_totals_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into claim_total_deltas (tenant_id, creditor_id, currency, status, claims, principal, principal_due, interest_due, costs_due, total_due)
    select tenant_id, creditor_id, currency, status, count(*), sum(principal), sum(principal_due), sum(interest_due), sum(costs_due), sum(total_due)
      from new_claims group by tenant_id, creditor_id, currency, status;
  elsif tg_op = 'DELETE' then
    insert into claim_total_deltas (tenant_id, creditor_id, currency, status, claims, principal, principal_due, interest_due, costs_due, total_due)
    select tenant_id, creditor_id, currency, status, -count(*), -sum(principal), -sum(principal_due), -sum(interest_due), -sum(costs_due), -sum(total_due)
      from old_claims group by tenant_id, creditor_id, currency, status;
  else
    -- Only what changed: an update of other columns (next action, dunning step) adds nothing.
    insert into claim_total_deltas (tenant_id, creditor_id, currency, status, claims, principal, principal_due, interest_due, costs_due, total_due)
    select tenant_id, creditor_id, currency, status, sum(n), sum(p), sum(pd), sum(i), sum(c), sum(t)
      from (select tenant_id, creditor_id, currency, status, -1 as n, -principal as p, -principal_due as pd, -interest_due as i, -costs_due as c, -total_due as t from old_claims
            union all
            select tenant_id, creditor_id, currency, status, 1, principal, principal_due, interest_due, costs_due, total_due from new_claims) x
     group by tenant_id, creditor_id, currency, status
    having sum(n) <> 0 or sum(p) <> 0 or sum(pd) <> 0 or sum(i) <> 0 or sum(c) <> 0 or sum(t) <> 0;
  end if;
  return null;
end $$;
create trigger balances_totals_insert after insert on claim_balances referencing new table as new_claims
  for each statement execute function claim_totals_delta();
create trigger balances_totals_update after update on claim_balances referencing old table as old_claims new table as new_claims
  for each statement execute function claim_totals_delta();
create trigger balances_totals_delete after delete on claim_balances referencing old table as old_claims
  for each statement execute function claim_totals_delta();
insert into claim_total_deltas (tenant_id, creditor_id, currency, status, claims, principal, principal_due, interest_due, costs_due, total_due)
select tenant_id, creditor_id, currency, status, count(*), sum(principal), sum(principal_due), sum(interest_due), sum(costs_due), sum(total_due)
  from claim_balances group by tenant_id, creditor_id, currency, status;

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
drop trigger claims_open_balances on claims;
drop trigger claims_balances_follow on claims;
drop function claim_balances_open_rows();
drop function claim_balances_follow();
drop table claim_balances;
drop function claim_totals_delta();
drop table claim_total_deltas;
alter table claims rename column principal_paid to amount_paid;
drop table claim_components;
`,
    )
    .execute(db);
}
