import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { present } from '../shared/present.ts';
import { assertId, debtorVisible } from '../shared/scope.ts';
import type { ContactView } from './schema.ts';

export async function loadContact(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, 'contact');
  let q = db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('debtors')
          .select('debtors.id')
          .whereRef('debtors.id', '=', 'contacts.debtor_id')
          .where(debtorVisible(actor)),
      ),
    );
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('contact');
  return row;
}

export async function getContact(db: Db, actor: Actor, id: string): Promise<ContactView> {
  authorize(actor, 'read', 'contact');
  return present(await loadContact(db, actor, id)) as ContactView;
}
