/**
 * Rows of one worksheet through exceljs 4.4's streaming reader, with two repairs that reach into its
 * internals (hence exceljs is pinned to exactly 4.4.0, and `patchReader` fails loudly if they move):
 *
 * 1. exceljs decodes each inflated chunk of XML on its own, so a UTF-8 character split across two
 *    chunks becomes two U+FFFD (exceljs issues #2084, #2316; e.g. "Società" → "Societ��"). Every part
 *    is decoded here with a streaming decoder before exceljs sees it.
 * 2. When a worksheet comes before sharedStrings.xml in the archive (as Excel writes them), exceljs
 *    copies it to a temporary file and deletes that file only if its iteration runs to the end. We
 *    therefore always drive the iteration to its end, skipping the other sheets without parsing them.
 * Streams exceljs creates or pipes without an 'error' listener are also guarded, so that no failure
 * can surface as an uncaught exception.
 */
import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { msg } from '../../domain/messages/index.ts';
import { cellText } from './cell-text.ts';
import { TableFileError } from './errors.ts';
import type { TableItem } from './types.ts';

/** The options of the brief; sheets are emitted, shared strings and styles cached (styles tell dates). */
const READER_OPTIONS = { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' } as const;

/** The private methods of exceljs's WorkbookReader that the repairs wrap. */
interface ReaderInternals {
  _parseWorksheet: (iterator: AsyncIterable<unknown>, sheetNo: string) => unknown;
  _parseSharedStrings: (entry: Readable) => unknown;
  _parseStyles: (entry: Readable) => unknown;
  _parseWorkbook: (entry: Readable) => unknown;
  _parseRels: (entry: Readable) => unknown;
}

/** What the patched reader tells us about the worksheet it is about to hand over. */
interface CurrentSheet {
  sheetNo: string | null;
  /** The sheet's source: an fs stream when exceljs parked it in a temporary file. */
  source: unknown;
}

/** Re-decodes a stream of byte chunks as UTF-8 text without splitting characters. */
async function* utf8Text(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text !== '') yield text;
  }
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/** Applies both repairs to one reader; returns what it learns about each worksheet. */
function patchReader(reader: object): CurrentSheet {
  const internals = reader as ReaderInternals;
  const current: CurrentSheet = { sheetNo: null, source: null };
  for (const method of ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseRels'] as const) {
    const original = internals[method];
    if (typeof original !== 'function') throw new Error(`exceljs internals changed: ${method} not found`);
    internals[method] = (entry: Readable) => {
      entry.setEncoding('utf8');
      return original.call(reader, entry);
    };
  }
  const parseWorksheet = internals._parseWorksheet;
  if (typeof parseWorksheet !== 'function') throw new Error('exceljs internals changed: _parseWorksheet not found');
  internals._parseWorksheet = (iterator, sheetNo) => {
    // exceljs reads `this.model.sheets` for the sheet's name, and its model is set only once
    // workbook.xml has been parsed — which, on a loaded machine, may not have finished yet (a
    // TypeError "reading 'sheets'"). We pick the sheet by its number from our own parse of the
    // workbook, so an empty model is enough; exceljs replaces it when workbook.xml is done.
    const r = reader as { model?: { sheets?: unknown[] } };
    r.model ??= { sheets: [] };
    current.sheetNo = String(sheetNo);
    current.source = iterator;
    return parseWorksheet.call(reader, utf8Text(iterator), sheetNo);
  };
  return current;
}

/**
 * Closes the temporary-file stream of a sheet we skip (exceljs opened it for us). exceljs deletes the
 * file right after, possibly before the stream's own open ran: that ENOENT must not become an
 * uncaught 'error' event, which would bring the whole process down.
 */
function discardSource(source: unknown): void {
  if (source instanceof fs.ReadStream) {
    source.on('error', () => {});
    source.destroy();
  }
}

/**
 * The file as exceljs's input. exceljs pipes it into its unzipper without error handling, so a read
 * error would be uncaught, or leave the unzipper waiting forever; instead the input just ends (the
 * archive then looks truncated) and `failure()` gives the real cause.
 */
function inputStream(path: string): { input: PassThrough; failure: () => Error | null; close: () => void } {
  const file = fs.createReadStream(path);
  const input = new PassThrough();
  let failure: Error | null = null;
  file.on('error', (err) => {
    failure = err;
    input.end();
  });
  file.pipe(input);
  return {
    input,
    failure: () => failure,
    close: () => {
      file.destroy();
      input.destroy();
    },
  };
}

/** A worksheet row to text cells (gaps filled with ''), numbered as in the sheet. */
function rowItem(row: ExcelJS.Row, date1904: boolean): TableItem {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    const text = cellText(cell.value, cell.numFmt, date1904);
    if (text === '') return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
  });
  return { kind: 'row', line: row.number, cells };
}

/**
 * The rows of worksheet `sheetNo` (the N of xl/worksheets/sheetN.xml), in sheet order. Stopping
 * early (return) still lets exceljs finish, so its temporary files are deleted.
 */
export async function* worksheetRows(path: string, sheetNo: string, date1904: boolean): AsyncGenerator<TableItem> {
  const source = inputStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.input, READER_OPTIONS);
  const current = patchReader(reader);
  const sheets = reader[Symbol.asyncIterator]();
  let found = false;
  let finished = false;
  try {
    try {
      for (let next = await sheets.next(); next.done !== true; next = await sheets.next()) {
        if (found || current.sheetNo !== sheetNo) {
          discardSource(current.source);
          continue;
        }
        found = true;
        for await (const row of next.value) yield rowItem(row, date1904);
      }
    } catch (err) {
      throw source.failure() ?? err;
    }
    finished = true;
    const failure = source.failure();
    if (failure) throw failure;
    if (!found) throw new TableFileError('bad_xlsx', msg('import.file.sheet_part_not_read', { sheet: sheetNo }));
  } finally {
    if (!finished) await drain(sheets, current);
    source.close();
  }
}

/** Runs exceljs's iteration to its end without parsing sheets, so it cleans up after itself. */
async function drain(sheets: AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader>, current: CurrentSheet): Promise<void> {
  discardSource(current.source);
  try {
    for (let next = await sheets.next(); next.done !== true; next = await sheets.next()) discardSource(current.source);
  } catch {
    // The reading already stopped; a failure while tidying up changes nothing for the caller.
  }
}
