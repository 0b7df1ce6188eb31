/**
 * Reading portfolio files (CSV or XLSX) as streamed tables of text cells, robust to bad input, and
 * writing safe CSV cells for exports. See README.md in this folder.
 */
export { DEFAULT_LIMITS, type TableLimits } from './limits.ts';
export { TableFileError, type TableErrorCode } from './errors.ts';
export type { OpenedTable, TableItem } from './types.ts';
export { openTable } from './open-table.ts';
export { csvCell, csvLine } from './csv-write.ts';
