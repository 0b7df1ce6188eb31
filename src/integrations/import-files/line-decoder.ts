import { isAscii, isUtf8 } from 'node:buffer';
import { msg, type Message } from '../../domain/messages/index.ts';

const utf8 = new TextDecoder('utf-8');

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG table); the rest is Latin-1. Not `new TextDecoder('windows-1252')`:
 * Node 20.18.3+ decodes that label as Latin-1, so € (0x80) would become U+0080 (nodejs/node#60888).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

/** Windows-1252 bytes to text. */
export function decodeCp1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** How many line numbers a warning quotes; the rest are only counted (memory stays bounded). */
const QUOTED_LINES = 20;

/** What the decoder saw so far: it decides the reported encoding and the Windows-1252 warning. */
export interface DecodeStats {
  /** Lines with non-ASCII characters that were valid UTF-8. */
  utf8Lines: number;
  /** Lines that were not valid UTF-8 and were read as Windows-1252. */
  cp1252Lines: number;
  /** The first of those line numbers, ascending. */
  cp1252Sample: number[];
}

/** Fresh, empty statistics. */
export function emptyStats(): DecodeStats {
  return { utf8Lines: 0, cp1252Lines: 0, cp1252Sample: [] };
}

/**
 * Decodes the bytes of one record (one or more physical lines) to text. Each physical line is UTF-8
 * if it is valid UTF-8, otherwise Windows-1252: Italian files are often re-saved by tools that mix
 * the two, and a single `è` in cp1252 must not turn a whole file into mojibake. Pure ASCII costs
 * nothing; a record that is valid UTF-8 as a whole is decoded in one call.
 */
export function decodeRecord(bytes: Buffer, firstLine: number, eol: number, stats: DecodeStats): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (isUtf8(bytes)) {
    stats.utf8Lines++;
    return utf8.decode(bytes);
  }
  const parts: string[] = [];
  let start = 0;
  let line = firstLine;
  for (;;) {
    const end = bytes.indexOf(eol, start);
    const piece = bytes.subarray(start, end < 0 ? bytes.length : end);
    parts.push(decodeLine(piece, line, stats));
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return parts.join(String.fromCharCode(eol));
}

/** One physical line: UTF-8 when valid, else Windows-1252 (its number is recorded). */
function decodeLine(piece: Buffer, line: number, stats: DecodeStats): string {
  if (isAscii(piece)) return piece.toString('latin1');
  if (isUtf8(piece)) {
    stats.utf8Lines++;
    return utf8.decode(piece);
  }
  stats.cp1252Lines++;
  if (stats.cp1252Sample.length < QUOTED_LINES) stats.cp1252Sample.push(line);
  return decodeCp1252(piece);
}

/** The encoding to report: UTF-8 unless some line needed Windows-1252 ('mixed' if others were UTF-8). */
export function reportedEncoding(sawUtf8: boolean, sawCp1252: boolean): 'utf-8' | 'windows-1252' | 'mixed' {
  if (!sawCp1252) return 'utf-8';
  return sawUtf8 ? 'mixed' : 'windows-1252';
}

/** The warning listing the lines read as Windows-1252, or null when there are none. */
export function cp1252Warning(stats: DecodeStats): Message | null {
  if (stats.cp1252Lines === 0) return null;
  const lines = stats.cp1252Sample.join(', ');
  return stats.cp1252Lines > stats.cp1252Sample.length
    ? msg('import.file.cp1252_lines_more', { lines, total: stats.cp1252Lines })
    : msg('import.file.cp1252_lines', { lines });
}
