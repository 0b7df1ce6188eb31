import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, fieldError, invalid } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';

/** Chunks of a stored file: small enough for any driver, few enough for a 500 MB file. */
export const STORED_CHUNK_BYTES = 1024 * 1024;

/** An uploaded file on local disk, measured, with its chunks for the database. */
export interface SpooledUpload {
  bytes: number;
  sha256: string;
  /** The file's bytes in `STORED_CHUNK_BYTES` pieces, numbered from 0. */
  chunks(): AsyncGenerator<{ seq: number; data: Buffer }>;
}

/**
 * Receives an upload as a stream (never whole in memory) onto local disk, counting its size and
 * SHA-256, refusing it as soon as it passes `maxBytes` and when it is empty; then hands it to `use`
 * (which stores it in the database in one short transaction) and removes the copy whatever happens.
 * Used by portfolio imports and bank files.
 */
export async function withSpooledUpload<T>(source: Readable | AsyncIterable<Buffer>, maxBytes: number, use: (upload: SpooledUpload) => Promise<T>): Promise<T> {
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
    return await use({
      bytes,
      sha256: hash.digest('hex'),
      async *chunks() {
        const handle = await fs.promises.open(file, 'r');
        try {
          const buffer = Buffer.alloc(STORED_CHUNK_BYTES);
          for (let seq = 0; ; seq++) {
            const { bytesRead } = await handle.read(buffer, 0, STORED_CHUNK_BYTES, seq * STORED_CHUNK_BYTES);
            if (bytesRead === 0) return;
            yield { seq, data: Buffer.from(buffer.subarray(0, bytesRead)) };
          }
        } finally {
          await handle.close();
        }
      },
    });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
