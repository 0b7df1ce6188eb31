import { open } from 'node:fs/promises';
import { msg, type Message } from '../../domain/messages/index.ts';
import { parseCsvRecords, type TextEntry } from './csv-cells.ts';
import { TableFileError } from './errors.ts';
import type { TableLimits } from './limits.ts';
import { cp1252Warning, decodeRecord, emptyStats, reportedEncoding, type DecodeStats } from './line-decoder.ts';
import { RecordScanner, type ScanEvent } from './record-scanner.ts';
import {
  detectDelimiter,
  detectEol,
  detectTextEncoding,
  isBlank,
  refuseBinaryText,
  type Delimiter,
  type TextEncodingPlan,
} from './sniff.ts';
import { BeyondHeaderNotes, bodyItems, findHeader } from './table-body.ts';
import { guardedItems, sameFile, type FileIdentity } from './table-guard.ts';
import type { OpenedTable } from './types.ts';

const CHUNK_BYTES = 64 * 1024;

/** Everything decided about a CSV file from its first 64 KiB. */
interface CsvPlan {
  path: string;
  encoding: TextEncodingPlan;
  eol: number;
  delimiter: Delimiter;
  /** The file starts with Excel's `sep=;` hint line, which is not data. */
  sepLine: boolean;
  /** Decoding statistics of the sample's complete lines (the encoding reported at open). */
  sample: DecodeStats;
  warnings: Message[];
}

/**
 * Encoding (BOM, UTF-16LE), binary junk, emptiness, line separator and delimiter (Excel's `sep=`
 * first line wins over detection), from the file's head. UTF-16 is judged on its decoded text and
 * scanned as UTF-8.
 */
function planCsv(path: string, head: Buffer, fileSize: number): CsvPlan {
  const encoding = detectTextEncoding(head);
  const body = head.subarray(encoding.bomLength);
  let bytes: Buffer;
  if (encoding.encoding === 'utf-16le') {
    const text = new TextDecoder('utf-16le').decode(body.subarray(0, body.length - (body.length % 2)));
    refuseBinaryText(text);
    bytes = Buffer.from(text, 'utf8');
  } else {
    refuseBinaryText(body);
    bytes = body;
  }
  const complete = head.length >= fileSize;
  if (complete && isBlank(bytes)) throw new TableFileError('empty', msg('import.file.empty'));
  const eol = detectEol(bytes);
  const warnings: Message[] = [];
  if (encoding.utf16WithoutBom) warnings.push(msg('import.file.utf16_without_bom'));
  const hint = /^sep=([;,\t])\r?[\r\n]/i.exec(bytes.subarray(0, 8).toString('latin1'));
  return {
    path,
    encoding,
    eol,
    delimiter: hint ? (hint[1] as Delimiter) : detectDelimiter(bytes, eol, complete),
    sepLine: hint !== null,
    sample: sampleStats(bytes, eol, complete),
    warnings,
  };
}

/** Decoding statistics of the sample's complete physical lines. */
function sampleStats(bytes: Buffer, eol: number, complete: boolean): DecodeStats {
  const stats = emptyStats();
  const end = complete ? bytes.length : bytes.lastIndexOf(eol) + 1;
  decodeRecord(bytes.subarray(0, end), 1, eol, stats);
  return stats;
}

/** Bytes one record may take: every column at the cell limit, 3 bytes per character, quoted. */
const maxRecordBytes = (limits: TableLimits) => limits.maxColumns * (3 * limits.maxFieldChars + 3);

/**
 * The file as decoded records and problems, in batches of one read each (64 KiB), never the whole
 * file in memory. The file is opened here and closed when the generator ends or is returned.
 */
async function* textBatches(plan: CsvPlan, limits: TableLimits, stats: DecodeStats, seen: { content: boolean }): AsyncGenerator<TextEntry[]> {
  const handle = await open(plan.path, 'r');
  try {
    const scanner = new RecordScanner({
      delimiter: plan.delimiter.charCodeAt(0),
      eol: plan.eol,
      maxRecordBytes: maxRecordBytes(limits),
      maxFieldChars: limits.maxFieldChars,
    });
    const utf16 = plan.encoding.encoding === 'utf-16le' ? new TextDecoder('utf-16le') : null;
    const events: ScanEvent[] = [];
    const decoded = (): TextEntry[] =>
      events.splice(0).flatMap((e): TextEntry[] => {
        if (e.kind === 'problem') return [e];
        if (plan.sepLine && e.line === 1) return [];
        const text = decodeRecord(e.bytes, e.line, plan.eol, stats);
        if (!seen.content && /\S/.test(text)) seen.content = true;
        // A NUL (often a damaged export) rejects its own row only; a file full of them is refused as binary.
        if (text.includes('\u0000')) return [{ kind: 'problem', line: e.line, message: msg('import.file.nul_in_row', { line: e.line }) }];
        return [{ kind: 'record', line: e.line, text }];
      });
    for (let position = plan.encoding.bomLength; ; ) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const bytes = chunk.subarray(0, bytesRead);
      scanner.push(utf16 ? Buffer.from(utf16.decode(bytes, { stream: true }), 'utf8') : bytes, events);
      if (events.length > 0) yield decoded();
    }
    if (utf16) scanner.push(Buffer.from(utf16.decode(), 'utf8'), events);
    scanner.end(events);
    if (events.length > 0) yield decoded();
  } finally {
    await handle.close();
  }
}

/**
 * Opens a CSV: plans it from its head, reads up to the header (then closes the file), and returns a
 * table whose `items()` reads the file again from the start, streaming.
 */
export async function openCsv(path: string, head: Buffer, identity: FileIdentity, limits: TableLimits): Promise<OpenedTable> {
  const plan = planCsv(path, head, identity.size);
  const parserLimit = 3 * maxRecordBytes(limits) + 3;
  const records = (stats: DecodeStats, seen: { content: boolean }) =>
    parseCsvRecords(textBatches(plan, limits, stats, seen), plan.delimiter, parserLimit);
  const openStats = emptyStats();
  const seen = { content: false };
  const header = await findHeader(records(openStats, seen), limits);
  if (!header) {
    throw seen.content
      ? new TableFileError('no_header', msg('import.file.no_header'))
      : new TableFileError('empty', msg('import.file.empty'));
  }
  const notes = new BeyondHeaderNotes();
  let passStats: DecodeStats | null = null;
  let used = false;
  const utf16 = plan.encoding.encoding === 'utf-16le';
  return {
    format: 'csv',
    get encoding() {
      if (utf16) return 'utf-16le';
      const all = [plan.sample, openStats, passStats ?? openStats];
      return reportedEncoding(
        all.some((s) => s.utf8Lines > 0),
        all.some((s) => s.cp1252Lines > 0),
      );
    },
    delimiter: plan.delimiter,
    sheet: null,
    headers: header.headers,
    items() {
      if (used) throw new Error('items() is single-use');
      used = true;
      passStats = emptyStats();
      const stats = passStats;
      return guardedItems(header.line, async function* () {
        await sameFile(path, identity);
        yield* bodyItems(records(stats, { content: true }), { header, limits, padToHeader: false, onCellsBeyondHeader: notes.note });
      });
    },
    warnings() {
      const cp1252 = cp1252Warning(passStats ?? (plan.sample.cp1252Lines > 0 ? plan.sample : openStats));
      return [...plan.warnings, ...header.warnings, cp1252, notes.warning()].filter((w): w is Message => w !== null);
    },
  };
}
