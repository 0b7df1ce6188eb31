import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { registerFonts } from './pdf-fonts.ts';
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
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** A stable text of a value for hashing: object keys sorted, so field order never changes the ID. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
