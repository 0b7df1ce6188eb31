import { sql, type Kysely } from 'kysely';

/**
 * Instalment reminders (issue 15 item 1): each instalment of a running plan gets a courtesy reminder
 * before its due date and, unpaid, an express reminder (sollecito, c.800) after it. The express one is
 * `reminded_on` (migration 0028, also recorded by hand); the courtesy one is its day here — set in the
 * transaction that writes the message, so a second run (or one after a crash) never sends it twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table plan_instalments add column courtesy_on date;').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table plan_instalments drop column courtesy_on;').execute(db);
}
