import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkValidityAfterUpdate, saveChanges } from '../shared/save-changes.ts';
import { checkVersion, present } from '../shared/present.ts';
import { assertId, debtorVisible } from '../shared/scope.ts';
import { UpdateAddressInput, type AddressView } from './schema.ts';

export async function updateAddress(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateAddressInput>): Promise<AddressView> {
  return db.transaction().execute((trx) => amendAddress(trx, actor, id, input));
}

/** `updateAddress` on a transaction the caller holds. */
export async function amendAddress(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateAddressInput>): Promise<AddressView> {
  const data = parseInput(UpdateAddressInput, input);
  assertId(id, 'address');
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
  if (!current) throw notFound('address');
  authorize(actor, 'update', 'address');
  checkVersion(current.version, data.version);
  checkValidityAfterUpdate(data, current);
  const currentView = present(current);
  const changes = diff(currentView, data as Record<string, unknown>);
  if (!changes) return currentView as AddressView;
  const row = await saveChanges(trx, actor, 'addresses', id, changes, {
    action: 'address.updated',
    entityType: 'address',
    debtorId: current.debtor_id,
  });
  return present(row) as AddressView;
}
