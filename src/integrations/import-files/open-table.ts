import { open } from 'node:fs/promises';
import { msg } from '../../domain/messages/index.ts';
import { openCsv } from './csv-table.ts';
import { TableFileError } from './errors.ts';
import { resolveLimits, type TableLimits } from './limits.ts';
import { HEAD_BYTES, isBlank, isZipSignature, refuseKnownBinary } from './sniff.ts';
import { identify } from './table-guard.ts';
import type { OpenedTable } from './types.ts';
import { openXlsx } from './xlsx-table.ts';

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** The first bytes of the file (fewer if the file is shorter). */
async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A UTF-8 BOM followed by nothing but whitespace, or nothing at all. */
function isEmptyText(head: Buffer): boolean {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return isBlank(head.subarray(bom));
}

/**
 * Opens a portfolio file (a company's overdue invoices, a municipality's unpaid taxes) as a table of
 * text cells. The format comes from `opts.format` or from the content (ZIP signature → xlsx, else
 * CSV); whole-file problems throw a `TableFileError` here, before any row is given. No file stays
 * open when this returns: `items()` streams the file again, once. A missing or unreadable path
 * rejects with the file system's own error.
 */
export async function openTable(
  path: string,
  opts: { format?: 'csv' | 'xlsx'; sheet?: string; limits?: Partial<TableLimits> } = {},
): Promise<OpenedTable> {
  const limits = resolveLimits(opts.limits);
  const identity = await identify(path);
  if (identity.size > limits.maxFileBytes) {
    throw new TableFileError('too_large', msg('import.file.too_large', { size: MiB(identity.size), max: MiB(limits.maxFileBytes) }));
  }
  if (identity.size === 0) throw new TableFileError('empty', msg('import.file.empty'));
  const head = await readHead(path);
  if (head.length >= identity.size && isEmptyText(head)) throw new TableFileError('empty', msg('import.file.empty'));
  const zip = isZipSignature(head);
  const format = opts.format ?? (zip ? 'xlsx' : 'csv');
  refuseKnownBinary(head);
  if (format === 'xlsx') {
    if (!zip) throw new TableFileError('bad_xlsx', msg('import.file.not_xlsx'));
    return openXlsx(path, identity, limits, opts.sheet);
  }
  if (zip) throw new TableFileError('binary', msg('import.file.zip_not_csv'));
  return openCsv(path, head, identity, limits);
}
