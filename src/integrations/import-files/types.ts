import type { Message } from '../../domain/messages/index.ts';

/**
 * One item of a table's body: a data row, or a record that could not be read (reading goes on),
 * with why as a coded message.
 */
export type TableItem =
  | { kind: 'row'; line: number; cells: string[] }
  | { kind: 'problem'; line: number; message: Message };

/** An opened portfolio file: what was detected, the header, and the rows to stream once. */
export interface OpenedTable {
  format: 'csv' | 'xlsx';
  /**
   * CSV: 'utf-8', 'utf-16le', 'windows-1252' (every non-ASCII line was cp1252) or 'mixed'. Judged on
   * the first 64 KiB when `openTable` returns and refined while `items()` reads; final once it ends.
   */
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252' | 'mixed' | null;
  delimiter: ';' | ',' | '\t' | null;
  sheet: string | null;
  headers: string[];
  items(): AsyncIterable<TableItem>;
  /** Notes about the file as a whole (other sheets not read, lines read as Windows-1252, …). */
  warnings(): Message[];
}
