import { sql, type Kysely } from 'kysely';

/**
 * A creditor's reminder fees, one amount per reminder step (e.g. CHF 30 / 50 / 80), as its terms of
 * business provide them. Stored as a JSON array of decimal strings: PostgreSQL's numeric[] would come
 * back through the driver as floats.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table creditors add column reminder_fees jsonb not null default '[]'
  check (jsonb_typeof(reminder_fees) = 'array' and jsonb_array_length(reminder_fees) <= 10);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table creditors drop column reminder_fees;').execute(db);
}
