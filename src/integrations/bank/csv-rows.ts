import { once } from 'node:events';
import { parse, CsvError } from 'csv-parse';
import { msg, type Message } from '../../domain/messages/index.ts';

/**
 * The rows of a CSV file read as a stream (pagoPA receipts, a bank's CSV export): UTF-8, the
 * delimiter (`;`, `,` or tab) chosen from the header line, quoted fields as RFC 4180 writes them.
 * A row is at most {@link MAX_ROW} characters and {@link MAX_CELLS} cells; cells are trimmed.
 */
export const MAX_ROW = 64 * 1024;
export const MAX_CELLS = 100;

export interface CsvRow {
  /** The physical line the row starts on, from 1 (the header is line 1). */
  line: number;
  cells: string[];
}

/** The file as a whole cannot be read as CSV (what came before is kept). */
export class CsvFileError extends Error {
  constructor(readonly problem: Message) {
    super(problem.code);
  }
}

/** The delimiter a header line uses: the most frequent of `;`, tab and `,` (`;` on a tie: Italian exports). */
export function delimiterOf(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  const candidates: [string, number][] = [
    [';', count(';')],
    ['\t', count('\t')],
    [',', count(',')],
  ];
  return candidates.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Yields the header row first, then every other row. Throws {@link CsvFileError}. */
export async function* readCsvRows(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<CsvRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const iterator = (async function* () {
    for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    yield decoder.decode();
  })();
  // The header line decides the delimiter.
  let head = '';
  let rest: AsyncGenerator<string> | null = iterator;
  try {
    while (!head.includes('\n')) {
      const next = await iterator.next();
      if (next.done) {
        rest = null;
        break;
      }
      head += next.value;
      if (head.length > MAX_ROW) throw new CsvFileError(msg('bank.csv_broken', { detail: `header > ${MAX_ROW}` }));
    }
  } catch (e) {
    if (e instanceof TypeError) throw new CsvFileError(msg('bank.not_utf8'));
    throw e;
  }
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const parser = parse({ delimiter: delimiterOf(firstLine), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: MAX_ROW, info: true });
  const feeding = (async () => {
    try {
      parser.write(head);
      if (rest) for await (const text of rest) if (text && !parser.write(text)) await once(parser, 'drain');
      parser.end();
    } catch (e) {
      parser.destroy(e instanceof TypeError ? new CsvFileError(msg('bank.not_utf8')) : (e as Error));
    }
  })();
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (rec.record.length > MAX_CELLS) throw new CsvFileError(msg('bank.csv_broken', { detail: `> ${MAX_CELLS} columns` }));
      yield { line: rec.info.lines, cells: rec.record };
    }
  } catch (e) {
    if (e instanceof CsvError) throw new CsvFileError(msg('bank.csv_broken', { detail: e.message.slice(0, 200) }));
    throw e;
  } finally {
    parser.destroy();
    await feeding;
  }
}

/** A header cell compared by name: lower case, accents and punctuation dropped ("Data Esito" → "data esito"). */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * An amount as bank and pagoPA exports write it, as an exact string with two decimals at most:
 * "1234.56", "1.234,56", "1,234.56", "1234,56", "€ 12,00", "-50,00". Null when it is none of these
 * or could be read two ways ("12.345").
 */
export function csvAmount(raw: string): { amount: string; negative: boolean } | null {
  let s = raw.replace(/[€\s\u00a0']/g, '').replace(/^EUR|EUR$/i, '');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = true;
    s = s.slice(0, -1);
  }
  // Grouped thousands only with decimals after them: "12.345" alone could be either reading, so it is refused.
  if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(s) || /^\d+,\d{1,2}$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s)) s = s.replace(/,/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) return null;
  return { amount: s, negative };
}

/** A date as exports write it: ISO (with or without a time), dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy. Null otherwise. */
export function csvDate(raw: string): string | null {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return null;
}
