import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { BankFilesTable } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isMessageCode, translate, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { BankFileDetail, BankFileView } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A bank file's row as the list and the page show it: state, counts so far, the reason it failed. */
export function bankFileView(r: Selectable<BankFilesTable>, locale: Locale): BankFileView {
  const error = r.error as Message | null;
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    status: r.status,
    mapping: r.mapping,
    bytes: r.file_bytes === null ? null : Number(r.file_bytes),
    entries: r.entries,
    matched: r.matched,
    toReconcile: r.to_reconcile,
    alreadyRecorded: r.already_recorded,
    notBooked: r.not_booked,
    problems: Array.isArray(r.problems) ? r.problems.length : 0,
    error: error && isMessageCode(error.code) ? translate(error, locale) : null,
    errorCode: error && isMessageCode(error.code) ? error.code : null,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

/** One bank file of the actor's tenant (another tenant's is not found), with its unreadable entries worded; polled while it runs. */
export async function getBankFile(db: Db, actor: Actor, id: string, locale: Locale): Promise<BankFileDetail> {
  authorize(actor, 'read', 'payment');
  const row = UUID.test(id) ? await db.selectFrom('bank_files').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw notFound('bank_file');
  const problems = (Array.isArray(row.problems) ? row.problems : []) as { index: number; message: Message }[];
  return {
    ...bankFileView(row, locale),
    problemItems: problems.slice(0, 500).map((p) => ({ index: p.index, code: p.message.code, message: isMessageCode(p.message.code) ? translate(p.message, locale) : p.message.code })),
  };
}
