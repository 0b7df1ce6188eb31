import { msg, type Message } from '../../domain/messages/index.ts';
import { TableFileError } from './errors.ts';
import type { TableLimits } from './limits.ts';
import { BeyondHeaderNotes, bodyItems, findHeader } from './table-body.ts';
import { guardedItems, sameFile, type FileIdentity } from './table-guard.ts';
import type { OpenedTable } from './types.ts';
import { parseWorkbook, type SheetInfo } from './xlsx-workbook.ts';
import { worksheetRows } from './xlsx-rows.ts';
import { inspectZip, readZipEntry, type ZipEntry } from './zip-guard.ts';

/** The workbook part and its relationships are small; a bigger one is not a workbook we accept. */
const MAX_WORKBOOK_PART_BYTES = 16 * 1024 * 1024;

const WORKSHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** Refuses archives that are not an .xlsx, naming what they are when we can tell. */
function requireWorkbook(entries: Map<string, ZipEntry>): { workbook: ZipEntry; relationships: ZipEntry } {
  if (!entries.has('xl/workbook.xml')) {
    if (entries.has('xl/workbook.bin')) {
      throw new TableFileError('unsupported', msg('import.file.xlsb'));
    }
    if (entries.has('content.xml') && entries.has('mimetype')) {
      throw new TableFileError('unsupported', msg('import.file.ods'));
    }
    throw new TableFileError('bad_xlsx', msg('import.file.zip_not_xlsx'));
  }
  const relationships = entries.get('xl/_rels/workbook.xml.rels');
  if (!relationships) throw new TableFileError('bad_xlsx', msg('import.file.relationships_missing'));
  return { workbook: entries.get('xl/workbook.xml')!, relationships };
}

/** The sheet asked for by name (exact, then ignoring case and surrounding spaces), else the first visible worksheet. */
function chooseSheet(sheets: SheetInfo[], wanted: string | undefined): SheetInfo {
  const worksheets = sheets.filter((s) => s.isWorksheet);
  const names = worksheets.map((s) => `"${s.name}"`).join(', ');
  if (wanted !== undefined) {
    const key = wanted.trim().toLowerCase();
    const sheet = worksheets.find((s) => s.name === wanted) ?? worksheets.find((s) => s.name.trim().toLowerCase() === key);
    if (!sheet) {
      throw new TableFileError('no_sheet', names ? msg('import.file.sheet_not_found', { sheet: wanted, sheets: names }) : msg('import.file.sheet_not_found_none', { sheet: wanted }));
    }
    return sheet;
  }
  const sheet = worksheets.find((s) => !s.hidden) ?? worksheets[0];
  if (!sheet) throw new TableFileError('no_sheet', msg('import.file.no_worksheet'));
  return sheet;
}

/** exceljs errors (damaged XML, odd parts) while looking for the header, as a clear refusal. */
function asBadXlsx(err: unknown): unknown {
  if (err instanceof TableFileError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new TableFileError('bad_xlsx', msg('import.file.unreadable_xlsx', { reason }));
}

/**
 * Opens an .xlsx: checks the archive (zip-guard.ts), reads the sheet list, chooses the sheet, reads
 * up to its header with exceljs, and returns a table whose `items()` streams the sheet again.
 */
export async function openXlsx(path: string, identity: FileIdentity, limits: TableLimits, wantedSheet?: string): Promise<OpenedTable> {
  const entries = new Map((await inspectZip(path, identity.size, limits)).map((e) => [e.name, e]));
  const parts = requireWorkbook(entries);
  const workbookXml = (await readZipEntry(path, parts.workbook, MAX_WORKBOOK_PART_BYTES)).toString('utf8');
  const relationshipsXml = (await readZipEntry(path, parts.relationships, MAX_WORKBOOK_PART_BYTES)).toString('utf8');
  const workbook = parseWorkbook(workbookXml, relationshipsXml);
  const sheet = chooseSheet(workbook.sheets, wantedSheet);
  const sheetNo = sheet.path === null ? null : WORKSHEET_PATH.exec(sheet.path)?.[1];
  if (!sheetNo) {
    throw new TableFileError('unsupported', msg('import.file.sheet_unsupported', { sheet: sheet.name, part: sheet.path ?? '—' }));
  }
  if (!entries.has(sheet.path!)) throw new TableFileError('bad_xlsx', msg('import.file.sheet_part_missing', { sheet: sheet.name }));
  let header;
  try {
    header = await findHeader(worksheetRows(path, sheetNo, workbook.date1904), limits);
  } catch (err) {
    throw asBadXlsx(err);
  }
  if (!header) throw new TableFileError('empty', msg('import.file.empty_sheet', { sheet: sheet.name }));
  const others = workbook.sheets.filter((s) => s.isWorksheet && s !== sheet).map((s) => `"${s.name}"`);
  const warnings: Message[] = [...header.warnings];
  if (others.length > 0) warnings.push(msg('import.file.other_sheets', { sheet: sheet.name, others: others.join(', ') }));
  const notes = new BeyondHeaderNotes();
  let used = false;
  const found = header;
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: sheet.name,
    headers: found.headers,
    items() {
      if (used) throw new Error('items() is single-use');
      used = true;
      return guardedItems(found.line, async function* () {
        await sameFile(path, identity);
        const rows = worksheetRows(path, sheetNo, workbook.date1904);
        yield* bodyItems(rows, { header: found, limits, padToHeader: true, onCellsBeyondHeader: notes.note });
      });
    },
    warnings() {
      const beyond = notes.warning();
      return beyond ? [...warnings, beyond] : [...warnings];
    },
  };
}
