import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { notFound, type NotFoundWhat } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A malformed id cannot name anything: answer 404 like any other unknown id. */
export function assertId(id: string, what: NotFoundWhat): void {
  if (!UUID.test(id)) throw notFound(what);
}

/** A viewer sees a debtor only if it owes something to the viewer's creditor. */
export function debtorVisible(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'debtors'>) =>
    actor.creditorId === null
      ? sql<boolean>`true`
      : eb.exists(
          eb
            .selectFrom('claims as vc')
            .select(sql`1`.as('one'))
            .whereRef('vc.debtor_id', '=', 'debtors.id')
            .where('vc.tenant_id', '=', actor.tenantId)
            .where('vc.creditor_id', '=', actor.creditorId),
        );
}

export async function loadDebtor(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, 'debtor');
  let q = db
    .selectFrom('debtors')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .where(debtorVisible(actor));
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('debtor');
  return row;
}

export async function loadCreditor(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, 'creditor');
  let q = db.selectFrom('creditors').selectAll().where('id', '=', id).where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('creditor');
  return row;
}

export async function loadClaim(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, 'claim');
  let q = db.selectFrom('claims').selectAll().where('id', '=', id).where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('claim');
  return row;
}

/** A debtor's contacts or addresses, oldest first (the caller has checked the debtor is visible). */
export function rowsOfDebtor(db: Db, actor: Actor, table: 'contacts' | 'addresses', debtorId: string) {
  return db
    .selectFrom(table)
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', debtorId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
