import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { encodeMessage, msg, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { importBankFile } from './import-bank-file.ts';
import { storedBankFile } from './upload-bank-file.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BankFileOutcome = 'done' | 'failed' | 'skipped';

/**
 * Places the entries of a bank file uploaded over HTTP (`uploadBankFile` stored it, queued), as the
 * user who uploaded it. Only a `queued` file is taken, and taking it (queued → running) is one
 * statement, so a job sent twice, retried by the queue or found by two nodes runs once; anything else
 * is `skipped`.
 */
export async function runBankFile(db: Db, fileId: string, today?: string, connections = 1): Promise<BankFileOutcome> {
  if (!UUID.test(fileId)) return 'skipped';
  const file = await db
    .updateTable('bank_files')
    .set({ status: 'running', updated_at: sql`now()` })
    .where('id', '=', fileId)
    .where('status', '=', 'queued')
    .where('file_bytes', 'is not', null)
    .returning(['id'])
    .executeTakeFirst();
  if (!file) return 'skipped';
  return continueBankFile(db, file.id, today, connections);
}

/**
 * Runs (or runs on, after the counts an interrupted run committed) a stored bank file that is
 * `running`. The uploader is read again now: one removed or deactivated meanwhile, or whose role no
 * longer records payments, fails the file with a coded reason shown on it; so does a CSV mapping
 * deleted since the upload.
 */
/** (`connections`: chunks placed side by side, `importBankFile`'s option: 2 on PostgreSQL.) */
export async function continueBankFile(db: Db, fileId: string, today?: string, connections = 1): Promise<BankFileOutcome> {
  const file = await db
    .selectFrom('bank_files as f')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'f.created_by').onRef('u.tenant_id', '=', 'f.tenant_id'))
    .select(['f.id', 'f.tenant_id', 'f.file_name', 'f.mapping', 'u.id as userId', 'u.email', 'u.role', 'u.creditor_id', 'u.active'])
    .where('f.id', '=', fileId)
    .where('f.status', '=', 'running')
    .where('f.file_bytes', 'is not', null)
    .executeTakeFirst();
  if (!file) return 'skipped';
  const fail = async (m: Message): Promise<BankFileOutcome> => {
    await db
      .updateTable('bank_files')
      .set({ status: 'failed', error: encodeMessage(m), finished_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', file.id)
      .execute();
    return 'failed';
  };
  if (!file.userId || !file.active || !file.role || !file.email) return fail(msg('bank.uploader_gone'));
  const actor: Actor = { tenantId: file.tenant_id, userId: file.userId, role: file.role, creditorId: file.creditor_id, label: `user:${file.email}` };
  try {
    const summary = await importBankFile(db, actor, { name: file.file_name, chunks: storedBankFile(db, file.tenant_id, file.id) }, { fileId: file.id, mapping: file.mapping, profiles: 'job', connections, ...(today ? { today } : {}) });
    return summary.status;
  } catch (err) {
    if (!(err instanceof AppError)) throw err; // the file stays running: the resume job tries again
    if (err.code === 'forbidden' || err.code === 'not_found') return fail(msg('bank.uploader_not_allowed'));
    return fail(err.fields[0] ? fieldMessage(err.fields[0]) : err.msg);
  }
}
