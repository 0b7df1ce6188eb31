import { sql, type Kysely } from 'kysely';

/**
 * A claim made of one accruing component of another kind than `principal` (a TARI act of its tax
 * alone) had its payments' capital stored as `principal` allocations naming no component, and that
 * component's `paid` stayed 0.00 while the claim's `principal_paid` was right (loadLedgers now takes
 * such a component as the claim's principal one). This brings the stored rows in line: the
 * allocations name the component, and its paid amount is the claim's principal paid — what the
 * ledger writes for a one-component claim from now on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
with single as (
  select k.claim_id, (array_agg(k.id))[1] as id from claim_components k
   group by k.claim_id having count(*) = 1 and bool_and(k.accrues_interest) and bool_and(k.kind <> 'principal'))
update payment_allocations a set component_id = s.id
  from single s
 where a.claim_id = s.claim_id and a.component = 'principal' and a.component_id is null;
with single as (
  select k.claim_id, (array_agg(k.id))[1] as id from claim_components k
   group by k.claim_id having count(*) = 1 and bool_and(k.accrues_interest) and bool_and(k.kind <> 'principal'))
update claim_components k set paid = c.principal_paid
  from single s join claims c on c.id = s.claim_id
 where k.id = s.id and k.paid is distinct from c.principal_paid;
`,
    )
    .execute(db);
}

/** Nothing to undo: the rows say what they always meant. */
export async function down(): Promise<void> {}
