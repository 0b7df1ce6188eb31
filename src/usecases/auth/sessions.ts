import { createHash, randomBytes } from 'node:crypto';

/** A session token is 32 random bytes; only its SHA-256 is stored, so a leaked table opens nothing. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A session ends after this long without use, and in any case this long after login. */
export const SESSION_ABSOLUTE_HOURS = 24 * 7;
