import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkValidityAfterUpdate, saveChanges } from '../shared/save-changes.ts';
import { checkVersion, present } from '../shared/present.ts';
import { loadContact } from './get-contact.ts';
import { normaliseContactValue, UpdateContactInput, type ContactView } from './schema.ts';

export async function updateContact(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateContactInput>): Promise<ContactView> {
  return db.transaction().execute((trx) => amendContact(trx, actor, id, input));
}

/** `updateContact` on a transaction the caller holds. */
export async function amendContact(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateContactInput>): Promise<ContactView> {
  const data = parseInput(UpdateContactInput, input);
  const current = await loadContact(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'contact');
  checkVersion(current.version, data.version);
  checkValidityAfterUpdate(data, current);
  const currentView = present(current);
  // A new value is normalised for the (possibly new) channel.
  const next =
    data.value !== undefined || data.channel !== undefined
      ? parseInput(
          UpdateContactInput.transform(normaliseContactValue),
          { ...data, channel: data.channel ?? current.channel, value: data.value ?? current.value },
        )
      : data;
  const changes = diff(currentView, next as Record<string, unknown>);
  if (!changes) return currentView as ContactView;
  const row = await saveChanges(trx, actor, 'contacts', id, changes, {
    action: 'contact.updated',
    entityType: 'contact',
    debtorId: current.debtor_id,
  });
  return present(row) as ContactView;
}
