import { sql, type Kysely } from 'kysely';

/**
 * The day a payment was reversed (the `on` a supervisor gives: a direct debit returned on the 25th,
 * entered on the 6th of the next month), besides the moment it was entered (`reversed_at`). What
 * counts a reversal in a period — the remittance statement crediting back its commission (issue 16
 * item 2), the payments export — reads this day; before, only `reversed_at` (now()) was kept.
 * Existing reversals take the day they were entered, in Italian time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payments add column reversed_on date;
update payments set reversed_on = (reversed_at at time zone 'Europe/Rome')::date where reversed_at is not null;
alter table payments add constraint payments_reversed_on check ((reversed_at is null) = (reversed_on is null));
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table payments drop column reversed_on;').execute(db);
}
