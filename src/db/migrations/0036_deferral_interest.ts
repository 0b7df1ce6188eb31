import { sql, type Kysely } from 'kysely';

/**
 * Interest on the deferral (interessi di dilazione, issue 15 item 1), where a creditor's plan rules ask
 * for it: each instalment carries its interest (its capital is `amount − interest`), the plan the sum
 * of them (`total` is capital + interest) and the yearly rate fixed on its start with the rate's source.
 * An accepted plan's interest is owed on its positions as a claim cost of its own kind, so the
 * positions' balances and the plan's instalments agree to the cent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table plans add column interest numeric(15,2) not null default 0 check (interest >= 0),
         add column deferral_rate numeric(7,4),
         add column deferral_rate_source text;
       alter table plan_instalments add column interest numeric(15,2) not null default 0 check (interest >= 0);
       alter table claim_costs drop constraint claim_costs_kind_check;
       alter table claim_costs add constraint claim_costs_kind_check
         check (kind in ('reminder_fee', 'collection_cost', 'legal_cost', 'other', 'deferral_interest'));`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `delete from claim_costs where kind = 'deferral_interest';
       alter table claim_costs drop constraint claim_costs_kind_check;
       alter table claim_costs add constraint claim_costs_kind_check check (kind in ('reminder_fee', 'collection_cost', 'legal_cost', 'other'));
       alter table plan_instalments drop column interest;
       alter table plans drop column interest, drop column deferral_rate, drop column deferral_rate_source;`,
    )
    .execute(db);
}
