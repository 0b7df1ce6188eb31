/**
 * Splits a CSV byte stream into records before any parsing, so that one broken record cannot take
 * the rest of the file with it. csv-parse alone cannot do this: after an unclosed quote it reads the
 * whole remainder as one field and reports a single error at the end, and after `max_record_size`
 * it drops the rest of the chunk it was parsing. Here quotes are tracked on the raw bytes (`"`, the
 * delimiter, CR and LF are ASCII, never part of a UTF-8 or Windows-1252 character), memory is
 * bounded by `maxRecordBytes`, and a quote that is never closed properly is reported and reading
 * resumes on the line after the one where it opened.
 */
import { msg, type Message } from '../../domain/messages/index.ts';

const QUOTE = 0x22;
const CR = 0x0d;

/** A record's bytes (its final CR removed) and the physical line where it starts. */
export type ScanEvent = { kind: 'record'; line: number; bytes: Buffer } | { kind: 'problem'; line: number; message: Message };

export interface ScannerOptions {
  delimiter: number;
  eol: number;
  /** Bytes one record may take; larger records become a problem and are skipped. */
  maxRecordBytes: number;
  /** Only for the message about an over-long record. */
  maxFieldChars: number;
}

/** normal: storing the record; oversize: too long, skipping it while following quotes; skip_line: skipping to the end of the line. */
type Mode = 'normal' | 'oversize' | 'skip_line';

/** An incremental record splitter: `push` each chunk, then `end`; events come in file order. */
export class RecordScanner {
  private readonly options: ScannerOptions;
  private mode: Mode = 'normal';
  /** Physical line of the byte being scanned (1-based). */
  private line = 1;
  /** Line where the current record starts. */
  private recordLine = 1;
  private parts: Buffer[] = [];
  private partsLength = 0;
  private inQuotes = false;
  /** A quote seen inside a quoted field; the next byte tells whether it closes, escapes or is misplaced. */
  private pendingQuote = false;
  private atFieldStart = true;
  /** Line where the open quote started. */
  private quoteLine = 0;
  /** Offset, in the record's bytes, of the line after `quoteLine` (-1 until reached). */
  private resumeOffset = -1;
  /** Too long while inside a quote opened on an earlier line: the field is followed to its closing quote, unstored. */
  private spanning = false;
  private readonly queue: Buffer[] = [];

  constructor(options: ScannerOptions) {
    this.options = options;
  }

  /** Scans one chunk; the chunk is kept by reference, so callers must not reuse its memory. */
  push(chunk: Buffer, out: ScanEvent[]): void {
    this.queue.push(chunk);
    this.drain(out);
  }

  /** Ends the input: the last record without a final newline, or the problem of an open quote. */
  end(out: ScanEvent[]): void {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    if (this.mode === 'oversize') {
      out.push(this.inQuotes ? this.unclosed() : this.tooLong());
    } else if (this.mode === 'normal' && this.inQuotes) {
      out.push(this.unclosed());
      if (this.resumeOffset >= 0) {
        const replay = Buffer.concat(this.parts).subarray(this.resumeOffset);
        this.restartAt(this.quoteLine + 1);
        this.push(replay, out);
        this.end(out);
        return;
      }
    } else if (this.mode === 'normal') {
      this.emitRecord(out, Buffer.concat(this.parts));
    }
    this.restartAt(this.line);
  }

  private drain(out: ScanEvent[]): void {
    for (let chunk = this.queue.shift(); chunk !== undefined; chunk = this.queue.shift()) this.scan(chunk, out);
  }

  /** The byte loop: a small state machine per byte, storing record bytes as slices of the chunk. */
  private scan(chunk: Buffer, out: ScanEvent[]): void {
    const { delimiter, eol } = this.options;
    let segmentStart = 0;
    for (let pos = 0; pos < chunk.length; pos++) {
      const b = chunk[pos]!;
      if (this.mode === 'skip_line') {
        if (b === eol) {
          this.line++;
          this.restartAt(this.line);
          segmentStart = pos + 1;
        }
        continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (b === QUOTE) continue;
        if (b === delimiter || b === eol || b === CR) {
          this.inQuotes = false;
        } else {
          const replay = this.misplacedQuote(out, chunk, segmentStart);
          if (replay) {
            this.queue.unshift(replay);
            return;
          }
          continue;
        }
      }
      if (this.inQuotes) {
        if (b === QUOTE) {
          this.pendingQuote = true;
        } else if (b === eol) {
          if (this.mode === 'oversize' && !this.spanning) {
            // Too long already and still quoted at the end of the line: cut here, go on with the next line.
            out.push(this.unclosed());
            this.restartAt(this.line + 1);
            segmentStart = pos + 1;
            continue;
          }
          this.line++;
          if (this.resumeOffset < 0) this.resumeOffset = this.partsLength + pos + 1 - segmentStart;
        }
        continue;
      }
      if (b === eol) {
        this.endOfRecord(out, chunk.subarray(segmentStart, pos));
        this.line++;
        this.restartAt(this.line);
        segmentStart = pos + 1;
        continue;
      }
      if (b === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.quoteLine = this.line;
        this.resumeOffset = -1;
        this.atFieldStart = false;
        continue;
      }
      this.atFieldStart = b === delimiter;
    }
    if (this.mode === 'normal' && segmentStart < chunk.length) {
      this.parts.push(chunk.subarray(segmentStart));
      this.partsLength += chunk.length - segmentStart;
      if (this.partsLength > this.options.maxRecordBytes) this.overflow(out);
    }
  }

