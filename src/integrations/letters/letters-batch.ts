import { csvLine } from '../import-files/csv-write.ts';
import { splitAddress } from './address.ts';
import { defaultWindow, drawLetter } from './letter-layout.ts';
import { LETTER_LAYOUT_VERSION } from './letter-pdf.ts';
import { canonicalJson, openDocument, PAGE } from './pdf-document.ts';
import type { LetterInput, WindowPosition } from './types.ts';

/**
 * All letters of a mailing in one PDF for a print-and-post service, plus the manifest the service
 * (and our own reconciliation) reads: which pages belong to which recipient.
 */
export interface LetterBatchOptions {
  /** Printed on both sides: every letter gets an even number of pages (a blank one added), so no letter starts on the back of another. */
  duplex?: boolean;
  /** Envelope window for every letter; default per letter (right for Swiss senders). */
  window?: WindowPosition;
}

export interface LetterBatch {
  pdf: Buffer;
  /** `;`-separated CSV, CRLF lines, header first; cells neutralised against formula injection. */
  manifest: string;
}

export const MANIFEST_HEADER = ['documentId', 'recipient', 'address', 'postalCode', 'city', 'country', 'firstPage', 'pages', 'sheets', 'currency', 'amount'] as const;

/**
 * Renders the letters into a single pdfkit document (each starting on a new page) and writes the
 * manifest: firstPage is 1-based, pages counts the letter's pages including a duplex blank page,
 * sheets the paper sheets. Deterministic like `renderLetterPdf`. Throws on the first invalid letter.
 */
export async function renderLetterBatch(letters: LetterInput[], opts: LetterBatchOptions = {}): Promise<LetterBatch> {
  if (!letters.length) throw new RangeError('Nessuna lettera da stampare (no letters in the batch)');
  // The batch is dated by its latest letter: a fixed date, never the clock.
  const date = letters.reduce((max, l) => (l.date > max ? l.date : max), letters[0]!.date);
  const { doc, done } = openDocument({
    date,
    title: `${letters.length} letters`,
    author: letters[0]!.sender.name,
    fingerprint: canonicalJson({ v: LETTER_LAYOUT_VERSION, batch: true, duplex: !!opts.duplex, window: opts.window ?? null, letters }),
  });
  let manifest = csvLine([...MANIFEST_HEADER]);
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
  return { pdf: await done, manifest };
}
