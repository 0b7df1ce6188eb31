/**
 * Checks an .xlsx (a ZIP archive) before any XML parser sees it. exceljs inflates whatever the
 * archive holds, so a small upload could expand to gigabytes (a "zip bomb"). We read the central
 * directory ourselves (ZIP64 included), refuse archives whose declared sizes exceed the limits, and
 * then inflate every entry once, counting bytes, so that sizes that lie are caught too, along with
 * overlapping entries, data hidden between entries and corrupted compressed data.
 */
import fs from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { encodeMessage, msg, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import { TableFileError } from './errors.ts';
import { RATIO_FLOOR_BYTES, type TableLimits } from './limits.ts';

/** One file inside the archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the compressed bytes start (known after `inspectZip` verified the entry). */
  dataOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const LOCAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** More entries or a bigger directory than any real workbook has is treated as an attack. */
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
/** Bytes between entries that may hold data descriptors; more is read and searched for hidden entries. */
const MAX_GAP_BYTES = 64 * 1024;

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
/** A damaged or hostile archive; `code` (an `import.zip.*` message) says what is wrong with it. */
const bad = (code: MessageCode, params?: MessageParams) =>
  new TableFileError('bad_xlsx', msg('import.file.bad_zip', { reason: encodeMessage(msg(code, params)) }));
const bomb = (code: MessageCode, params?: MessageParams) =>
  new TableFileError('zip_bomb', msg('import.file.zip_bomb', { reason: encodeMessage(msg(code, params)) }));

/**
 * The archive's entries, after checking them all (see the file comment). Throws `zip_bomb`,
 * `bad_xlsx` or `unsupported` (multi-disk archives, encryption, unknown compression methods).
 */
export async function inspectZip(path: string, fileSize: number, limits: TableLimits): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const directory = await readEndOfDirectory(handle, fileSize);
    const entries = await readCentralDirectory(handle, directory);
    checkDeclaredSizes(entries, limits);
    await checkLayout(handle, entries, directory.offset);
    for (const entry of entries) await verifyEntry(path, entry);
    return entries;
  } finally {
    await handle.close();
  }
}

/** The bytes of one (already verified) entry, refused above `maxBytes`. */
export async function readZipEntry(path: string, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw bomb('import.zip.entry_too_large', { entry: entry.name, size: MiB(entry.uncompressedSize) });
  const chunks: Buffer[] = [];
  await inflateEntry(path, entry, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw bad('import.zip.truncated');
  return buffer;
}

/** A 64-bit ZIP field as a number, refused if it cannot be one exactly. */
function uint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw bad('import.zip.zip64_size');
  return Number(value);
}

interface Directory {
  entries: number;
  size: number;
  offset: number;
  /** Where the End Of Central Directory record starts. */
  end: number;
}

/** The End Of Central Directory record (and its ZIP64 twin when the classic fields overflow). */
async function readEndOfDirectory(handle: FileHandle, fileSize: number): Promise<Directory> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw bad('import.zip.no_directory');
  const end = fileSize - tailLength + at;
  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  let entries = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (at < 20 || tail.readUInt32LE(at - 20) !== SIG_ZIP64_LOCATOR) throw bad('import.zip.zip64_locator_missing');
    const zip64At = uint64(tail, at - 20 + 8);
    if (zip64At + 56 > end) throw bad('import.zip.zip64_record_misplaced');
    const record = await readAt(handle, zip64At, 56);
    if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw bad('import.zip.zip64_record_invalid');
    if (record.readUInt32LE(16) !== 0 || record.readUInt32LE(20) !== 0) throw multiDisk();
    entries = uint64(record, 32);
    size = uint64(record, 40);
    offset = uint64(record, 48);
  } else if (disk !== 0 || directoryDisk !== 0) {
    throw multiDisk();
  }
  if (entries > MAX_ENTRIES) throw bomb('import.zip.too_many_entries', { count: entries, max: MAX_ENTRIES });
  if (size > MAX_DIRECTORY_BYTES) throw bomb('import.zip.directory_too_large', { size: MiB(size) });
  if (offset + size > end) throw bad('import.zip.directory_out_of_bounds');
  return { entries, size, offset, end };
}

const multiDisk = () => new TableFileError('unsupported', msg('import.file.multi_disk_zip'));

