import type { Db } from '../../db/connect.ts';
import { isMessageCode, translate, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';

/** The bank files imported, newest first (the last 200), with their counts. */
export async function listBankFiles(db: Db, actor: Actor, locale: Locale) {
  authorize(actor, 'read', 'payment');
  const rows = await db.selectFrom('bank_files').selectAll().where('tenant_id', '=', actor.tenantId).orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((r) => {
    const error = r.error as Message | null;
    return {
      id: r.id,
      fileName: r.file_name,
      format: r.format,
      status: r.status,
      entries: r.entries,
      matched: r.matched,
      toReconcile: r.to_reconcile,
      alreadyRecorded: r.already_recorded,
      notBooked: r.not_booked,
      problems: Array.isArray(r.problems) ? r.problems.length : 0,
      error: error && isMessageCode(error.code) ? translate(error, locale) : null,
      createdAt: r.created_at.toISOString(),
    };
  });
}
