import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion, present, toColumns } from '../shared/present.ts';
import { assertId, debtorVisible } from '../shared/scope.ts';
import { UpdateAddressInput, type AddressView } from './schema.ts';

export async function updateAddress(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateAddressInput>,
): Promise<AddressView> {
  const data = parseInput(UpdateAddressInput, input);
  assertId(id, 'Indirizzo (address)');
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('addresses')
      .selectAll()
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .where((eb) =>
        eb.exists(
          eb.selectFrom('debtors').select('debtors.id').whereRef('debtors.id', '=', 'addresses.debtor_id').where(debtorVisible(actor)),
        ),
      )
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Indirizzo (address)');
    authorize(actor, 'update', 'address');
    checkVersion(current.version, data.version);
    // The period as it will be after the change: sending only one end is checked against the other.
    const validFrom = data.validFrom !== undefined ? data.validFrom : current.valid_from;
    const validTo = data.validTo !== undefined ? data.validTo : current.valid_to;
    if (validFrom && validTo && validTo < validFrom) {
      throw invalid([{ path: 'validTo', message: 'Fine validità precedente all’inizio (valid-to before valid-from)' }]);
    }
    const currentView = present(current);
    const changes = diff(currentView, data as Record<string, unknown>);
    if (!changes) return currentView as AddressView;
    const row = await trx
      .updateTable('addresses')
      .set({ ...toColumns(changes.after), version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('tenant_id', '=', actor.tenantId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'address.updated',
      entityType: 'address',
      entityId: id,
      debtorId: current.debtor_id,
      ...changes,
    });
    return present(row) as AddressView;
  });
}
