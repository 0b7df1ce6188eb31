import { sql, type Kysely } from 'kysely';

/**
 * Reversals of payments (issue 15 item 6). A payment says how it was imputed, so a reversal can
 * re-split the later ones the way the law wants (art. 1193 c.c.): `law` — the debtor named nothing,
 * the engine chose the claims (oldest due first) and may choose again; `claims` — the debtor named the
 * claims (a reference, a claim number); `payer` — the debtor said how much goes to which claim. The
 * last two keep their claims on a reversal and are only re-split within each claim (art. 1194 c.c.).
 * Payments booked before this migration have none and are treated as named (their claims are kept).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payments add column imputation text check (imputation in ('law', 'claims', 'payer'));
`,
    )
    .execute(db);
}
