import { defaultWindow, drawLetter } from './letter-layout.ts';
import { canonicalJson, openDocument } from './pdf-document.ts';
import type { LetterInput, WindowPosition } from './types.ts';

/**
 * Bumped whenever the layout changes: it is part of the file ID, so a re-render with the same
 * version gives the same bytes and a re-render after a layout change is recognisably different.
 */
export const LETTER_LAYOUT_VERSION = 2;

export interface LetterPdfOptions {
  /** Envelope window the address is placed in; default right for Swiss senders, left otherwise. */
  window?: WindowPosition;
}

/**
 * The letter as an A4 PDF (one or more pages; for CHF the QR-bill at the bottom of the last page).
 * Deterministic: the same input gives byte-identical output (no clock, no random ID).
 * Throws LetterPaymentError when the payment data would give a wrong slip (IBAN, reference, amount).
 */
export async function renderLetterPdf(letter: LetterInput, opts: LetterPdfOptions = {}): Promise<Buffer> {
  const window = opts.window ?? defaultWindow(letter);
  const { doc, done } = openDocument({
    date: letter.date,
    title: letter.subject,
    author: letter.sender.name,
    fingerprint: canonicalJson({ v: LETTER_LAYOUT_VERSION, window, letter }),
  });
  try {
    drawLetter(doc, letter, window);
  } catch (e) {
    // Finish the stream so nothing is left pending, then report the real error.
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}
