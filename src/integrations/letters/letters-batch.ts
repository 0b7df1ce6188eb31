import { csvLine } from '../import-files/csv-write.ts';
import { splitAddress } from './address.ts';
import { defaultWindow, drawLetter } from './letter-layout.ts';
import { LETTER_LAYOUT_VERSION } from './letter-pdf.ts';
import { canonicalJson, openDocument, PAGE } from './pdf-document.ts';
import type { LetterInput, LetterLanguage, WindowPosition } from './types.ts';

/**
 * All letters of a mailing in one PDF for a print-and-post service, plus the manifest the service
 * (and our own reconciliation) reads: which pages belong to which recipient.
 */
export interface LetterBatchOptions {
  /** Printed on both sides: every letter gets an even number of pages (a blank one added), so no letter starts on the back of another. */
  duplex?: boolean;
  /** Envelope window for every letter; default per letter (right for Swiss senders). */
  window?: WindowPosition;
  /** Language of the manifest's header row: the user who makes the batch (default Italian). */
  language?: LetterLanguage;
}

export interface LetterBatch {
  pdf: Buffer;
  /** `;`-separated CSV, CRLF lines, header first; cells neutralised against formula injection. */
  manifest: string;
  /** Pages of the merged PDF (duplex blank pages included). */
  pages: number;
}

/** The manifest's columns, in order (the keys of MANIFEST_HEADERS). */
export const MANIFEST_COLUMNS = ['documentId', 'recipient', 'address', 'postalCode', 'city', 'country', 'firstPage', 'pages', 'sheets', 'currency', 'amount'] as const;

/** The manifest's header row as a person at the print service or the office reads it, per language. */
export const MANIFEST_HEADERS: Record<LetterLanguage, Record<(typeof MANIFEST_COLUMNS)[number], string>> = {
  it: { documentId: 'Documento', recipient: 'Destinatario', address: 'Indirizzo', postalCode: 'CAP', city: 'Località', country: 'Paese', firstPage: 'Prima pagina', pages: 'Pagine', sheets: 'Fogli', currency: 'Valuta', amount: 'Importo' },
  en: { documentId: 'Document', recipient: 'Recipient', address: 'Address', postalCode: 'Postal code', city: 'City', country: 'Country', firstPage: 'First page', pages: 'Pages', sheets: 'Sheets', currency: 'Currency', amount: 'Amount' },
  de: { documentId: 'Dokument', recipient: 'Empfänger', address: 'Adresse', postalCode: 'PLZ', city: 'Ort', country: 'Land', firstPage: 'Erste Seite', pages: 'Seiten', sheets: 'Blätter', currency: 'Währung', amount: 'Betrag' },
  fr: { documentId: 'Document', recipient: 'Destinataire', address: 'Adresse', postalCode: 'Code postal', city: 'Localité', country: 'Pays', firstPage: 'Première page', pages: 'Pages', sheets: 'Feuilles', currency: 'Devise', amount: 'Montant' },
};

/** The header row of the manifest in a language. */
export function manifestHeader(language: LetterLanguage = 'it'): string[] {
  const h = MANIFEST_HEADERS[language];
  return MANIFEST_COLUMNS.map((c) => h[c]);
}

/**
 * Renders the letters into a single pdfkit document (each starting on a new page) and writes the
 * manifest: firstPage is 1-based, pages counts the letter's pages including a duplex blank page,
 * sheets the paper sheets. Deterministic like `renderLetterPdf`. Throws on the first invalid letter.
 */
export async function renderLetterBatch(letters: LetterInput[], opts: LetterBatchOptions = {}): Promise<LetterBatch> {
  if (!letters.length) throw new RangeError('no letters in the batch');
  // The batch is dated by its latest letter: a fixed date, never the clock.
  const date = letters.reduce((max, l) => (l.date > max ? l.date : max), letters[0]!.date);
  const { doc, done } = openDocument({
    date,
    title: `${letters.length} letters`,
    author: letters[0]!.sender.name,
    fingerprint: canonicalJson({ v: LETTER_LAYOUT_VERSION, batch: true, duplex: !!opts.duplex, window: opts.window ?? null, letters }),
  });
  let manifest = csvLine(manifestHeader(opts.language));
  let total = 0;
  try {
    for (const letter of letters) {
      const drawn = drawLetter(doc, letter, opts.window ?? defaultWindow(letter));
      let pages = drawn.pages;
      if (opts.duplex && pages % 2 === 1) {
        doc.addPage(PAGE);
        pages++;
      }
      // The letter is complete (footers written): let its pages go to the output instead of piling up.
      doc.flushPages();
      total += pages;
      const a = splitAddress(letter.recipient);
      manifest += csvLine([
        letter.documentId,
        letter.recipient.name,
        a ? a.street : letter.recipient.lines.join(', '),
        a?.postalCode ?? '',
        a?.city ?? '',
        letter.recipient.country.toUpperCase(),
        String(drawn.firstPage + 1),
        String(pages),
        String(opts.duplex ? pages / 2 : pages),
        letter.currency,
        letter.payment.amount,
      ]);
    }
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return { pdf: await done, manifest, pages: total };
}
