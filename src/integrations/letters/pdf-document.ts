import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { PdfkitInternalsError, registerFonts } from './pdf-fonts.ts';
import { prepareRectBatching } from './pdf-rect-batch.ts';
import { mm } from './pdf-units.ts';

/**
 * A pdfkit document whose bytes depend only on what is drawn: the system stores a SHA-256 of every
 * letter and must be able to re-render the same bytes. pdfkit's only time- or chance-dependent
 * parts are the CreationDate (set here from the letter date) and the file ID, which pdfkit derives
 * from the info dictionary: the info gets a `ContentId` (SHA-256 of what decides the bytes), so the
 * ID identifies the content — through pdfkit's public options, no internals. Font subset tags derive
 * from the font ids, and zlib output is deterministic for a given zlib build.
 */

/** A4 with the margins of the letter body: 25 mm left (DIN 5008), 20 mm right, room for the footer below. */
export const PAGE = { size: 'A4' as const, margins: { top: mm(20), bottom: mm(22), left: mm(25), right: mm(20) } };

export interface LetterDocument {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole file once `doc.end()` has been called. */
  done: Promise<Buffer>;
}

/**
 * A document with no page yet (each letter adds its own), pages buffered until the letter's footers
 * ("page x/y") are written, and the fonts registered as 'regular' and 'bold'.
 *
 * @param date ISO date: the CreationDate, at 00:00 UTC (no clock involved).
 * @param fingerprint what the file ID is hashed from: the content that decides the bytes.
 */
export function openDocument(opts: { date: string; title: string; author: string; fingerprint: string }): LetterDocument {
  const created = new Date(`${opts.date}T00:00:00Z`);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    // No default font ('' is skipped by pdfkit): Helvetica is only loaded where the QR-bill needs it.
    font: '',
    size: PAGE.size,
    margins: PAGE.margins,
    info: {
      Title: opts.title,
      Author: opts.author,
      Creator: 'incasso',
      Producer: 'incasso (pdfkit)',
      CreationDate: Number.isNaN(created.getTime()) ? new Date(0) : created,
      // pdfkit hashes the info dictionary into the trailer ID: with this it identifies this content,
      // not this run (PDF 32000-1 §14.4 allows any unique string; custom info keys are allowed, §14.3.3).
      ContentId: createHash('sha256').update(opts.fingerprint).digest('hex'),
    } as PDFKit.DocumentInfo,
  });
  registerFonts(doc);
  prepareRectBatching(doc);
  doc.on('pageAdded', () => bufferPageContent(doc.page));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** The fields of pdfkit's PDFPage (0.20) that `bufferPageContent` relies on. */
interface PdfkitPage {
  content?: { write?: unknown };
  write?: (chunk: string | Uint8Array) => unknown;
  end?: () => unknown;
}

/** Pages whose content is buffered (see `letterFastPaths`). */
export const contentUse = { pagesBuffered: 0 };

/**
 * pdfkit turns every content operator (a colour, a position, a line of text: a dozen per line drawn)
 * into a byte array of its own as it is written, and joins them all when the page ends. The page's
 * operators are kept as text instead and written in one piece before the page ends (or before bytes
 * are written, which must stay in order): the same bytes — pdfkit writes each string followed by a
 * newline — without thousands of small arrays per letter. pdfkit internals (PDFPage's `write` and
 * `end`, shadowed on the page): when they are not as expected this throws.
 */
function bufferPageContent(page: PDFKit.PDFPage): void {
  const p = page as unknown as PdfkitPage;
  const write = p.write;
  const end = p.end;
  if (typeof write !== 'function' || typeof end !== 'function' || typeof p.content?.write !== 'function' || Object.prototype.hasOwnProperty.call(p, 'write')) {
    throw new PdfkitInternalsError('PDFPage.write / end');
  }
  let pending: string[] = [];
  let ended = false;
  const flush = () => {
    if (!pending.length) return;
    const text = pending.join('\n');
    pending = [];
    write.call(p, text);
  };
  // Set once and kept (see pdf-fonts.ts: properties that come and go make pdfkit's code slow).
  p.write = (chunk: string | Uint8Array) => {
    if (typeof chunk === 'string' && !ended) {
      pending.push(chunk);
      return undefined;
    }
    flush();
    return write.call(p, chunk);
  };
  p.end = () => {
    flush();
    ended = true;
    return end.call(p);
  };
  contentUse.pagesBuffered++;
}

/** A stable text of a value for hashing: object keys sorted, so field order never changes the ID. */
export function canonicalJson(value: unknown): string {
  // The same text as `canonicalJsonReference`, written directly (the letters' data are plain
  // objects, arrays, strings, numbers, booleans and nulls); anything else takes the reference path.
  try {
    return writeCanonical(value) ?? (undefined as unknown as string);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return canonicalJsonReference(value);
  }
}

/** The definition: JSON.stringify with every object's keys sorted (Object.entries, sorted, Object.fromEntries). */
export function canonicalJsonReference(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const NOT_PLAIN = Symbol('not plain data');
/** Keys that JavaScript orders before all others in a new object (array indices): the reference path. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sorted keys of each shape of object met so far, each as its JSON text with the colon
 * (`"amount":`): letters have a few dozen shapes, so sorting and quoting keys is done once per shape.
 */
let keyOrders = new Map<string, { keys: string[]; quoted: string[] }>();

function keyOrder(keys: string[]): { keys: string[]; quoted: string[] } {
  const shape = keys.join('\u0000');
  let order = keyOrders.get(shape);
  if (!order) {
    for (const k of keys) if (INDEX_KEY.test(k)) throw NOT_PLAIN;
    const sorted = [...keys].sort(byCodeUnits);
    order = { keys: sorted, quoted: sorted.map((k) => `${JSON.stringify(k)}:`) };
    if (keyOrders.size >= 1000) keyOrders = new Map();
    keyOrders.set(shape, order);
  }
  return order;
}

/** JSON of plain data with sorted keys; undefined where JSON.stringify leaves a value out. */
function writeCanonical(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (v === null) return 'null';
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (writeCanonical(v[i]) ?? 'null');
        return out + ']';
      }
      const { keys, quoted } = keyOrder(Object.keys(v));
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const s = writeCanonical((v as Record<string, unknown>)[keys[i]!]);
        if (s === undefined) continue;
        out += (out.length > 1 ? ',' : '') + quoted[i] + s;
      }
      return out + '}';
    }
    default:
      // bigint: JSON.stringify throws; so does the reference path.
      throw NOT_PLAIN;
  }
}