  /**
   * The record grew past the limit. Inside a quote opened on an earlier line it is either a quote
   * left open, swallowing the rows after it (their lines carry delimiters): reading resumes after the
   * quote's line; or one long multi-line text (its lines mostly carry none): the field is followed,
   * unstored, to its closing quote and reported once as too long, not once per line. Otherwise the
   * record is skipped to its end.
   */
  private overflow(out: ScanEvent[]): void {
    if (this.inQuotes && this.resumeOffset >= 0) {
      const after = Buffer.concat(this.parts).subarray(this.resumeOffset);
      if (this.looksLikeRows(after)) {
        out.push(this.unclosed());
        this.restartAt(this.quoteLine + 1);
        this.queue.unshift(after);
        return;
      }
      this.spanning = true;
    }
    this.mode = 'oversize';
    this.parts = [];
    this.partsLength = 0;
  }

  /** Whether at least half of the lines carry the delimiter, as records do and running text rarely. */
  private looksLikeRows(bytes: Buffer): boolean {
    const { delimiter, eol } = this.options;
    let lines = 0;
    let withDelimiter = 0;
    let seen = false;
    for (let i = 0; i <= bytes.length; i++) {
      const b = i < bytes.length ? bytes[i] : eol;
      if (b === eol) {
        if (i < bytes.length || i > 0) {
          lines++;
          if (seen) withDelimiter++;
        }
        seen = false;
      } else if (b === delimiter) seen = true;
    }
    return lines > 0 && withDelimiter * 2 >= lines;
  }

  /**
   * A quote inside a quoted field followed by something other than a delimiter, a newline or another
   * quote. On the quote's own line the record is dropped up to the end of that line; when the quote
   * opened on an earlier line it was never closed, and reading resumes on the line after it.
   */
  private misplacedQuote(out: ScanEvent[], chunk: Buffer, segmentStart: number): Buffer | null {
    if (this.mode === 'oversize') {
      this.inQuotes = false;
      return null;
    }
    if (this.quoteLine === this.line || this.resumeOffset < 0) {
      out.push({ kind: 'problem', line: this.recordLine, message: msg('import.file.misplaced_quote', { line: this.line }) });
      this.mode = 'skip_line';
      this.parts = [];
      this.partsLength = 0;
      return null;
    }
    out.push(this.unclosed());
    const replay = Buffer.concat([...this.parts, chunk.subarray(segmentStart)]).subarray(this.resumeOffset);
    this.restartAt(this.quoteLine + 1);
    return replay;
  }

  /** A newline outside quotes: emit the record (or the problem of an over-long one). */
  private endOfRecord(out: ScanEvent[], tail: Buffer): void {
    if (this.mode === 'oversize') {
      out.push(this.tooLong());
      return;
    }
    const bytes = this.parts.length === 0 ? tail : Buffer.concat([...this.parts, tail]);
    this.emitRecord(out, bytes);
  }

  /** A complete record: its final CR dropped, empty lines skipped, the size limit applied exactly. */
  private emitRecord(out: ScanEvent[], bytes: Buffer): void {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR && this.options.eol !== CR ? bytes.length - 1 : bytes.length;
    if (end > this.options.maxRecordBytes) out.push(this.tooLong());
    else if (end > 0) out.push({ kind: 'record', line: this.recordLine, bytes: bytes.subarray(0, end) });
  }

  private unclosed(): ScanEvent {
    return { kind: 'problem', line: this.recordLine, message: msg('import.file.unclosed_quote', { line: this.quoteLine }) };
  }

  private tooLong(): ScanEvent {
    return {
      kind: 'problem',
      line: this.recordLine,
      message: msg('import.file.field_too_long', { max: this.options.maxFieldChars, line: this.recordLine }),
    };
  }

  /** A fresh record starting at `line`. */
  private restartAt(line: number): void {
    this.mode = 'normal';
    this.line = line;
    this.recordLine = line;
    this.parts = [];
    this.partsLength = 0;
    this.inQuotes = false;
    this.pendingQuote = false;
    this.atFieldStart = true;
    this.quoteLine = 0;
    this.resumeOffset = -1;
    this.spanning = false;
  }
}
