import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { invalid, fieldError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { DEFAULT_LIMITS } from '../../integrations/import-files/index.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { withSpooledUpload } from '../shared/spool-upload.ts';
import { fetchImportJob } from './import-query.ts';
import { UploadImportInput, type ImportJobView } from './schema.ts';

/**
 * Receives a portfolio file as a stream (never whole in memory): first onto local disk, counting its
 * size and SHA-256, then into the database in one short transaction, so any node can run or resume
 * the job and an interrupted upload leaves nothing behind. The same file for the same creditor while
 * an earlier job of it is unfinished answers that job, so a retry resumes instead of starting over.
 */
export async function uploadImport(
  db: Db,
  actor: Actor,
  input: { creditorId: string; fileName: string },
  source: Readable | AsyncIterable<Buffer>,
  limits: { maxFileBytes?: number } = {},
): Promise<ImportJobView & { resumed: boolean }> {
  authorize(actor, 'create', 'import');
  const data = parseInput(UploadImportInput, input);
  const maxBytes = limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const creditor = await loadCreditor(db, actor, data.creditorId).catch(() => {
    throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
  });

  return withSpooledUpload(source, maxBytes, async (upload) => {
    const sha = upload.sha256;
    const result = await db.transaction().execute(async (trx) => {
      // Same file, same creditor → same job, even for two uploads at the same moment on two nodes:
      // the second waits here until the first has committed its job, then finds it.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`incasso:import:${actor.tenantId}:${creditor.id}:${sha}`}, 0))`.execute(trx);
      const open = await trx
        .selectFrom('import_jobs')
        .select('id')
        .where('tenant_id', '=', actor.tenantId)
        .where('creditor_id', '=', creditor.id)
        .where('file_sha256', '=', sha)
        .where('status', 'in', ['uploaded', 'queued', 'validating', 'importing'])
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (open) return { id: open.id, resumed: true };
      const id = randomUUID();
      await trx
        .insertInto('import_jobs')
        .values({
          id,
          tenant_id: actor.tenantId,
          creditor_id: creditor.id,
          file_name: data.fileName,
          file_sha256: sha,
          file_bytes: upload.bytes,
          created_by: actor.userId,
        })
        .execute();
      for await (const { seq, data: chunk } of upload.chunks()) await trx.insertInto('import_files').values({ job_id: id, seq, data: chunk }).execute();
      await recordAudit(trx, actor, {
        action: 'import.uploaded',
        entityType: 'import',
        entityId: id,
        creditorId: creditor.id,
        after: { fileName: data.fileName, fileSha256: sha, fileBytes: upload.bytes },
      });
      return { id, resumed: false };
    });
    return { ...(await fetchImportJob(db, actor, result.id))!, resumed: result.resumed };
  });
}

/**
 * Removes temporary copies older than a day left by a process that was killed before its cleanup
 * (the stored file in the database is the original; these are only working copies).
 */
async function sweepStaleCopies(): Promise<void> {
  const root = os.tmpdir();
  const limit = Date.now() - 24 * 3600_000;
  for (const name of await fs.promises.readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith('incasso-import-') && !name.startsWith('incasso-upload-')) continue;
    const dir = path.join(root, name);
    const stat = await fs.promises.stat(dir).catch(() => null);
    if (stat?.isDirectory() && stat.mtimeMs < limit) await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Writes a job's stored file to a temporary path for the readers; the caller removes the directory. */
export async function materialiseImportFile(db: Db, jobId: string): Promise<{ dir: string; file: string }> {
  await sweepStaleCopies();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'incasso-import-'));
  const file = path.join(dir, 'file');
  const out = await fs.promises.open(file, 'w');
  try {
    for (let seq = 0; ; seq++) {
      const row = await db.selectFrom('import_files').select('data').where('job_id', '=', jobId).where('seq', '=', seq).executeTakeFirst();
      if (!row) break;
      await out.write(row.data);
    }
  } finally {
    await out.close();
  }
  return { dir, file };
}
