import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { printBatchesQuery } from './print-batch-query.ts';
import type { StoredFile } from './schema.ts';

/** A print batch's merged PDF or its CSV manifest, byte for byte as stored, with its SHA-256. */
export async function getPrintBatchFile(db: Db, actor: Actor, id: string, file: 'pdf' | 'manifest'): Promise<StoredFile> {
  authorize(actor, 'read', 'communication');
  assertId(id, 'print_batch');
  const q = printBatchesQuery(db, actor).where('b.id', '=', id).select('b.ref_no');
  if (file === 'pdf') {
    const row = await q.select(['b.pdf', 'b.pdf_sha256']).executeTakeFirst();
    if (!row) throw notFound('print_batch');
    return { bytes: row.pdf, contentType: 'application/pdf', fileName: `lotto-stampa-${row.ref_no}.pdf`, sha256: row.pdf_sha256 };
  }
  const row = await q.select(['b.manifest', 'b.manifest_sha256']).executeTakeFirst();
  if (!row) throw notFound('print_batch');
  return {
    bytes: Buffer.from(row.manifest, 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    fileName: `lotto-stampa-${row.ref_no}-distinta.csv`,
    sha256: row.manifest_sha256,
  };
}
