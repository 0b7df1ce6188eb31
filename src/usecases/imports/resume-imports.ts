import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { encodeMessage } from '../../domain/messages/index.ts';
import { systemActor } from '../../domain/policies.ts';
import { runImport } from './run-import.ts';
import { runRequestedImport } from './run-requested-import.ts';
import type { StartImportInput } from './schema.ts';

export interface ResumeOptions {
  /**
   * Sends a queued job to the queue again (the jobs port; one per import, so a message still waiting
   * makes this a no-op). Without it, a stale queued job is run here and now.
   */
  requeue?: (importJobId: string) => Promise<void>;
}

/**
 * Finishes imports whose runner stopped or never came:
 * - jobs still validating or importing that committed nothing for `staleMinutes` (a server killed or
 *   restarted in the middle): each resumes after its last committed batch, with the mapping it
 *   started with (the one it chose, or the stored start when it died before choosing); a job another
 *   runner is still working on is safe too (batches take the job row's lock and skip what is done);
 * - jobs queued for `staleMinutes` that no worker took (the queue message was lost when a node died
 *   between recording the start and sending it): sent again through `requeue`, so they still wait
 *   their turn with the others; else run here as the user who started them, as the worker would.
 * Returns the jobs resumed, sent again or run.
 */
export async function resumeInterruptedImports(db: Db, staleMinutes = 2, opts: ResumeOptions = {}): Promise<string[]> {
  const stale = await db
    .selectFrom('import_jobs')
    .select(['id', 'tenant_id', 'status', 'mapping', 'start_request'])
    .where('status', 'in', ['queued', 'validating', 'importing'])
    .where('updated_at', '<', sql<Date>`now() - make_interval(mins => ${staleMinutes})`)
    .orderBy('created_at')
    .limit(10)
    .execute();
  const done: string[] = [];
  for (const job of stale) {
    if (job.status === 'queued') {
      if (opts.requeue) {
        await opts.requeue(job.id);
        done.push(job.id);
      } else if ((await runRequestedImport(db, job.id)) !== 'skipped') done.push(job.id);
      continue;
    }
    // Died before the columns were chosen: choose them as the start asked, not from the headers.
    const input = job.mapping === null && job.start_request ? (job.start_request as StartImportInput) : {};
    try {
      await runImport(db, systemActor(job.tenant_id, 'import-resume'), job.id, input);
    } catch (err) {
      // A start that cannot be done (its mapping names a column the file lacks) fails, with why,
      // instead of being tried again every few minutes.
      if (!(err instanceof AppError)) throw err;
      const error = encodeMessage(err.fields[0] ? fieldMessage(err.fields[0]) : err.msg);
      await db.updateTable('import_jobs').set({ status: 'failed', error, finished_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', job.id).execute();
    }
    done.push(job.id);
  }
  return done;
}
