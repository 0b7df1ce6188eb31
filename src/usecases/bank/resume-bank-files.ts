import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { continueBankFile, runBankFile } from './run-bank-file.ts';

export interface ResumeBankFilesOptions {
  /** Sends a queued file to the queue again (one message per file); without it, a stale queued file is run here. */
  requeue?: (fileId: string) => Promise<void>;
  today?: string;
  /** Only this tenant's files (tests sharing one PostgreSQL never take each other's). */
  tenantId?: string;
  /** Chunks placed side by side (`importBankFile`): 2 on PostgreSQL. */
  connections?: number;
}

/**
 * Finishes stored bank files whose run stopped or never came:
 * - running, with no chunk committed for `staleMinutes` (a server killed or restarted mid-file): run
 *   on after the counts the run committed — the entries already recorded are not placed again (and
 *   were they, their unique key would record nothing twice);
 * - queued for `staleMinutes` that no worker took (the message was lost): sent again, else run here.
 * A file the CLI read from disk (nothing stored) is never taken. Returns the files resumed, sent or run.
 */
export async function resumeBankFiles(db: Db, staleMinutes = 2, opts: ResumeBankFilesOptions = {}): Promise<string[]> {
  let q = db
    .selectFrom('bank_files')
    .select(['id', 'status'])
    .where('status', 'in', ['queued', 'running'])
    .where('file_bytes', 'is not', null)
    .where('updated_at', '<', sql<Date>`now() - make_interval(mins => ${staleMinutes})`)
    .orderBy('created_at')
    .limit(10);
  if (opts.tenantId) q = q.where('tenant_id', '=', opts.tenantId);
  const stale = await q.execute();
  const done: string[] = [];
  for (const f of stale) {
    if (f.status === 'queued') {
      if (opts.requeue) {
        await opts.requeue(f.id);
        done.push(f.id);
      } else if ((await runBankFile(db, f.id, opts.today, opts.connections)) !== 'skipped') done.push(f.id);
      continue;
    }
    // Claimed by this run: another resumer seeing it now finds it fresh and leaves it.
    const taken = await db
      .updateTable('bank_files')
      .set({ updated_at: sql`now()` })
      .where('id', '=', f.id)
      .where('status', '=', 'running')
      .where('updated_at', '<', sql<Date>`now() - make_interval(mins => ${staleMinutes})`)
      .returning('id')
      .executeTakeFirst();
    if (taken && (await continueBankFile(db, f.id, opts.today, opts.connections)) !== 'skipped') done.push(f.id);
  }
  return done;
}
