import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { recordAudit } from '../shared/audit.ts';
import { parseInput } from '../shared/input.ts';
import { admitLoginAttempt, clearLoginAttempts, loginKeys } from './login-throttle.ts';
import { newSessionToken } from './sessions.ts';
import { loadSessionUser, type SessionUser } from './resolve-session.ts';
import { msg } from '../../domain/messages/index.ts';

export const LoginInput = z
  .object({
    email: z.string().trim().toLowerCase().min(3).max(254),
    password: z.string().min(1).max(1000),
  })
  .strict();

// Verifying against a fixed hash when the e-mail is unknown keeps the timing the same either way.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hash('incasso-timing-equaliser'));

const badCredentials = () => new AppError('unauthenticated', msg('auth.bad_credentials'));

export async function login(
  db: Db,
  input: z.input<typeof LoginInput>,
  meta: { ip?: string; userAgent?: string; idleMinutes: number },
): Promise<{ token: string; user: SessionUser }> {
  const data = parseInput(LoginInput, input);
  const attempt = await admitLoginAttempt(db, loginKeys(meta.ip, data.email));
  const user = await db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'password_hash', 'active', 'email', 'role', 'creditor_id'])
    .where('email', '=', data.email)
    .executeTakeFirst();
  const ok = await verify(user?.password_hash ?? (await dummy()), data.password).catch(() => false);
  if (!user || !ok || !user.active) throw badCredentials();
  await clearLoginAttempts(db, attempt);

  const { token, hash: tokenHash } = newSessionToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        user_id: user.id,
        tenant_id: user.tenant_id,
        expires_at: sql<Date>`now() + make_interval(mins => ${meta.idleMinutes})`,
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx.updateTable('users').set({ last_login_at: sql`now()` }).where('id', '=', user.id).execute();
    await recordAudit(
      trx,
      { tenantId: user.tenant_id, userId: user.id, role: user.role, creditorId: user.creditor_id, label: `user:${user.email}`, ip: meta.ip },
      { action: 'user.logged_in', entityType: 'user', entityId: user.id },
    );
  });
  return { token, user: (await loadSessionUser(db, user.id))! };
}

/** Password hashing for new and changed passwords (argon2id, the library's safe defaults). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
