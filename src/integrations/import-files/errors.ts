import { translate, type Message } from '../../domain/messages/index.ts';

/** Why a whole file was refused; the message says it in detail (`import.file.*`, `import.zip.*`). */
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
  | 'unsupported'
  | 'changed';

/**
 * A file that cannot be read as a table at all. Thrown only by `openTable` (and, as `changed`, by a
 * second reading that finds another file: `items()` turns it into a final problem). Once rows flow,
 * trouble with a single record becomes a `problem` item instead, so nothing already read is lost.
 * `msg` is the coded message, rendered in the reader's language; `message` its Italian text.
 */
export class TableFileError extends Error {
  readonly msg: Message;
  constructor(
    readonly code: TableErrorCode,
    message: Message,
  ) {
    super(translate(message, 'it'));
    this.name = 'TableFileError';
    this.msg = message;
  }
}
