import { msg } from '../../domain/messages/index.ts';
import { TableFileError } from './errors.ts';

/** How much of the file's start is looked at to tell its format, encoding and delimiter. */
export const HEAD_BYTES = 64 * 1024;

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Whether the file starts like a ZIP archive (an .xlsx is one); an empty archive counts too. */
export function isZipSignature(head: Buffer): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
}

/** Signatures of files people upload by mistake, so the message can say what the file really is. */
const KNOWN_BINARIES: { name: string; magic: number[] }[] = [
  { name: 'PDF', magic: [0x25, 0x50, 0x44, 0x46] },
  { name: 'gzip', magic: [0x1f, 0x8b] },
  { name: '7-Zip', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', magic: [0xff, 0xd8, 0xff] },
  { name: 'GIF', magic: [0x47, 0x49, 0x46, 0x38] },
];

/**
 * Refuses, with a message naming the real format, files that are certainly not a table we read:
 * legacy .xls (and password-protected workbooks, which are stored the same way), PDFs, archives,
 * images. The check is done before anything else so the operator learns what to do.
 */
export function refuseKnownBinary(head: Buffer): void {
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new TableFileError('unsupported', msg('import.file.legacy_xls'));
  }
  for (const { name, magic } of KNOWN_BINARIES) {
    if (startsWith(head, magic)) {
      throw new TableFileError('binary', msg('import.file.known_binary', { kind: name }));
    }
  }
}

/** The byte-level shape of a text file: its encoding and how long its byte-order mark is. */
export interface TextEncodingPlan {
  /** '8bit' = UTF-8 or Windows-1252, decided line by line. */
  encoding: '8bit' | 'utf-16le';
  bomLength: number;
  /** UTF-8 BOM seen: the file declares itself UTF-8. */
  utf8Bom: boolean;
  /** UTF-16LE recognised from its zero bytes, without a BOM. */
  utf16WithoutBom: boolean;
}

/**
 * Recognises the byte-order marks (UTF-8, UTF-16LE; UTF-16BE and UTF-32 are refused as unsupported)
 * and UTF-16LE without a BOM (every other byte zero), which some Windows tools write.
 */
export function detectTextEncoding(head: Buffer): TextEncodingPlan {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: '8bit', bomLength: 3, utf8Bom: true, utf16WithoutBom: false };
  if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff])) {
    throw new TableFileError('unsupported', msg('import.file.utf32'));
  }
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2, utf8Bom: false, utf16WithoutBom: false };
  if (startsWith(head, [0xfe, 0xff])) {
    throw new TableFileError('unsupported', msg('import.file.utf16be'));
  }
  const { evenZeros, oddZeros, pairs } = zeroBytesByParity(head);
  if (pairs >= 2 && oddZeros / pairs > 0.3 && evenZeros / pairs < 0.01) {
    return { encoding: 'utf-16le', bomLength: 0, utf8Bom: false, utf16WithoutBom: true };
  }
  if (pairs >= 2 && evenZeros / pairs > 0.3 && oddZeros / pairs < 0.01) {
    throw new TableFileError('unsupported', msg('import.file.utf16be'));
  }
  return { encoding: '8bit', bomLength: 0, utf8Bom: false, utf16WithoutBom: false };
}

/** Zero bytes at even and at odd offsets: ASCII text in UTF-16LE has a zero in every odd byte. */
function zeroBytesByParity(head: Buffer): { evenZeros: number; oddZeros: number; pairs: number } {
  let evenZeros = 0;
  let oddZeros = 0;
  const pairs = Math.floor(head.length / 2);
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  return { evenZeros, oddZeros, pairs };
}

/** Control characters that never occur in a text table (tab, LF, VT, FF and CR do). */
function isJunkControl(code: number): boolean {
  return (code >= 0x01 && code <= 0x08) || (code >= 0x0e && code <= 0x1f) || code === 0x7f;
}

/** NUL characters a text file may carry in a few damaged cells (each rejects its row); more is binary. */
const MAX_NULS = 8;

/**
 * Refuses binary junk before it reaches the CSV parser: more than a few NUL characters, or more than
 * 5% of control characters, in the first 64 KiB (already decoded when the file is UTF-16).
 */
export function refuseBinaryText(sample: Buffer | string): void {
  const length = sample.length;
  let junk = 0;
  let nuls = 0;
  for (let i = 0; i < length; i++) {
    const code = typeof sample === 'string' ? sample.charCodeAt(i) : sample[i]!;
    if (code === 0 && ++nuls > MAX_NULS) throw new TableFileError('binary', msg('import.file.binary_nul'));
    if (isJunkControl(code)) junk++;
  }
  if (junk > 8 && junk / length > 0.05) {
    throw new TableFileError('binary', msg('import.file.binary_control', { count: junk, length }));
  }
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** Whether the bytes are nothing but whitespace (the BOM already removed). */
export function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (!WHITESPACE.has(b)) return false;
  return true;
}

/** The line separator: LF (also covers CRLF), or CR alone for old Mac exports that have no LF. */
export function detectEol(sample: Buffer): number {
  if (sample.includes(0x0a)) return 0x0a;
  if (sample.includes(0x0d)) return 0x0d;
  return 0x0a;
}

export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = [';', ',', '\t'];
const SAMPLE_RECORDS = 50;

/**
 * Chooses the delimiter from the first records of the sample: for each candidate, the count outside
 * double quotes on every record; the winner is the candidate whose most frequent positive count
 * occurs on most records (ties: `;`, then `,`, then tab — Italian exports use `;` and decimal
 * commas). A file with one column gets `;`. `complete` says whether the sample is the whole file
 * (otherwise its last, cut record is ignored).
 */
export function detectDelimiter(sample: Buffer, eol: number, complete: boolean): Delimiter {
  const perRecord = countDelimitersPerRecord(sample, eol, complete);
  let best: Delimiter = ';';
  let bestScore = 0;
  CANDIDATES.forEach((candidate, c) => {
    const frequency = new Map<number, number>();
    for (const counts of perRecord) {
      const n = counts[c]!;
      if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, ...frequency.values());
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  });
  return best;
}

/** Counts of each candidate outside quotes, per non-blank record (quote parity spans lines). */
function countDelimitersPerRecord(sample: Buffer, eol: number, complete: boolean): number[][] {
  const codes = CANDIDATES.map((d) => d.charCodeAt(0));
  const records: number[][] = [];
  let counts = [0, 0, 0];
  let inQuotes = false;
  let blank = true;
  for (const b of sample) {
    if (b === 0x22) inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (b === eol) {
      if (!blank) records.push(counts);
      if (records.length >= SAMPLE_RECORDS) return records;
      counts = [0, 0, 0];
      blank = true;
      continue;
    }
    const c = codes.indexOf(b);
    if (c >= 0) counts[c]!++;
    if (!WHITESPACE.has(b)) blank = false;
  }
  if ((complete || records.length === 0) && !blank) records.push(counts);
  return records;
}
