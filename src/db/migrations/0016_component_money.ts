import { sql, type Kysely } from 'kysely';

/**
 * A claim's components carry their own money (src/domain/claims/components.ts):
 * - payment_allocations: a payment settles each component, so `component` names the component's kind
 *   for the parts that bear no interest (sanctions, act interest, notification costs, c.803 charges,
 *   tax not accruing …), besides 'principal' (the accruing components), 'interest' and 'costs';
 *   `component_id` says which component row.
 * - claim_balances.parts_due: the part of `principal_due` that bears no interest, so the nightly
 *   roll-forward accrues on `principal_due − parts_due` only (src/domain/claims/balance.ts). 0 for a
 *   company's claim and for every existing claim (all are one principal component). The totals
 *   triggers of 0012 need no change: they sum `principal_due`, which still holds every component's due,
 *   and an update that changes nothing they sum adds no delta row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payment_allocations drop constraint payment_allocations_component_check;
-- An act's parts (sanctions, notification costs …) were not kinds of allocation before: they go back
-- as principal; the component each paid stays named by component_id (lost only below 0012).
update payment_allocations set component = 'principal' where component not in ('costs', 'fees', 'interest', 'principal');
alter table payment_allocations add constraint payment_allocations_component_check check (component in
  ('costs', 'fees', 'interest', 'principal', 'tax', 'sanctions', 'act_interest', 'notification_costs', 'collection_charges'));
alter table claim_balances add column parts_due numeric(15,2) not null default 0;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table claim_balances drop column parts_due;
alter table payment_allocations drop constraint payment_allocations_component_check;
-- An act's parts (sanctions, notification costs …) were not kinds of allocation before: they go back
-- as principal; the component each paid stays named by component_id (lost only below 0012).
update payment_allocations set component = 'principal' where component not in ('costs', 'fees', 'interest', 'principal');
alter table payment_allocations add constraint payment_allocations_component_check check (component in ('costs', 'fees', 'interest', 'principal'));
`,
    )
    .execute(db);
}
