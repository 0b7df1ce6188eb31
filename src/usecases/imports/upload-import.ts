import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { AppError, invalid, fieldError } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { DEFAULT_LIMITS } from '../../integrations/import-files/index.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { fetchImportJob } from './import-query.ts';
import { UploadImportInput, type ImportJobView } from './schema.ts';

/** Chunks of the stored file: small enough for any driver, few enough for a 500 MB file. */
const CHUNK = 1024 * 1024;

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

  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'incasso-upload-'));
  const file = path.join(dir, 'file');
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            const max = Math.round(maxBytes / 1024 / 1024);
            throw new AppError('validation', msg('import.upload.too_large', { max }), [fieldError('file', 'import.upload.max_size', { max })]);
          }
          hash.update(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
    if (bytes === 0) throw invalid([fieldError('file', 'import.file.empty')], msg('import.file.empty'));
    const sha = hash.digest('hex');

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
          file_bytes: bytes,
          created_by: actor.userId,
        })
        .execute();
      const handle = await fs.promises.open(file, 'r');
      try {
        const buffer = Buffer.alloc(CHUNK);
        for (let seq = 0; ; seq++) {
          const { bytesRead } = await handle.read(buffer, 0, CHUNK, seq * CHUNK);
          if (bytesRead === 0) break;
          await trx.insertInto('import_files').values({ job_id: id, seq, data: Buffer.from(buffer.subarray(0, bytesRead)) }).execute();
        }
      } finally {
        await handle.close();
      }
      await recordAudit(trx, actor, {
        action: 'import.uploaded',
        entityType: 'import',
        entityId: id,
        creditorId: creditor.id,
        after: { fileName: data.fileName, fileSha256: sha, fileBytes: bytes },
      });
      return { id, resumed: false };
    });
    return { ...(await fetchImportJob(db, actor, result.id))!, resumed: result.resumed };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
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
