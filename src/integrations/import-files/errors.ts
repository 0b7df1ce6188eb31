/** Why a whole file was refused; each code has its own Italian (English) message. */
export type TableErrorCode =
  | 'empty'
  | 'no_header'
  | 'binary'
  | 'too_large'
  | 'too_many_columns'
  | 'duplicate_headers'
  | 'zip_bomb'
  | 'bad_xlsx'
  | 'no_sheet'
  | 'too_many_rows'
  | 'unsupported';

/**
 * A file that cannot be read as a table at all. Thrown only by `openTable`: once rows flow, trouble
 * with a single record becomes a `problem` item instead, so nothing already read is lost.
 */
export class TableFileError extends Error {
  constructor(
    readonly code: TableErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TableFileError';
  }
}
