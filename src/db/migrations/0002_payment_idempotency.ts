import { sql, type Kysely } from 'kysely';

/**
 * A payment may carry the client's idempotency key: the same key twice records the payment once,
 * so a retry after a lost response (a crash, a timeout, a double click) never duplicates money.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payments add column idempotency_key text check (length(idempotency_key) between 8 and 100);
create unique index payments_idempotency on payments(tenant_id, idempotency_key) where idempotency_key is not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index payments_idempotency; alter table payments drop column idempotency_key;').execute(db);
}
