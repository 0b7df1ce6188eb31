import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { conflict, invalid, fieldError } from '../../domain/errors.ts';
import { email, requiredText, uuid } from '../../domain/fields.ts';
import { ROLES, type Actor } from '../../domain/policies.ts';
import { hashPassword } from '../auth/login.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { msg } from '../../domain/messages/index.ts';

export const CreateUserInput = z
  .object({
    email,
    name: requiredText(200),
    password: z
      .string()
      .min(10, { error: 'Password di almeno 10 caratteri (password needs at least 10 characters)' })
      .max(200),
    role: z.enum(ROLES),
    /** Required for a viewer: the one creditor whose data it may read. */
    creditorId: uuid.nullish(),
    locale: z.enum(['it', 'en', 'de', 'fr']).optional(),
  })
  .strict();

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  creditorId: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export async function createUser(db: Db, actor: Actor, input: z.input<typeof CreateUserInput>): Promise<UserView> {
  authorize(actor, 'create', 'user');
  const data = parseInput(CreateUserInput, input);
  if ((data.role === 'viewer') !== Boolean(data.creditorId)) {
    throw invalid([
      {
        path: 'creditorId',
        message:
          data.role === 'viewer'
            ? 'Un utente in sola lettura appartiene a un mandante (a viewer needs a creditor)'
            : 'Solo i viewer sono legati a un mandante (only viewers belong to a creditor)',
      },
    ]);
  }
  const passwordHash = await hashPassword(data.password);
  return db.transaction().execute(async (trx) => {
    if (data.creditorId) {
      await loadCreditor(trx, actor, data.creditorId).catch(() => {
        throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
      });
    }
    const taken = await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
    if (taken) throw conflict(msg('user.email_taken', { email: data.email }));
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
      .returning(['id', 'email', 'name', 'role', 'creditor_id as creditorId', 'locale', 'active'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      after: { email: row.email, name: row.name, role: row.role, creditorId: row.creditorId },
    });
    return row;
  });
}
