import { sql, type Kysely } from 'kysely';

/**
 * A new claim's opening balance written once. The import computes a new claim's stored balance in
 * node (no payments yet: the engine on its terms alone) and inserts its `claim_balances` row itself;
 * the trigger of 0012 that opens a row per new claim (with `balance_on` null, to be computed) would
 * make that a second write of every row. A transaction that writes the rows itself says so with
 * `set_config('incasso.balances_written', 'on', true)` (local to the transaction); the trigger then
 * leaves the rows to it. Every other insert of claims keeps the trigger's rows as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create or replace function claim_balances_open_rows() returns trigger language plpgsql as $$
begin
  if current_setting('incasso.balances_written', true) = 'on' then
    return null;
  end if;
  insert into claim_balances (claim_id, tenant_id, creditor_id, currency, status, principal, principal_due, total_due, interest_from)
  select id, tenant_id, creditor_id, currency, status, principal, principal - principal_paid, principal - principal_paid, due_date from new_claims;
  return null;
end $$;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create or replace function claim_balances_open_rows() returns trigger language plpgsql as $$
begin
  insert into claim_balances (claim_id, tenant_id, creditor_id, currency, status, principal, principal_due, total_due, interest_from)
  select id, tenant_id, creditor_id, currency, status, principal, principal - principal_paid, principal - principal_paid, due_date from new_claims;
  return null;
end $$;
`,
    )
    .execute(db);
}
