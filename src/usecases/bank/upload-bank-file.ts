import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import type { Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { withSpooledUpload } from '../shared/spool-upload.ts';
import { getBankFile } from './get-bank-file.ts';
import { bankCsvMappingOf } from './save-bank-csv-mapping.ts';
import type { BankFileDetail } from './schema.ts';

/** The job that places a stored bank file's entries (`runBankFile`), sent with the file's id as singleton key. */
export const RUN_BANK_FILE_JOB = 'run-bank-file';

/**
 * Receives a bank file over HTTP (issue 15 items 4 and 7) as a stream: first onto local disk, counting
 * its size and digest, then into the database with its `bank_files` row (queued) in one short
 * transaction — so the answer comes at once, any node's worker places the entries (`runBankFile`) and
 * a run cut short is resumed (`resumeBankFiles`). What can be told now is refused now: an empty file,
 * one over the limit, a CSV mapping name the tenant has not saved. The file's content (format,
 * hostile XML) is judged by the run, which fails the file with the reason.
 */
export async function uploadBankFile(
  db: Db,
  actor: Actor,
  input: { fileName: string; mapping?: string | null },
  source: Readable | AsyncIterable<Buffer>,
  opts: { maxBytes: number; locale?: Locale },
): Promise<BankFileDetail> {
  authorize(actor, 'create', 'payment');
  const mapping = input.mapping?.trim() || null;
  if (mapping && !(await bankCsvMappingOf(db, actor.tenantId, mapping))) throw invalid([fieldError('mapping', 'bank.csv_mapping_unknown', { name: mapping.slice(0, 60) })]);
  const fileName = input.fileName.slice(0, 300) || 'file';

  return withSpooledUpload(source, opts.maxBytes, async (upload) => {
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('bank_files')
        .values({ id, tenant_id: actor.tenantId, file_name: fileName, sha256: upload.sha256, status: 'queued', mapping, file_bytes: upload.bytes, created_by: actor.userId })
        .execute();
      for await (const { seq, data } of upload.chunks()) await trx.insertInto('bank_file_data').values({ tenant_id: actor.tenantId, file_id: id, seq, data }).execute();
      await recordAudit(trx, actor, { action: 'bank_file.uploaded', entityType: 'bank_file', entityId: id, after: { file: fileName, sha256: upload.sha256, bytes: upload.bytes, mapping } });
    });
    return getBankFile(db, actor, id, opts.locale ?? 'it');
  });
}

/** A stored bank file's bytes, chunk after chunk, straight from the database (never whole in memory). */
export async function* storedBankFile(db: Db, tenantId: string, fileId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const row = await db.selectFrom('bank_file_data').select('data').where('tenant_id', '=', tenantId).where('file_id', '=', fileId).where('seq', '=', seq).executeTakeFirst();
    if (!row) return;
    yield row.data;
  }
}
