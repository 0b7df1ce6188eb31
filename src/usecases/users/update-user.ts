import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { assertCreditorBinding } from './create-user.ts';
import { assertAnotherActiveAdmin, endSessions, loadUserForUpdate, lockActiveAdmins } from './load-user.ts';
import { UpdateUserInput, USER_COLUMNS, type UserView } from './schema.ts';

/**
 * Changes a user's role, creditor binding, name or language. A new role or binding ends the user's
 * sessions, so what they may see changes at once and not at their next log-in.
 */
export async function updateUser(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateUserInput>): Promise<UserView> {
  return db.transaction().execute((trx) => amendUser(trx, actor, id, input));
}

/** `updateUser` on a transaction the caller holds. */
export async function amendUser(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateUserInput>): Promise<UserView> {
  authorize(actor, 'update', 'user');
  const data = parseInput(UpdateUserInput, input);
  const activeAdmins = await lockActiveAdmins(trx, actor);
  const before = await loadUserForUpdate(trx, actor, id);
  const role = data.role ?? before.role;
  // Moving away from viewer drops the binding unless one is sent; staying a viewer keeps it.
  const creditorId = data.creditorId !== undefined ? data.creditorId : role === 'viewer' ? before.creditor_id : null;
  assertCreditorBinding(role, creditorId);
  if (creditorId && creditorId !== before.creditor_id) {
    await loadCreditor(trx, actor, creditorId).catch(() => {
      throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
    });
  }
  if (before.role === 'admin' && role !== 'admin' && before.active) assertAnotherActiveAdmin(activeAdmins, before.id);

  const next = { name: data.name ?? before.name, role, creditorId, locale: data.locale ?? before.locale };
  const was = { name: before.name, role: before.role, creditorId: before.creditor_id, locale: before.locale };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== was[k]);
  const row = await trx
    .updateTable('users')
    .set({ name: next.name, role: next.role, creditor_id: next.creditorId ?? null, locale: next.locale, updated_at: new Date() })
    .where('id', '=', before.id)
    .where('tenant_id', '=', actor.tenantId)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  if (changed.length > 0) {
    if (changed.includes('role') || changed.includes('creditorId')) await endSessions(trx, before.id);
    await recordAudit(trx, actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: before.id,
      before: Object.fromEntries(changed.map((k) => [k, was[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
  }
  return row;
}
