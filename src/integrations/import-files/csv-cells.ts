import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { msg, type Message } from '../../domain/messages/index.ts';
import type { TableItem } from './types.ts';

/** A decoded record (one or more physical lines) or a problem found before parsing. */
export type TextEntry = { kind: 'record'; line: number; text: string } | { kind: 'problem'; line: number; message: Message };

/** A record or problem waiting for csv-parse's answer; fed lines locate the answer. */
interface Pending {
  entry: TextEntry;
  firstFedLine: number;
  lastFedLine: number;
  error?: Message;
}

const countNewlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Splits records into cells with csv-parse's streaming parser (quoted fields, doubled quotes,
 * newlines inside quotes). The records arrive already separated, with balanced quotes (see
 * record-scanner.ts), so csv-parse answers each fed record with exactly one record, in order, unless
 * it skips it: `skip_records_with_error` is a safety net, and its `skip` event (fired while parsing,
 * before any later record comes out) marks the record by the line it reports, which then becomes a
 * problem item while reading goes on. Problems found before parsing keep their place in file order.
 * `maxRecordChars` must exceed any record the scanner lets through, because csv-parse handles its own
 * `max_record_size` error by dropping the rest of the chunk it is parsing. (`info: true` would
 * locate each answer too, but costs a fifth of the parsing time.)
 */
export async function* parseCsvRecords(
  batches: AsyncIterable<TextEntry[]>,
  delimiter: string,
  maxRecordChars: number,
): AsyncGenerator<TableItem> {
  const fifo: Pending[] = [];
  let fedLines = 0;
  const parser = parse({
    delimiter,
    bom: true,
    quote: '"',
    escape: '"',
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordChars,
  });
  parser.on('skip', (err: CsvError) => {
    const at = typeof err.lines === 'number' ? err.lines : fedLines;
    const pending = fifo.find((p) => p.entry.kind === 'record' && p.firstFedLine <= at && at <= p.lastFedLine);
    if (pending && pending.entry.kind === 'record') {
      pending.error ??= msg('import.file.record_unreadable_because', { line: pending.entry.line, reason: err.message });
    }
  });
  async function* feed(): AsyncGenerator<string> {
    for await (const batch of batches) {
      let text = '';
      for (const entry of batch) {
        if (entry.kind === 'problem') {
          fifo.push({ entry, firstFedLine: 0, lastFedLine: 0 });
          continue;
        }
        const firstFedLine = fedLines + 1;
        fedLines += countNewlines(entry.text) + 1;
        fifo.push({ entry, firstFedLine, lastFedLine: fedLines });
        text += entry.text + '\n';
      }
      if (text !== '') yield text;
    }
  }
  const source = Readable.from(feed());
  pipeline(source, parser, () => {
    // Errors reach the loop below through the parser's iterator.
  });
  const unanswered = (p: Pending): TableItem =>
    p.entry.kind === 'problem'
      ? p.entry
      : { kind: 'problem', line: p.entry.line, message: p.error ?? msg('import.file.record_unreadable', { line: p.entry.line }) };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      for (let p = fifo.shift(); ; p = fifo.shift()) {
        if (p === undefined) throw new Error('internal: CSV parser out of step');
        if (p.entry.kind === 'record' && p.error === undefined) {
          yield { kind: 'row', line: p.entry.line, cells: record };
          break;
        }
        yield unanswered(p);
      }
    }
    for (let p = fifo.shift(); p !== undefined; p = fifo.shift()) yield unanswered(p);
  } finally {
    source.destroy();
    parser.destroy();
  }
}
