import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';

/** The issued file (PDF or XLSX) exactly as it was sealed: the stored bytes, named by number and year. */
export async function getStatementFile(db: Db, actor: Actor, id: string, format: 'pdf' | 'xlsx'): Promise<{ fileName: string; contentType: string; bytes: Buffer; sha256: string }> {
  authorize(actor, 'read', 'commission');
  assertId(id, 'statement');
  let q = db
    .selectFrom('remittance_statements')
    .select(['number', 'year', format === 'pdf' ? 'pdf as bytes' : 'xlsx as bytes', format === 'pdf' ? 'pdf_sha256 as sha256' : 'xlsx_sha256 as sha256'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('statement');
  return {
    fileName: `rendiconto-${row.year}-${String(row.number).padStart(4, '0')}.${format}`,
    contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: row.bytes,
    sha256: row.sha256,
  };
}
