import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion, present, toColumns } from '../shared/present.ts';
import { loadContact } from './get-contact.ts';
import { normaliseContactValue, UpdateContactInput, type ContactView } from './schema.ts';

export async function updateContact(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateContactInput>,
): Promise<ContactView> {
  const data = parseInput(UpdateContactInput, input);
  return db.transaction().execute(async (trx) => {
    const current = await loadContact(trx, actor, id, { forUpdate: true });
    authorize(actor, 'update', 'contact');
    checkVersion(current.version, data.version);
    // The period as it will be after the change: sending only one end is checked against the other.
    const validFrom = data.validFrom !== undefined ? data.validFrom : current.valid_from;
    const validTo = data.validTo !== undefined ? data.validTo : current.valid_to;
    if (validFrom && validTo && validTo < validFrom) {
      throw invalid([{ path: 'validTo', message: 'Fine validità precedente all’inizio (valid-to before valid-from)' }]);
    }
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
    const row = await trx
      .updateTable('contacts')
      .set({ ...toColumns(changes.after), version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'contact.updated',
      entityType: 'contact',
      entityId: id,
      debtorId: current.debtor_id,
      ...changes,
    });
    return present(row) as ContactView;
  });
}
