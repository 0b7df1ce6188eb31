import { sql, type Kysely } from 'kysely';

/**
 * A bank entry split by a person into several payments (issue 15 item 4: "a person matches, splits or
 * ignores it"): one transfer that pays for two taxpayers of a family, or two creditors' positions.
 * `payment_ids` lists every payment the entry became; `payment_id` stays the first (the one a returned
 * debit is tied to, and the IBAN index).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table bank_entries add column payment_ids uuid[] not null default '{}';
update bank_entries set payment_ids = array[payment_id] where payment_id is not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table bank_entries drop column payment_ids;').execute(db);
}
