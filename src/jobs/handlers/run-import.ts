import type { Db } from '../../db/connect.ts';
import { runRequestedImport } from '../../usecases/imports/run-requested-import.ts';
import { RUN_IMPORT_JOB } from '../../usecases/imports/start-import.ts';
import type { JobHandler } from '../port.ts';

/**
 * Runs an import started through the API (`startImport` queued it; the route sent this job with
 * the import's id as singleton key). One import at a time per worker node; a job already taken,
 * done or failed is skipped.
 */
export function runImportJob(db: Db): JobHandler {
  return {
    name: RUN_IMPORT_JOB,
    singleton: true,
    // A file of a million rows takes a while; the job row (not the queue) guards against a second run.
    expireInSeconds: 4 * 60 * 60,
    run: async (data) => {
      const { importJobId } = (data ?? {}) as { importJobId?: unknown };
      if (typeof importJobId === 'string') await runRequestedImport(db, importJobId);
    },
  };
}