/** Every entry of the central directory, with ZIP64 sizes resolved. */
async function readCentralDirectory(handle: FileHandle, directory: Directory): Promise<ZipEntry[]> {
  const data = await readAt(handle, directory.offset, directory.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < directory.entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== SIG_CENTRAL) throw bad('import.zip.directory_corrupt');
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > data.length) throw bad('import.zip.directory_truncated');
    const entry: ZipEntry = {
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      flags: data.readUInt16LE(at + 8),
      method: data.readUInt16LE(at + 10),
      crc32: data.readUInt32LE(at + 16),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
      dataOffset: -1,
    };
    const diskStart = data.readUInt16LE(at + 34);
    applyZip64Extra(entry, data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), diskStart);
    if (entry.flags & 0x1) throw new TableFileError('unsupported', msg('import.file.encrypted_zip'));
    if (entry.method !== 0 && entry.method !== 8) {
      throw new TableFileError('unsupported', msg('import.file.zip_method', { method: entry.method, entry: entry.name }));
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset saturated at 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer, diskStart: number): void {
  const needs = {
    uncompressed: entry.uncompressedSize === 0xffffffff,
    compressed: entry.compressedSize === 0xffffffff,
    offset: entry.localHeaderOffset === 0xffffffff,
  };
  if (diskStart !== 0 && diskStart !== 0xffff) throw multiDisk();
  if (!needs.uncompressed && !needs.compressed && !needs.offset) return;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw bad('import.zip.zip64_field_truncated', { entry: entry.name });
        const value = uint64(extra, field);
        field += 8;
        return value;
      };
      if (needs.uncompressed) entry.uncompressedSize = next();
      if (needs.compressed) entry.compressedSize = next();
      if (needs.offset) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw bad('import.zip.zip64_field_missing', { entry: entry.name });
}

/** The declared sizes against the limits: total uncompressed bytes and each big entry's ratio. */
function checkDeclaredSizes(entries: ZipEntry[], limits: TableLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw bomb('import.zip.uncompressed_too_large', { max: MiB(limits.maxUncompressedBytes) });
    }
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES) {
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (ratio > limits.maxCompressionRatio) {
        throw bomb('import.zip.compression_ratio', { entry: entry.name, ratio: Math.round(ratio), max: limits.maxCompressionRatio });
      }
    }
  }
}

/**
 * Local headers in order, each matching its directory entry, entries not overlapping (the trick of
 * the worst zip bombs) and nothing hidden between them (a streaming unzipper, as exceljs uses,
 * would read entries that the central directory does not list).
 */
async function checkLayout(handle: FileHandle, entries: ZipEntry[], directoryOffset: number): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let previousEnd = 0;
  for (const entry of ordered) {
    if (entry.localHeaderOffset < previousEnd) throw bomb('import.zip.overlapping_entries', { entry: entry.name });
    await checkGap(handle, previousEnd, entry.localHeaderOffset);
    if (entry.localHeaderOffset + 30 > directoryOffset) throw bad('import.zip.entry_misplaced', { entry: entry.name });
    const header = await readAt(handle, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== SIG_LOCAL) throw bad('import.zip.local_header_missing', { entry: entry.name });
    if (!(entry.flags & 0x8)) {
      const compressed = header.readUInt32LE(18);
      const uncompressed = header.readUInt32LE(22);
      const sizesAgree =
        (compressed === 0xffffffff || compressed === entry.compressedSize) &&
        (uncompressed === 0xffffffff || uncompressed === entry.uncompressedSize);
      if (!sizesAgree) throw bad('import.zip.sizes_differ', { entry: entry.name });
    }
    entry.dataOffset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    previousEnd = entry.dataOffset + entry.compressedSize;
    if (previousEnd > directoryOffset) throw bad('import.zip.entry_beyond_data', { entry: entry.name });
  }
  await checkGap(handle, previousEnd, directoryOffset);
}

/** Bytes between entries: data descriptors are fine, another local header is not. */
async function checkGap(handle: FileHandle, from: number, to: number): Promise<void> {
  if (to <= from) return;
  if (to - from > MAX_GAP_BYTES) throw bad('import.zip.unexpected_bytes', { bytes: to - from });
  const gap = await readAt(handle, from, to - from);
  if (gap.includes(LOCAL_SIGNATURE)) throw bad('import.zip.hidden_entries');
}

/** Inflates one entry, counting bytes: more than declared is a lie (zip bomb); fewer, or a bad CRC, is damage. */
async function verifyEntry(path: string, entry: ZipEntry): Promise<void> {
  let crc = 0;
  let produced = 0;
  await inflateEntry(path, entry, (chunk) => {
    produced += chunk.length;
    crc = zlib.crc32(chunk, crc);
  });
  if (produced !== entry.uncompressedSize) throw bad('import.zip.size_mismatch', { entry: entry.name });
  if (crc !== entry.crc32) throw bad('import.zip.crc_mismatch', { entry: entry.name });
}

/** Streams an entry's uncompressed bytes to `onChunk`, stopping as soon as they exceed the declared size. */
async function inflateEntry(path: string, entry: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  if (entry.dataOffset < 0) throw new Error(`zip entry ${entry.name} not verified`);
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0 || entry.method !== 0) throw bad('import.zip.empty_entry', { entry: entry.name });
    return;
  }
  let produced = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        done(bomb('import.zip.false_size', { entry: entry.name }));
        return;
      }
      onChunk(chunk);
      done();
    },
  });
  const source = fs.createReadStream(path, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1 });
  const decoder = entry.method === 8 ? zlib.createInflateRaw() : new Transform({ transform: (chunk, _e, done) => done(null, chunk) });
  try {
    await pipeline(source, decoder, counter);
  } catch (err) {
    if (err instanceof TableFileError) throw err;
    throw bad('import.zip.corrupt_data', { entry: entry.name, detail: (err as Error).message });
  }
}
