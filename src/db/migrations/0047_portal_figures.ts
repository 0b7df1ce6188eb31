import { sql, type Kysely } from 'kysely';

/** The claims a statement wrote, signed (+1 new rows, -1 old rows), grouped into progress and due-date deltas. */
const claimsDelta = (src: string) => `
    with c as (${src}),
    r as materialized (
      select tenant_id, creditor_id, import_job_id, kind as revenue, tax_year, currency,
             date_trunc('month', created_at at time zone 'Europe/Rome')::date as placed_month,
             portal_stage(status, worked_on, reached_on, unreachable_on) as stage, due_date,
             status in ('open', 'in_collection', 'promised', 'in_plan', 'disputed', 'partially_paid', 'legal') as open,
             s as claims, s * (worked_on is not null)::int as worked, s * (reached_on is not null)::int as reached,
             s * principal as loaded, s * principal_paid as collected, s * (interest_paid + costs_paid) as collected_other,
             s * case when status = 'written_off' then principal - principal_paid else 0 end as annulled,
             s * case when status in ('paid', 'written_off') then 0 else principal - principal_paid end as residual,
             s * (status = 'paid' and closed_on is not null)::int as closed,
             s * case when status = 'paid' and closed_on is not null then closed_on - (created_at at time zone 'Europe/Rome')::date else 0 end as closed_days
        from c),
    p as (
      insert into portfolio_progress_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage,
                                             claims, worked, reached, loaded, collected, collected_other, annulled, residual, closed, closed_days)
      select tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage,
             sum(claims), sum(worked), sum(reached), sum(loaded), sum(collected), sum(collected_other), sum(annulled), sum(residual), sum(closed), sum(closed_days)
        from r
       group by tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage
      having sum(claims) <> 0 or sum(worked) <> 0 or sum(reached) <> 0 or sum(loaded) <> 0 or sum(collected) <> 0 or sum(collected_other) <> 0
          or sum(annulled) <> 0 or sum(residual) <> 0 or sum(closed) <> 0 or sum(closed_days) <> 0)
    insert into open_due_deltas (tenant_id, creditor_id, currency, due_date, claims, residual)
    select tenant_id, creditor_id, currency, due_date, sum(claims), sum(residual)
      from r where open
     group by tenant_id, creditor_id, currency, due_date
    having sum(claims) <> 0 or sum(residual) <> 0;`;

/** The allocations a statement wrote, signed, grouped per claim group and month of payment. */
const collectionsDelta = (src: string) => `
    with a as (${src})
    insert into collection_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, paid_month, amount, on_load)
    select c.tenant_id, c.creditor_id, c.import_job_id, c.kind, c.tax_year, c.currency,
           date_trunc('month', c.created_at at time zone 'Europe/Rome')::date, date_trunc('month', p.value_date)::date,
           sum(a.s * a.amount), sum(a.s * case when a.component_id is not null or a.component = 'principal' then a.amount else 0 end)
      from a
      join payments p on p.id = a.payment_id and p.reversed_at is null
      join claims c on c.id = a.claim_id
     group by 1, 2, 3, 4, 5, 6, 7, 8
    having sum(a.s * a.amount) <> 0 or sum(a.s * case when a.component_id is not null or a.component = 'principal' then a.amount else 0 end) <> 0;`;

