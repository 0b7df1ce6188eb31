import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { debtorDisplayName } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { present, toColumns } from '../shared/present.ts';
import { CreateDebtorInput, type DebtorDetail } from './schema.ts';
import { insertAddress } from '../addresses/create-address.ts';
import { insertContact } from '../contacts/create-contact.ts';

/** Registers a debtor with its addresses and contacts in one transaction. */
export async function createDebtor(db: Db, actor: Actor, input: z.input<typeof CreateDebtorInput>): Promise<DebtorDetail> {
  return db.transaction().execute((trx) => registerDebtor(trx, actor, input));
}

/** `createDebtor` on a transaction the caller holds. */
export async function registerDebtor(trx: Trx, actor: Actor, input: z.input<typeof CreateDebtorInput>): Promise<DebtorDetail> {
  authorize(actor, 'create', 'debtor');
  const { addresses = [], contacts = [], ...data } = parseInput(CreateDebtorInput, input);
  const row = await trx
    .insertInto('debtors')
    .values({
      ...(toColumns(data) as { kind: typeof data.kind }),
      tenant_id: actor.tenantId,
      display_name: debtorDisplayName(data),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = present(row);
  await recordAudit(trx, actor, {
    action: 'debtor.created',
    entityType: 'debtor',
    entityId: row.id,
    debtorId: row.id,
    after: view,
  });
  const addressViews = [];
  for (const a of addresses) addressViews.push(await insertAddress(trx, actor, row.id, a));
  const contactViews = [];
  for (const c of contacts) contactViews.push(await insertContact(trx, actor, row.id, c));
  return { ...view, outstanding: [], riskClass: null, risk: null, addresses: addressViews, contacts: contactViews } as DebtorDetail;
}
