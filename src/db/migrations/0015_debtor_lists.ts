import { sql, type Kysely } from 'kysely';

/**
 * The debtors list at a quarter of a million debtors:
 * - `debtor_count_deltas`: how many debtors a tenant has per kind and hardship flag, kept by
 *   statement-level triggers on `debtors` (one grouped row per writing statement, from its transition
 *   tables, like `claim_total_deltas` of 0012). The list's total reads these few rows instead of
 *   counting every debtor; the balances job compacts them.
 * - The list sorts names case-insensitively (`lower(display_name)`, then id) and by creation or
 *   change; each order has an index that ends with the id, so a page is read from the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table debtor_count_deltas (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  kind text not null,
  hardship boolean not null,
  debtors bigint not null
);
create index debtor_count_deltas_tenant on debtor_count_deltas(tenant_id);

create function debtor_counts_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into debtor_count_deltas (tenant_id, kind, hardship, debtors)
    select tenant_id, kind, hardship, count(*) from new_debtors group by tenant_id, kind, hardship;
  elsif tg_op = 'DELETE' then
    insert into debtor_count_deltas (tenant_id, kind, hardship, debtors)
    select tenant_id, kind, hardship, -count(*) from old_debtors group by tenant_id, kind, hardship;
  else
    insert into debtor_count_deltas (tenant_id, kind, hardship, debtors)
    select tenant_id, kind, hardship, sum(n)
      from (select tenant_id, kind, hardship, -1 as n from old_debtors
            union all
            select tenant_id, kind, hardship, 1 from new_debtors) x
     group by tenant_id, kind, hardship
    having sum(n) <> 0;
  end if;
  return null;
end $$;
create trigger debtors_counts_insert after insert on debtors referencing new table as new_debtors
  for each statement execute function debtor_counts_delta();
create trigger debtors_counts_update after update on debtors referencing old table as old_debtors new table as new_debtors
  for each statement execute function debtor_counts_delta();
create trigger debtors_counts_delete after delete on debtors referencing old table as old_debtors
  for each statement execute function debtor_counts_delta();
insert into debtor_count_deltas (tenant_id, kind, hardship, debtors)
select tenant_id, kind, hardship, count(*) from debtors group by tenant_id, kind, hardship;

drop index debtors_tenant_name;
create index debtors_tenant_name on debtors(tenant_id, lower(display_name), id);
create index debtors_tenant_created on debtors(tenant_id, created_at, id);
create index debtors_tenant_updated on debtors(tenant_id, updated_at, id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index debtors_tenant_updated;
drop index debtors_tenant_created;
drop index debtors_tenant_name;
create index debtors_tenant_name on debtors(tenant_id, lower(display_name));
drop trigger debtors_counts_insert on debtors;
drop trigger debtors_counts_update on debtors;
drop trigger debtors_counts_delete on debtors;
drop function debtor_counts_delta();
drop table debtor_count_deltas;
`,
    )
    .execute(db);
}