/**
 * The creditor portal's figures, materialised (issue 16 items 3 and 5; docs/decisions/0005-portal-figures.md).
 * The house pattern of `claim_total_deltas` (0012): statement-level triggers read the writing statement's
 * transition tables and append ONE grouped delta row per group it changed; readers sum a few rows; the
 * balances job folds them (src/usecases/portal/compact-portal.ts).
 *
 * - `claims.worked_on`, `reached_on`, `unreachable_on`: the desk's facts on a position, the first day a
 *   contact attempt was made with its debtor while it was open (worked), the first right-party
 *   conversation (reached; the same `contact_log.kind = 'conversation'` the discharge report counts),
 *   and the day a number was found not to exist or to be someone else's with nobody reached yet
 *   (unreachable). Set by a statement trigger on `contact_log` inserts in the desk's transaction;
 *   backfilled here from the log.
 * - `portfolio_progress_deltas`: per tenant, creditor, load (`import_job_id`), revenue (`kind`), tax year,
 *   currency, placement month and stage: positions, how many were worked and reached, loaded (the carico,
 *   `principal`), collected on it (`principal_paid`), collected beyond it (interest and costs), annulled or
 *   reduced (what a written-off position did not pay), residual on the carico, and the days from placement
 *   to closing of paid positions. loaded = collected + annulled + residual holds per row.
 * - `open_due_deltas`: open positions and their residual per due date (ageing, DSO).
 * - `collection_deltas`: what allocations of payments not reversed collected per claim group and month of
 *   the payment's value date; a reversal (which keeps its allocations) counts them negative in the month
 *   of `payments.reversed_on` (0042); a re-imputation moves money between claims within the month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table claims add column worked_on date, add column reached_on date, add column unreachable_on date;

-- Backfill: the first allowed attempt / conversation with the debtor on or after the claim was placed.
update claims c
   set worked_on = f.worked_on, reached_on = f.reached_on, unreachable_on = case when f.reached_on is null then f.unreachable_on end
  from (select c2.id,
               min(l.local_date) as worked_on,
               min(l.local_date) filter (where l.kind = 'conversation') as reached_on,
               min(l.local_date) filter (where coalesce(l.corrected_outcome, l.outcome) in ('NUMERO_INESISTENTE', 'NUMERO_ERRATO')) as unreachable_on
          from contact_log l
          join claims c2 on c2.tenant_id = l.tenant_id and c2.debtor_id = l.debtor_id
         where l.kind in ('phone_attempt', 'conversation') and l.allowed
           and l.local_date >= (c2.created_at at time zone 'Europe/Rome')::date
         group by c2.id) f
 where c.id = f.id;

create function portal_stage(status text, worked_on date, reached_on date, unreachable_on date) returns text
  language sql immutable as $$
  select case status
    when 'paid' then 'paid' when 'written_off' then 'written_off' when 'returned' then 'returned'
    when 'disputed' then 'disputed' when 'in_plan' then 'in_plan' when 'promised' then 'promised'
    else case when reached_on is not null then 'reached' when unreachable_on is not null then 'unreachable'
              when worked_on is not null then 'worked' else 'loaded' end end
$$;

create table portfolio_progress_deltas (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  creditor_id uuid not null,
  import_job_id uuid,
  revenue text not null,
  tax_year integer,
  currency text not null,
  placed_month date not null,
  stage text not null,
  claims bigint not null,
  worked bigint not null,
  reached bigint not null,
  loaded numeric not null,
  collected numeric not null,
  collected_other numeric not null,
  annulled numeric not null,
  residual numeric not null,
  closed bigint not null,
  closed_days bigint not null
);
create index portfolio_progress_deltas_tenant on portfolio_progress_deltas(tenant_id, creditor_id);

create table open_due_deltas (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  creditor_id uuid not null,
  currency text not null,
  due_date date not null,
  claims bigint not null,
  residual numeric not null
);
create index open_due_deltas_tenant on open_due_deltas(tenant_id, creditor_id);

create table collection_deltas (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  creditor_id uuid not null,
  import_job_id uuid,
  revenue text not null,
  tax_year integer,
  currency text not null,
  placed_month date not null,
  paid_month date not null,
  amount numeric not null,
  on_load numeric not null
);
create index collection_deltas_tenant on collection_deltas(tenant_id, creditor_id);

-- The claims a statement wrote, signed (+1 new rows, -1 old rows), as the portal counts them; then one
-- grouped row per progress group and per due date it changed. An update that changes none of what is
-- counted (next action, dunning step, hold) adds nothing.
create function portal_claims_delta() returns trigger language plpgsql as $$
begin
  -- Static statements (plpgsql keeps their plans): one per kind of statement.
  if tg_op = 'INSERT' then${claimsDelta('select 1 as s, * from new_claims')}
  elsif tg_op = 'DELETE' then${claimsDelta('select -1 as s, * from old_claims')}
  else${claimsDelta('select -1 as s, * from old_claims union all select 1, * from new_claims')}
  end if;
  return null;
end $$;
create trigger claims_portal_insert after insert on claims referencing new table as new_claims
  for each statement execute function portal_claims_delta();
create trigger claims_portal_update after update on claims referencing old table as old_claims new table as new_claims
  for each statement execute function portal_claims_delta();
create trigger claims_portal_delete after delete on claims referencing old table as old_claims
  for each statement execute function portal_claims_delta();

-- What allocations of payments not reversed collected, per claim group and month of the value date:
-- + when written, - when taken off (a re-imputation). A reversal takes its payment's allocations off in
-- the month of its reversed_on (below); an allocation of a reversed payment counts no more.
create function portal_collections_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then${collectionsDelta('select 1 as s, * from new_allocations')}
  elsif tg_op = 'DELETE' then${collectionsDelta('select -1 as s, * from old_allocations')}
  else${collectionsDelta('select -1 as s, * from old_allocations union all select 1, * from new_allocations')}
  end if;
  return null;
end $$;
create function portal_reversals_delta() returns trigger language plpgsql as $$
begin
  insert into collection_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, paid_month, amount, on_load)
  select c.tenant_id, c.creditor_id, c.import_job_id, c.kind, c.tax_year, c.currency,
         date_trunc('month', c.created_at at time zone 'Europe/Rome')::date,
         date_trunc('month', coalesce(case when v.s < 0 then v.reversed_on else v.value_date end, v.value_date))::date,
         sum(v.s * a.amount), sum(v.s * case when a.component_id is not null or a.component = 'principal' then a.amount else 0 end)
    from (select -1 as s, n.id, n.value_date, n.reversed_on from new_payments n join old_payments o on o.id = n.id
           where o.reversed_at is null and n.reversed_at is not null
          union all
          select 1, n.id, n.value_date, n.value_date from new_payments n join old_payments o on o.id = n.id
           where o.reversed_at is not null and n.reversed_at is null) v
    join payment_allocations a on a.payment_id = v.id
    join claims c on c.id = a.claim_id
   group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(v.s * a.amount) <> 0;
  return null;
end $$;
create trigger payments_portal_reversal after update on payments referencing old table as old_payments new table as new_payments
  for each statement execute function portal_reversals_delta();
create trigger allocations_portal_insert after insert on payment_allocations referencing new table as new_allocations
  for each statement execute function portal_collections_delta();
create trigger allocations_portal_update after update on payment_allocations referencing old table as old_allocations new table as new_allocations
  for each statement execute function portal_collections_delta();
create trigger allocations_portal_delete after delete on payment_allocations referencing old table as old_allocations
  for each statement execute function portal_collections_delta();

-- The desk's facts on the debtor's open positions, from the contact log as the desk writes it.
create function portal_contact_facts() returns trigger language plpgsql as $$
begin
  update claims c
     set worked_on = coalesce(c.worked_on, f.worked_on),
         reached_on = coalesce(c.reached_on, f.reached_on),
         unreachable_on = case when coalesce(c.reached_on, f.reached_on) is null then coalesce(c.unreachable_on, f.unreachable_on) end
    from (select tenant_id, debtor_id, min(local_date) as worked_on,
                 min(local_date) filter (where kind = 'conversation') as reached_on,
                 min(local_date) filter (where outcome in ('NUMERO_INESISTENTE', 'NUMERO_ERRATO')) as unreachable_on
            from new_log
           where kind in ('phone_attempt', 'conversation') and allowed
           group by tenant_id, debtor_id) f
   where c.tenant_id = f.tenant_id and c.debtor_id = f.debtor_id
     and c.status in ('open', 'in_collection', 'promised', 'in_plan', 'disputed', 'partially_paid', 'legal')
     and (c.worked_on is null or (c.reached_on is null and (f.reached_on is not null or (c.unreachable_on is null and f.unreachable_on is not null))));
  return null;
end $$;
create trigger contact_log_portal_facts after insert on contact_log referencing new table as new_log
  for each statement execute function portal_contact_facts();

-- The figures as they stand.
insert into portfolio_progress_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, stage,
                                       claims, worked, reached, loaded, collected, collected_other, annulled, residual, closed, closed_days)
select tenant_id, creditor_id, import_job_id, kind, tax_year, currency, date_trunc('month', created_at at time zone 'Europe/Rome')::date,
       portal_stage(status, worked_on, reached_on, unreachable_on),
       count(*), count(worked_on), count(reached_on), sum(principal), sum(principal_paid), sum(interest_paid + costs_paid),
       sum(case when status = 'written_off' then principal - principal_paid else 0 end),
       sum(case when status in ('paid', 'written_off') then 0 else principal - principal_paid end),
       count(*) filter (where status = 'paid' and closed_on is not null),
       coalesce(sum(closed_on - (created_at at time zone 'Europe/Rome')::date) filter (where status = 'paid' and closed_on is not null), 0)
  from claims
 group by 1, 2, 3, 4, 5, 6, 7, 8;
insert into open_due_deltas (tenant_id, creditor_id, currency, due_date, claims, residual)
select tenant_id, creditor_id, currency, due_date, count(*), sum(principal - principal_paid)
  from claims where status in ('open', 'in_collection', 'promised', 'in_plan', 'disputed', 'partially_paid', 'legal')
 group by 1, 2, 3, 4;
insert into collection_deltas (tenant_id, creditor_id, import_job_id, revenue, tax_year, currency, placed_month, paid_month, amount, on_load)
select c.tenant_id, c.creditor_id, c.import_job_id, c.kind, c.tax_year, c.currency,
       date_trunc('month', c.created_at at time zone 'Europe/Rome')::date, date_trunc('month', p.value_date)::date,
       sum(a.amount), sum(case when a.component_id is not null or a.component = 'principal' then a.amount else 0 end)
  from payment_allocations a
  join payments p on p.id = a.payment_id
  join claims c on c.id = a.claim_id
 where p.reversed_at is null
 group by 1, 2, 3, 4, 5, 6, 7, 8;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop trigger contact_log_portal_facts on contact_log;
drop trigger claims_portal_insert on claims;
drop trigger claims_portal_update on claims;
drop trigger claims_portal_delete on claims;
drop trigger allocations_portal_insert on payment_allocations;
drop trigger allocations_portal_update on payment_allocations;
drop trigger allocations_portal_delete on payment_allocations;
drop trigger payments_portal_reversal on payments;
drop function portal_contact_facts();
drop function portal_claims_delta();
drop function portal_collections_delta();
drop function portal_reversals_delta();
drop function portal_stage(text, date, date, date);
drop table collection_deltas;
drop table open_due_deltas;
drop table portfolio_progress_deltas;
alter table claims drop column worked_on, drop column reached_on, drop column unreachable_on;
`,
    )
    .execute(db);
}
