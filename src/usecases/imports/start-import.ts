import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { getImport } from './list-imports.ts';
import { StartImportInput, type ImportJobView } from './schema.ts';

/** The queue job that runs a started import; its singleton key is the import job's id. */
export const RUN_IMPORT_JOB = 'run-import';

export interface StartedImport {
  job: ImportJobView;
  /**
   * Whether the caller should send the job to the queue now: the import waits for a worker. False
   * when it already runs or is done (a repeated start changes nothing and runs nothing).
   */
  enqueue: boolean;
}

/** The part of a start that a worker needs later (a dry run never gets here). */
export type StoredStartRequest = Omit<ReturnType<typeof StartImportInput.parse>, 'dryRun'>;

/**
 * Records that a (real) import was asked for: in one transaction with its audit event, the job
 * becomes `queued` with the start's mapping, preset and options and who asked. A worker then runs
 * it as that user (`runRequestedImport`), on whichever node takes it from the queue; the resume job
 * finds a queued job whose queue message was lost. Starting a job that is queued, running or done
 * again changes nothing; a failed job may be started again (it resumes after its last batch).
 */
export async function startImport(
  db: Db,
  actor: Actor,
  jobId: string,
  input: StartImportInput = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<StartedImport> {
  authorize(actor, 'create', 'import');
  assertId(jobId, 'import');
  const { dryRun: _dryRun, ...request } = parseInput(StartImportInput, input);
  const enqueue = await db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('import_jobs')
      .select(['id', 'status', 'creditor_id', 'file_name'])
      .where('id', '=', jobId)
      .where('tenant_id', '=', actor.tenantId);
    if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
    const job = await q.forUpdate().executeTakeFirst();
    if (!job) throw notFound('import');
    if (job.status === 'queued') return true; // asked before; sending again is harmless (one run per key)
    if (job.status !== 'uploaded' && job.status !== 'failed') return false;
    await trx
      .updateTable('import_jobs')
      .set({
        status: 'queued',
        start_request: JSON.stringify(request),
        requested_by: actor.userId,
        requested_at: sql`now()`,
        error: null,
        finished_at: null,
        updated_at: sql`now()`,
      })
      .where('id', '=', job.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'import.requested',
      entityType: 'import',
      entityId: job.id,
      creditorId: job.creditor_id,
      before: { status: job.status },
      after: { status: 'queued', fileName: job.file_name, ...request },
    });
    return true;
  });
  return { job: await getImport(db, actor, jobId, locale), enqueue };
}
