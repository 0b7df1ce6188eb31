import { sql, type Kysely } from 'kysely';

/**
 * A claim's stored balance follows its status, creditor, currency and amount (migration 0012) — now
 * once per statement instead of once per row. A bank statement's chunk changes the status of
 * hundreds of claims in one `update claims … from unnest(…)`; the row trigger then ran one
 * `update claim_balances` per claim (~0.3 ms each, 140 ms of a 500-entry chunk, measured with
 * pg_stat_statements / EXPLAIN ANALYZE on the 1M-claim bench, issue 15 item 8). The statement
 * trigger reads the statement's old and new rows (transition tables) and updates the balances that
 * changed in one join (a balance its writer already brought up to date is left alone). PostgreSQL allows transition tables only without a column list, so it fires
 * for every update of claims and does nothing when none of the four columns changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop trigger claims_balances_follow on claims;
drop function claim_balances_follow();
create function claim_balances_follow_rows() returns trigger language plpgsql as $$
begin
  update claim_balances b
     set status = n.status, creditor_id = n.creditor_id, currency = n.currency, principal = n.principal
    from new_claims n join old_claims o on o.id = n.id
   where b.claim_id = n.id
     and (o.status is distinct from n.status or o.creditor_id is distinct from n.creditor_id
          or o.currency is distinct from n.currency or o.principal is distinct from n.principal)
     and (b.status, b.creditor_id, b.currency, b.principal) is distinct from (n.status, n.creditor_id, n.currency, n.principal);
  return null;
end $$;
create trigger claims_balances_follow after update on claims
  referencing old table as old_claims new table as new_claims
  for each statement execute function claim_balances_follow_rows();
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop trigger claims_balances_follow on claims;
drop function claim_balances_follow_rows();
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
`,
    )
    .execute(db);
}
