import type { Db } from '../../db/connect.ts';
import { hashToken } from './sessions.ts';

/** Ends a session now. Unknown or expired tokens are simply ignored. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Housekeeping for the scheduler: expired sessions are deleted. */
export async function purgeExpiredSessions(db: Db): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
