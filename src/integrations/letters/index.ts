/**
 * Dunning letters and e-mails from a fully decided `LetterInput`: a single A4 PDF (with a Swiss
 * QR-bill for CHF), a merged batch PDF with its postal manifest, and the e-mail parts. See types.ts.
 */
export type { LetterClaim, LetterF24, LetterInput, LetterLanguage, LetterMunicipal, LetterPagopa, LetterParty, LetterPayment, LetterPosition, LetterPoste, LetterTier, WindowPosition } from './types.ts';
export { renderLetterPdf, LETTER_LAYOUT_VERSION, type LetterPdfOptions } from './letter-pdf.ts';
export { renderLetterBatch, manifestHeader, MANIFEST_COLUMNS, MANIFEST_HEADERS, type LetterBatch, type LetterBatchOptions } from './letters-batch.ts';
export { renderEmail, escapeHtml, type RenderedEmail } from './email.ts';
export { LetterPaymentError, checkLetterPayment, qrBillData } from './qr-bill.ts';
export { letterFastPaths, type LetterFastPaths } from './fast-paths.ts';
