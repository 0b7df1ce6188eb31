import type { Database, Db } from '../../db/connect.ts';
import { runBankFile } from '../../usecases/bank/run-bank-file.ts';
import { RUN_BANK_FILE_JOB } from '../../usecases/bank/upload-bank-file.ts';
import type { JobHandler } from '../port.ts';

/**
 * Places the entries of a bank file uploaded over HTTP (the route sent this job with the file's id as
 * singleton key). A file already taken, done or failed is skipped.
 */
export function runBankFileJob(db: Db, engine?: Database['engine']): JobHandler {
  // Two chunks side by side on PostgreSQL (two connections); PGlite has one.
  const connections = engine === 'postgres' ? 2 : 1;
  return {
    name: RUN_BANK_FILE_JOB,
    singleton: true,
    // A statement of 100,000 entries takes a while; the file row (not the queue) guards against a second run.
    expireInSeconds: 2 * 60 * 60,
    run: async (data) => {
      const { bankFileId } = (data ?? {}) as { bankFileId?: unknown };
      if (typeof bankFileId === 'string') await runBankFile(db, bankFileId, undefined, connections);
    },
  };
}
