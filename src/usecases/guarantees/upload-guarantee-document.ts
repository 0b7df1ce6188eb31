import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { withSpooledUpload } from '../shared/spool-upload.ts';
import type { GuaranteeView } from './schema.ts';
import { guaranteeView, loadGuarantee } from './views.ts';

/** What a guarantee's document may be: the signed guarantee, the bank's letter, a scan. */
export const GUARANTEE_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** At most this many bytes per document (a scanned guarantee of a few pages). */
export const MAX_GUARANTEE_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Attaches a document to a guarantee: streamed to disk (never whole in memory) with its size and
 * SHA-256, then stored in chunks (`attachment_data`) with its metadata (`attachments`, the debtor's and
 * the guarantee's) and the audit event in one short transaction — the way imports and bank files are stored.
 */
export async function uploadGuaranteeDocument(
  db: Db,
  actor: Actor,
  id: string,
  input: { fileName: string; contentType: string },
  source: Readable | AsyncIterable<Buffer>,
  opts: { maxBytes?: number } = {},
): Promise<GuaranteeView> {
  const g = await loadGuarantee(db, actor, id);
  authorize(actor, 'create', 'claim');
  const contentType = input.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(GUARANTEE_DOCUMENT_TYPES as readonly string[]).includes(contentType)) throw invalid([fieldError('file', 'guarantees.document_type')]);
  // A file name is kept printable: control characters out (the header and the list show it).
  const fileName = [...input.fileName].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('').slice(0, 255) || 'documento';
  await withSpooledUpload(source, opts.maxBytes ?? MAX_GUARANTEE_DOCUMENT_BYTES, async (upload) => {
    const attachmentId = randomUUID();
    await db.transaction().execute(async (trx) => {
      // The guarantee may not have changed hands meanwhile: it is read again, locked.
      await loadGuarantee(trx, actor, id, { forUpdate: true });
      await trx
        .insertInto('attachments')
        .values({ id: attachmentId, tenant_id: actor.tenantId, debtor_id: g.debtor_id, guarantee_id: g.id, file_name: fileName, content_type: contentType, size_bytes: upload.bytes, sha256: upload.sha256, uploaded_by: actor.userId })
        .execute();
      for await (const { seq, data } of upload.chunks()) await trx.insertInto('attachment_data').values({ tenant_id: actor.tenantId, attachment_id: attachmentId, seq, data }).execute();
      await recordAudit(trx, actor, {
        action: 'guarantee.document_added',
        entityType: 'guarantee',
        entityId: g.id,
        debtorId: g.debtor_id,
        creditorId: g.creditor_id,
        after: { attachmentId, file: fileName, contentType, bytes: upload.bytes, sha256: upload.sha256 },
      });
    });
  });
  return guaranteeView(db, actor, id);
}
