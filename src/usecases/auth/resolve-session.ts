import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor, Role } from '../../domain/policies.ts';
import { hashToken, SESSION_ABSOLUTE_HOURS } from './sessions.ts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  creditorId: string | null;
  tenant: { id: string; name: string; kind: string };
}

export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.locale', 'u.creditor_id', 't.id as tenantId', 't.name as tenantName', 't.kind as tenantKind'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    creditorId: row.creditor_id,
    tenant: { id: row.tenantId, name: row.tenantName, kind: row.tenantKind },
  };
}

/**
 * The actor behind a session cookie, or null. Expired sessions, and sessions of deactivated users,
 * open nothing. Each use pushes the idle expiry forward, up to the absolute limit after login.
 */
export async function resolveSession(
  db: Db,
  token: string,
  opts: { idleMinutes: number },
): Promise<{ actor: Actor; user: SessionUser; tokenHash: string } | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .updateTable('sessions as s')
    .from('users as u')
    .set({
      last_seen_at: sql`now()`,
      expires_at: sql`least(now() + make_interval(mins => ${opts.idleMinutes}), s.created_at + make_interval(hours => ${SESSION_ABSOLUTE_HOURS}))`,
    })
    .whereRef('u.id', '=', 's.user_id')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.active', '=', true)
    .returning(['u.id', 'u.tenant_id', 'u.email', 'u.role', 'u.creditor_id'])
    .executeTakeFirst();
  if (!row) return null;
  const user = await loadSessionUser(db, row.id);
  if (!user) return null;
  return {
    tokenHash,
    user,
    actor: {
      tenantId: row.tenant_id,
      userId: row.id,
      role: row.role,
      creditorId: row.creditor_id,
      label: `user:${row.email}`,
    },
  };
}
