import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { encodeMessage, msg, type Message } from '../../domain/messages/index.ts';
import { systemActor, type Actor } from '../../domain/policies.ts';
import { runImport, type RunImportHooks } from './run-import.ts';
import type { StartImportInput } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RequestedImportOutcome = 'done' | 'failed' | 'skipped';

/**
 * Runs an import that `startImport` queued, as the user who started it. Only a `queued` job is
 * taken, and taking it (queued → validating) is one statement, so a job sent twice, retried by the
 * queue or found by two nodes runs once; anything else is `skipped`. The user is read again now: one
 * removed or deactivated meanwhile, or whose role no longer allows importing (checked by
 * `runImport`, as for any caller), fails the job with a coded reason shown on the job. A failure of
 * the start itself (a column the mapping names is not in the file, an unknown preset) fails the job
 * with its reason too, instead of leaving it to be resumed with other columns.
 */
export async function runRequestedImport(db: Db, jobId: string, hooks: RunImportHooks = {}): Promise<RequestedImportOutcome> {
  if (!UUID.test(jobId)) return 'skipped';
  const job = await db
    .updateTable('import_jobs')
    .set({ status: 'validating', started_at: sql`coalesce(started_at, now())`, updated_at: sql`now()` })
    .where('id', '=', jobId)
    .where('status', '=', 'queued')
    .returning(['id', 'tenant_id', 'start_request', 'requested_by'])
    .executeTakeFirst();
  if (!job) return 'skipped';

  const fail = async (m: Message): Promise<RequestedImportOutcome> => {
    await db
      .updateTable('import_jobs')
      .set({ status: 'failed', error: encodeMessage(m), finished_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', job.id)
      .execute();
    return 'failed';
  };

  let actor: Actor;
  if (job.requested_by === null) {
    actor = systemActor(job.tenant_id, 'import');
  } else {
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'role', 'creditor_id', 'active'])
      .where('id', '=', job.requested_by)
      .where('tenant_id', '=', job.tenant_id)
      .executeTakeFirst();
    if (!user?.active) return fail(msg('import.requester_gone'));
    actor = { tenantId: job.tenant_id, userId: user.id, role: user.role, creditorId: user.creditor_id, label: `user:${user.email}` };
  }

  try {
    const summary = await runImport(db, actor, job.id, (job.start_request ?? {}) as StartImportInput, hooks);
    return summary.status === 'done' ? 'done' : 'failed';
  } catch (err) {
    if (!(err instanceof AppError)) throw err; // runImport has stored why; the queue logs it
    if (err.code === 'forbidden' || err.code === 'not_found') return fail(msg('import.requester_not_allowed'));
    return fail(err.fields[0] ? fieldMessage(err.fields[0]) : err.msg);
  }
}
