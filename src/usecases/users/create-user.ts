import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { AppError, fieldError, invalid } from '../../domain/errors.ts';
import type { Actor, Role } from '../../domain/policies.ts';
import { hashPassword } from '../auth/login.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { assertAcceptablePassword, generateOneTimePassword } from './password.ts';
import { CreateUserInput, USER_COLUMNS, type UserWithPasswordView } from './schema.ts';
import { msg } from '../../domain/messages/index.ts';

export { CreateUserInput, UserView } from './schema.ts';

/**
 * Log-in is by e-mail alone, so an address belongs to one user of the whole installation. The refusal
 * is the same whoever holds it — this tenant or another — so no tenant learns another's users.
 */
export const emailUnusable = () =>
  new AppError('conflict', msg('admin.email_unusable'), [fieldError('email', 'admin.email_unusable_field')]);

/** The unique index on users.email fired: a concurrent creation took the address first. */
export const isEmailTaken = (err: unknown) => (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'users_email_key';

/** A viewer reads one creditor's data; every other role none in particular. */
export function assertCreditorBinding(role: Role, creditorId: string | null | undefined): void {
  if ((role === 'viewer') !== Boolean(creditorId)) {
    throw invalid([fieldError('creditorId', role === 'viewer' ? 'admin.viewer_needs_creditor' : 'admin.only_viewers_have_creditor')]);
  }
}

export async function createUser(db: Db, actor: Actor, input: z.input<typeof CreateUserInput>): Promise<UserWithPasswordView> {
  return db.transaction().execute((trx) => registerUser(trx, actor, input));
}

/** `createUser` on a transaction the caller holds. */
export async function registerUser(trx: Trx, actor: Actor, input: z.input<typeof CreateUserInput>): Promise<UserWithPasswordView> {
  authorize(actor, 'create', 'user');
  const data = parseInput(CreateUserInput, input);
  assertCreditorBinding(data.role, data.creditorId);
  const owner = { email: data.email, name: data.name };
  if (data.password !== undefined) assertAcceptablePassword(data.password, owner);
  const oneTimePassword = data.password === undefined ? generateOneTimePassword(owner) : undefined;
  const passwordHash = await hashPassword(data.password ?? oneTimePassword!);
  if (data.creditorId) {
    await loadCreditor(trx, actor, data.creditorId).catch(() => {
      throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
    });
  }
  const taken = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
  if (taken) throw emailUnusable();
  const row = await trx
    .insertInto('users')
    .values({
      tenant_id: actor.tenantId,
      email: data.email,
      name: data.name,
      password_hash: passwordHash,
      role: data.role,
      creditor_id: data.creditorId ?? null,
      locale: data.locale ?? 'it',
    })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow()
    .catch((err: unknown) => {
      throw isEmailTaken(err) ? emailUnusable() : err;
    });
  await recordAudit(trx, actor, {
    action: 'user.created',
    entityType: 'user',
    entityId: row.id,
    after: { email: row.email, name: row.name, role: row.role, creditorId: row.creditorId, passwordGenerated: oneTimePassword !== undefined },
  });
  return oneTimePassword === undefined ? row : { ...row, oneTimePassword };
}
