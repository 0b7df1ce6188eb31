import { sql, type Kysely } from 'kysely';

/**
 * A bank entry is written once, with the payment it becomes (issue 15 item 8). A chunk of a file
 * inserts its entry rows first — the unique key `(tenant_id, account, entry_key)` is what makes a
 * second import of the same lines wait and record nothing — and books the payments after; the entry
 * used to be updated with its payment, a second row version with all its index entries. The entry
 * now names its payment (an id chosen before it is booked) from the start: the foreign key is checked
 * when the transaction commits, so a chunk that commits always has the payment of every entry that
 * names one, and one whose payment was refused is rewritten without it before.
 *
 * `unique (tenant_id, id)` on `bank_entries` served no foreign key (nothing references an entry):
 * one index write per entry for nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table bank_entries alter constraint bank_entries_payment_id_fkey deferrable initially deferred;
alter table bank_entries drop constraint bank_entries_tenant_id_id_key;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table bank_entries add constraint bank_entries_tenant_id_id_key unique (tenant_id, id);
alter table bank_entries alter constraint bank_entries_payment_id_fkey not deferrable;
`,
    )
    .execute(db);
}
