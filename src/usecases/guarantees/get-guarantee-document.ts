import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { loadGuarantee } from './views.ts';

/** A guarantee's document: its metadata and its bytes chunk after chunk, straight from the database (never whole in memory). */
export async function getGuaranteeDocument(
  db: Db,
  actor: Actor,
  guaranteeId: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; sizeBytes: number; sha256: string; body: AsyncGenerator<Uint8Array> }> {
  const g = await loadGuarantee(db, actor, guaranteeId);
  authorize(actor, 'read', 'claim');
  assertId(attachmentId, 'attachment');
  const a = await db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'sha256'])
    .where('tenant_id', '=', actor.tenantId)
    .where('guarantee_id', '=', g.id)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!a) throw notFound('attachment');
  async function* body(): AsyncGenerator<Uint8Array> {
    for (let seq = 0; ; seq++) {
      const row = await db.selectFrom('attachment_data').select('data').where('tenant_id', '=', actor.tenantId).where('attachment_id', '=', a!.id).where('seq', '=', seq).executeTakeFirst();
      if (!row) return;
      yield row.data;
    }
  }
  return { fileName: a.file_name, contentType: a.content_type, sizeBytes: Number(a.size_bytes), sha256: a.sha256, body: body() };
}
