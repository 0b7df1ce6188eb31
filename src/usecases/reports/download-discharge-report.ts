import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { DISCHARGE_CONTENT_TYPES, type DischargeFile } from './discharge-file.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An issued discharge report's file, exactly as sealed; another tenant's or creditor's is not found. */
export async function downloadDischargeReport(db: Db, actor: Actor, id: string): Promise<DischargeFile> {
  authorize(actor, 'read', 'discharge_report');
  if (!UUID.test(id)) throw notFound('discharge_report');
  let s = db.selectFrom('discharge_reports').select(['file_name', 'format', 'content', 'sha256']).where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) s = s.where('creditor_id', '=', actor.creditorId);
  const r = await s.executeTakeFirst();
  if (!r) throw notFound('discharge_report');
  return { fileName: r.file_name, contentType: DISCHARGE_CONTENT_TYPES[r.format], content: r.content, sha256: r.sha256 };
}
