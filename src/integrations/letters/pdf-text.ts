/**
 * Drawing user text safely with pdfkit. pdfkit has no markup, so text is always drawn literally;
 * what is left to do is keeping it inside its box: control characters out, one-line fields on one
 * line, too-long cells cut with an ellipsis, and amounts — which must never be cut — shrunk instead.
 */

// C0/C1 controls except tab and newline (a NUL or a form feed from an import must not reach the PDF).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** NFC (a decomposed "è" from a CSV draws as one glyph), controls to spaces, CRLF to LF, tabs to spaces. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, ' ');
}

/** `clean`, and any line break to a space: for fields that have one line (names, references). */
export function single(text: string): string {
  return clean(text).replace(/\s*\n\s*/g, ' ').trim();
}

const ELLIPSIS = '…';

/** The text, cut at a code point boundary with "…" so that it fits `width` in the current font. */
export function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.widthOfString(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** One line at (x, y), cut to `width`. */
export function line(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left'): void {
  doc.text(fit(doc, single(text), width), x, y, { width, align, lineBreak: false });
}

/** An amount at (x, y), right-aligned: never cut, the font shrinks (down to 5 pt) until it fits. */
export function amount(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, size: number): void {
  let s = size;
  doc.fontSize(s);
  while (s > 5 && doc.widthOfString(text) > width) {
    s -= 0.5;
    doc.fontSize(s);
  }
  doc.text(text, x, y, { width, align: 'right', lineBreak: false });
  doc.fontSize(size);
}

/**
 * Wrapped text in a box of `width` × at most `maxLines` lines, the last one ending in "…" when it
 * does not fit; returns the y below it. Used for the names in the window and the info block, where
 * running on would cover the address or leave the envelope window.
 */
export function block(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, maxLines: number, lineGap = 0): number {
  const lh = doc.currentLineHeight(true) + lineGap;
  const t = clean(text).trim();
  const h = Math.min(doc.heightOfString(t, { width, lineGap }), lh * maxLines);
  doc.text(t, x, y, { width, lineGap, height: h + 0.01, ellipsis: true });
  return y + h;
}
