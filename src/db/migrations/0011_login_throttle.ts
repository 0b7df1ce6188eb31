import { sql, type Kysely } from 'kysely';

/**
 * Failed-login counters shared by every node: one row per attempt under a key — the address, and the
 * address with the e-mail (both as SHA-256, so the table holds no e-mail and no typed password). A
 * sliding window counts the rows younger than it; old rows are purged by the hourly housekeeping.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table login_attempts (
  id bigint generated always as identity primary key,
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  at timestamptz not null default clock_timestamp()
);
create index login_attempts_key_at on login_attempts(key_hash, at);
create index login_attempts_at on login_attempts(at);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table login_attempts;').execute(db);
}
