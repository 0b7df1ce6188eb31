import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { present, toColumns } from '../shared/present.ts';
import { loadDebtor } from '../shared/scope.ts';
import { CreateAddressInput, type AddressView } from './schema.ts';

type AddressData = z.output<typeof CreateAddressInput>;

/** Inserts a validated address for a debtor already loaded in this transaction (registerDebtor, registerAddress). */
export async function insertAddress(trx: Trx, actor: Actor, debtorId: string, data: AddressData): Promise<AddressView> {
  const row = await trx
    .insertInto('addresses')
    .values({ ...(toColumns(data) as Pick<AddressData, 'kind' | 'line1' | 'city'>), tenant_id: actor.tenantId, debtor_id: debtorId })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = present(row) as AddressView;
  await recordAudit(trx, actor, { action: 'address.created', entityType: 'address', entityId: row.id, debtorId, after: view });
  return view;
}

export async function createAddress(
  db: Db,
  actor: Actor,
  debtorId: string,
  input: z.input<typeof CreateAddressInput>,
): Promise<AddressView> {
  return db.transaction().execute((trx) => registerAddress(trx, actor, debtorId, input));
}

/** `createAddress` on a transaction the caller holds. */
export async function registerAddress(
  trx: Trx,
  actor: Actor,
  debtorId: string,
  input: z.input<typeof CreateAddressInput>,
): Promise<AddressView> {
  const data = parseInput(CreateAddressInput, input);
  await loadDebtor(trx, actor, debtorId, { forUpdate: true });
  authorize(actor, 'create', 'address');
  return insertAddress(trx, actor, debtorId, data);
}
