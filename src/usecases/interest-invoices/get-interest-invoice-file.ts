import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';

/** An interest invoice's PDF as issued, with its SHA-256. */
export async function getInterestInvoiceFile(db: Db, actor: Actor, id: string): Promise<{ fileName: string; sha256: string; content: Buffer }> {
  authorize(actor, 'read', 'claim');
  assertId(id, 'interest_invoice');
  let q = db.selectFrom('interest_invoices').select(['number', 'year', 'pdf', 'sha256']).where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('interest_invoice');
  return { fileName: `fattura-interessi-${r.year}-${r.number}.pdf`, sha256: r.sha256, content: r.pdf };
}
