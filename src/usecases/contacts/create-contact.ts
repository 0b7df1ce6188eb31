import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { present, toColumns } from '../shared/present.ts';
import { loadDebtor } from '../shared/scope.ts';
import { CreateContactInput, type ContactView } from './schema.ts';
import { msg } from '../../domain/messages/index.ts';

type ContactData = z.output<typeof CreateContactInput>;

/** Inserts a validated contact for a debtor already loaded in this transaction. */
export async function insertContact(trx: Trx, actor: Actor, debtorId: string, data: ContactData): Promise<ContactView> {
  const existing = await trx
    .selectFrom('contacts')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', debtorId)
    .where('channel', '=', data.channel)
    .where('value', '=', data.value)
    .executeTakeFirst();
  if (existing) throw conflict(msg('contact.already_recorded', { value: data.value }));
  const row = await trx
    .insertInto('contacts')
    .values({ ...(toColumns(data) as Pick<ContactData, 'channel' | 'value'>), tenant_id: actor.tenantId, debtor_id: debtorId })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = present(row) as ContactView;
  await recordAudit(trx, actor, { action: 'contact.created', entityType: 'contact', entityId: row.id, debtorId, after: view });
  return view;
}

export async function createContact(
  db: Db,
  actor: Actor,
  debtorId: string,
  input: z.input<typeof CreateContactInput>,
): Promise<ContactView> {
  return db.transaction().execute((trx) => registerContact(trx, actor, debtorId, input));
}

/** `createContact` on a transaction the caller holds. */
export async function registerContact(
  trx: Trx,
  actor: Actor,
  debtorId: string,
  input: z.input<typeof CreateContactInput>,
): Promise<ContactView> {
  const data = parseInput(CreateContactInput, input);
  await loadDebtor(trx, actor, debtorId, { forUpdate: true });
  authorize(actor, 'create', 'contact');
  return insertContact(trx, actor, debtorId, data);
}
