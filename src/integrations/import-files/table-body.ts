import { encodeMessage, msg, type Message } from '../../domain/messages/index.ts';
import { TableFileError } from './errors.ts';
import type { TableLimits } from './limits.ts';
import type { TableItem } from './types.ts';

/** The header record, as found by `findHeader`. */
export interface Header {
  line: number;
  headers: string[];
  warnings: Message[];
}

/** Whether every cell is empty or blank: such records are neither a header nor a data row. */
export function isBlankRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Header names compare without case and whitespace: "Codice Fiscale" and "codicefiscale" are one column. */
const headerKey = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/**
 * The header: the first record that is not blank. Its cells are trimmed (and a stray BOM removed),
 * trailing empty columns are dropped, and a header that cannot identify columns unambiguously is
 * refused: more columns than the limit, or the same name twice. A problem before any header means
 * the header itself could not be read.
 */
export async function findHeader(items: AsyncIterable<TableItem>, limits: TableLimits): Promise<Header | null> {
  for await (const item of items) {
    if (item.kind === 'problem') {
      throw new TableFileError('no_header', msg('import.file.header_unreadable', { reason: encodeMessage(item.message) }));
    }
    if (isBlankRow(item.cells)) continue;
    return buildHeader(item.cells, item.line, limits);
  }
  return null;
}

function buildHeader(cells: string[], line: number, limits: TableLimits): Header {
  const headers = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const warnings: Message[] = [];
  let dropped = 0;
  while (headers.length > 0 && headers[headers.length - 1] === '') {
    headers.pop();
    dropped++;
  }
  if (dropped > 0) warnings.push(msg('import.file.trailing_columns', { count: dropped }));
  if (headers.length > limits.maxColumns) {
    throw new TableFileError('too_many_columns', msg('import.file.header_too_many_columns', { count: headers.length, max: limits.maxColumns }));
  }
  const duplicates = duplicatedNames(headers);
  if (duplicates.length > 0) {
    throw new TableFileError('duplicate_headers', msg('import.file.duplicate_headers', { headers: duplicates.join('; ') }));
  }
  const unnamed = headers.flatMap((h, i) => (h === '' ? [i + 1] : []));
  if (unnamed.length > 0) warnings.push(msg('import.file.unnamed_columns', { columns: unnamed.join(', ') }));
  return { line, headers, warnings };
}

/** `"Importo" (3, 7)`, the name and its column numbers, for every name used more than once, ignoring empty names. */
function duplicatedNames(headers: string[]): string[] {
  const columns = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const key = headerKey(h);
    columns.set(key, [...(columns.get(key) ?? []), i + 1]);
  });
  const out: string[] = [];
  for (const positions of columns.values()) {
    if (positions.length > 1) out.push(`"${headers[positions[0]! - 1]}" (${positions.join(', ')})`);
  }
  return out;
}

/** How the body is shaped: XLSX rows are padded to the header, CSV rows are kept as written. */
export interface BodyOptions {
  header: Header;
  limits: TableLimits;
  padToHeader: boolean;
  /** Told about each row that has non-empty cells beyond the header (for a warning). */
  onCellsBeyondHeader: (line: number) => void;
}

/**
 * The data rows after the header, in file order, as the caller sees them: blank rows skipped, empty
 * cells beyond the header dropped, rows with too many columns or an over-long cell turned into
 * problems, and reading stopped with a final problem once `maxRows` rows were given.
 */
export async function* bodyItems(records: AsyncIterable<TableItem>, options: BodyOptions): AsyncGenerator<TableItem> {
  const { header, limits } = options;
  const width = header.headers.length;
  let rows = 0;
  for await (const item of records) {
    if (item.line <= header.line) continue;
    if (item.kind === 'problem') {
      yield item;
      continue;
    }
    if (isBlankRow(item.cells)) continue;
    const cells = item.cells;
    while (cells.length > width && cells[cells.length - 1]!.trim() === '') cells.pop();
    if (options.padToHeader) while (cells.length < width) cells.push('');
    const problem = cellsProblem(cells, item.line, limits);
    if (problem) {
      yield { kind: 'problem', line: item.line, message: problem };
      continue;
    }
    if (rows >= limits.maxRows) {
      yield { kind: 'problem', line: item.line, message: msg('import.file.row_limit', { max: limits.maxRows }) };
      return;
    }
    rows++;
    if (cells.length > width) options.onCellsBeyondHeader(item.line);
    yield { kind: 'row', line: item.line, cells };
  }
}

/** Why a row cannot be given as it is: too many columns or a cell over the length limit. */
function cellsProblem(cells: string[], line: number, limits: TableLimits): Message | null {
  if (cells.length > limits.maxColumns) {
    return msg('import.file.row_too_many_columns', { max: limits.maxColumns, line });
  }
  const long = cells.findIndex((c) => c.length > limits.maxFieldChars);
  if (long >= 0) return msg('import.file.cell_too_long', { max: limits.maxFieldChars, line, column: long + 1 });
  return null;
}

/** Collects the lines of rows with cells beyond the header into one warning. */
export class BeyondHeaderNotes {
  private count = 0;
  private readonly sample: number[] = [];

  readonly note = (line: number): void => {
    this.count++;
    if (this.sample.length < 10) this.sample.push(line);
  };

  /** The warning, or null when every row fits the header. */
  warning(): Message | null {
    if (this.count === 0) return null;
    const lines = this.sample.join(', ');
    return this.count > this.sample.length
      ? msg('import.file.cells_beyond_header_more', { lines, total: this.count })
      : msg('import.file.cells_beyond_header', { lines });
  }
}
