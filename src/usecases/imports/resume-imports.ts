import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../../domain/policies.ts';
import { runImport } from './run-import.ts';

/**
 * Finishes imports whose runner stopped (a server killed or restarted in the middle): jobs still
 * validating or importing that committed nothing for `staleMinutes`. Each resumes after its last
 * committed batch, with the mapping it started with; a job another runner is still working on is
 * safe too (batches take the job row's lock and skip what is done). Returns the jobs resumed.
 */
export async function resumeInterruptedImports(db: Db, staleMinutes = 2): Promise<string[]> {
  const stale = await db
    .selectFrom('import_jobs')
    .select(['id', 'tenant_id'])
    .where('status', 'in', ['validating', 'importing'])
    .where('updated_at', '<', sql<Date>`now() - make_interval(mins => ${staleMinutes})`)
    .orderBy('created_at')
    .limit(10)
    .execute();
  for (const job of stale) await runImport(db, systemActor(job.tenant_id, 'import-resume'), job.id);
  return stale.map((j) => j.id);
}
