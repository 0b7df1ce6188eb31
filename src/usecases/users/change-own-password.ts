import { verify } from '@node-rs/argon2';
import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { fieldError, forbidden, invalid, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { hashPassword } from '../auth/login.ts';
import { hashToken } from '../auth/sessions.ts';
import { recordAudit } from '../shared/audit.ts';
import { parseInput } from '../shared/input.ts';
import { assertAcceptablePassword } from './password.ts';

export const ChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().max(1000),
  })
  .strict();

/**
 * A signed-in user replaces their own password (a one-time password first of all). Any role may;
 * the current password is asked again, so an unattended open session is not enough. Every other
 * session of the user ends; the one making the change (`keepSessionToken`) stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: z.input<typeof ChangeOwnPasswordInput>,
  opts: { keepSessionToken?: string | undefined } = {},
): Promise<null> {
  return db.transaction().execute((trx) => setOwnPassword(trx, actor, input, opts));
}

/** `changeOwnPassword` on a transaction the caller holds. */
export async function setOwnPassword(
  trx: Trx,
  actor: Actor,
  input: z.input<typeof ChangeOwnPasswordInput>,
  opts: { keepSessionToken?: string | undefined } = {},
): Promise<null> {
  if (!actor.userId) throw forbidden();
  const data = parseInput(ChangeOwnPasswordInput, input);
  const user = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('id', '=', actor.userId)
    .where('tenant_id', '=', actor.tenantId)
    .where('active', '=', true)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw notFound('user');
  const ok = await verify(user.password_hash, data.currentPassword).catch(() => false);
  if (!ok) throw invalid([fieldError('currentPassword', 'admin.current_password_wrong')]);
  if (data.newPassword === data.currentPassword) {
    throw invalid([fieldError('newPassword', 'admin.new_password_same')]);
  }
  assertAcceptablePassword(data.newPassword, { email: user.email, name: user.name }, 'newPassword');
  const passwordHash = await hashPassword(data.newPassword);
  await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', user.id).where('tenant_id', '=', actor.tenantId).execute();
  let others = trx.deleteFrom('sessions').where('user_id', '=', user.id);
  if (opts.keepSessionToken) others = others.where('token_hash', '!=', hashToken(opts.keepSessionToken));
  const ended = await others.executeTakeFirst();
  await recordAudit(trx, actor, { action: 'user.password_changed', entityType: 'user', entityId: user.id, after: { otherSessionsEnded: Number(ended.numDeletedRows) } });
  return null;
}
