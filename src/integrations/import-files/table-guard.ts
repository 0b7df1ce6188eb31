import { stat } from 'node:fs/promises';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import { TableFileError } from './errors.ts';
import type { TableItem } from './types.ts';

/** What tells whether the file on disk is still the one that was opened. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
}

/** Size and modification time of the file now. */
export async function identify(path: string): Promise<FileIdentity> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * `items()` reads the file a second time (so `openTable` holds no file open); a file replaced in
 * between would give rows that do not match the header, so reading stops instead.
 */
export async function sameFile(path: string, opened: FileIdentity): Promise<void> {
  const now = await identify(path);
  if (now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) {
    throw new TableFileError('changed', msg('import.file.changed'));
  }
}

/**
 * Once rows flow nothing is thrown: a failure (disk error, damaged archive, changed file) ends the
 * items with a final problem, so the rows already given stay valid and the caller sees why it stopped.
 */
export async function* guardedItems(headerLine: number, items: () => AsyncGenerator<TableItem>): AsyncGenerator<TableItem> {
  let line = headerLine;
  try {
    for await (const item of items()) {
      line = item.line;
      yield item;
    }
  } catch (err) {
    // Our own refusals keep their code; a disk or library error is shown as it says.
    const reason = err instanceof TableFileError ? encodeMessage(err.msg) : err instanceof Error ? err.message : String(err);
    yield { kind: 'problem', line, message: msg('import.file.reading_stopped', { line, reason }) };
  }
}
