import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { RateLimitedError } from '../../domain/errors.ts';

/**
 * Login attempts allowed per sliding window, counted in the database so every node counts them:
 * - per address and e-mail: slows guessing one user's password without locking the user out elsewhere;
 * - per address: slows trying many e-mails from one place (an office behind one address logs in
 *   successfully, and a successful login does not count against its address).
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_LIMIT_PER_ADDRESS_AND_EMAIL = 10;
export const LOGIN_LIMIT_PER_ADDRESS = 30;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LoginKeys {
  address: string;
  addressAndEmail: string;
}

/** An admitted attempt: its keys, and its row under the address (removed again when it succeeds). */
export interface LoginAttempt {
  keys: LoginKeys;
  addressAttemptId: string;
}

export function loginKeys(ip: string | undefined, email: string): LoginKeys {
  const address = ip ?? 'unknown';
  return { address: sha256(`address\n${address}`), addressAndEmail: sha256(`address+email\n${address}\n${email}`) };
}

/**
 * Records an attempt before the password is checked (so concurrent attempts on any node all count),
 * or refuses it with the seconds until the oldest counted attempt leaves the window. A refused attempt
 * is not recorded, so hammering does not extend the wait.
 */
export async function admitLoginAttempt(db: Db, keys: LoginKeys): Promise<LoginAttempt> {
  const window = sql`make_interval(secs => ${LOGIN_WINDOW_SECONDS})`;
  // Committed before counting, so attempts arriving together on several nodes see each other.
  const inserted = await sql<{ id: string; key_hash: string }>`
    insert into login_attempts (key_hash) values (${keys.address}), (${keys.addressAndEmail})
    returning id::text as id, key_hash`.execute(db);
  const counts = await sql<{ key_hash: string; n: number; retry: number }>`
    select key_hash, count(*)::int as n,
           ceil(extract(epoch from min(at) + ${window} - clock_timestamp()))::int as retry
    from login_attempts
    where key_hash in (${keys.address}, ${keys.addressAndEmail}) and at > clock_timestamp() - ${window}
    group by key_hash`.execute(db);
  const over = counts.rows.filter(
    (r) => r.n > (r.key_hash === keys.address ? LOGIN_LIMIT_PER_ADDRESS : LOGIN_LIMIT_PER_ADDRESS_AND_EMAIL),
  );
  if (over.length === 0) return { keys, addressAttemptId: inserted.rows.find((r) => r.key_hash === keys.address)!.id };
  const ids = inserted.rows.map((r) => sql`${r.id}::bigint`);
  await sql`delete from login_attempts where id in (${sql.join(ids)})`.execute(db);
  throw new RateLimitedError(Math.max(1, ...over.map((r) => r.retry)));
}

/** A successful login: the address and e-mail start afresh, and the attempt does not count against the address. */
export async function clearLoginAttempts(db: Db, attempt: LoginAttempt): Promise<void> {
  await sql`
    delete from login_attempts
    where key_hash = ${attempt.keys.addressAndEmail} or id = ${attempt.addressAttemptId}::bigint`.execute(db);
}

/** Housekeeping: attempts older than the window count for nothing. */
export async function purgeLoginAttempts(db: Db): Promise<number> {
  const r = await sql`delete from login_attempts where at < clock_timestamp() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
