import LineBreaker from 'linebreak';

/**
 * Drawing user text safely with pdfkit. pdfkit has no markup, so text is always drawn literally;
 * what is left to do is keeping it inside its box: control characters out, one-line fields on one
 * line, too-long cells cut with an ellipsis, and amounts — which must never be cut — shrunk instead.
 */

// C0/C1 controls except tab and newline (a NUL or a form feed from an import must not reach the PDF).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** NFC (a decomposed "è" from a CSV draws as one glyph), controls to spaces, CRLF to LF, tabs to spaces. */
/** Printable ASCII only: what `clean` leaves as it is (NFC and the replacements change nothing). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function clean(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, ' ');
}

/** `clean`, and any line break to a space: for fields that have one line (names, references). */
export function single(text: string): string {
  // No line break to join: only the trim is left to do.
  if (PRINTABLE_ASCII.test(text)) return text.trim();
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
  oneLine(doc, fit(doc, single(text), width), x, y, width, align);
}

/** pdfkit's PDFNumber (0.20): the float32 nearest below, as its LineWrapper rounds widths and limits. */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function pdfNumber(n: number): number {
  const rounded = Math.fround(n);
  if (rounded <= n) return rounded;
  f32[0] = n;
  if (n <= 0) u32[0]! += 1;
  else u32[0]! -= 1;
  return f32[0]!;
}

/** Break opportunities (UAX #14, the same LineBreaker as pdfkit's) of recent strings: the pieces between them. */
let pieceCache = new Map<string, string[] | null>();
const PIECE_CACHE_LIMIT = 20_000;
function breakPieces(text: string): string[] | null {
  let pieces = pieceCache.get(text);
  if (pieces === undefined) {
    pieces = [];
    const breaker = new LineBreaker(text);
    let last = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      // A required break (a line separator) makes two lines: pdfkit's own path.
      if (bk.required) {
        pieces = null;
        break;
      }
      pieces.push(text.slice(last, bk.position));
      last = bk.position;
    }
    if (pieceCache.size >= PIECE_CACHE_LIMIT) pieceCache = new Map();
    pieceCache.set(text, pieces);
  }
  return pieces;
}

const SOFT_HYPHEN = '\u00ad';

/**
 * `doc.text(text, x, y, { width, align, lineBreak: false })` for text that pdfkit would lay out as
 * one line — the same bytes and the same position after it, without pdfkit's LineWrapper (an event
 * emitter, a line breaker and a width per word for every call: most of the cost of a table cell).
 * Whether it is one line is decided as pdfkit's LineWrapper decides it (0.20: the pieces between
 * break opportunities, each width rounded by PDFNumber, fitted into what is left of the line); in
 * any other case — several lines, a soft hyphen, a piece wider than the line, no room left on the
 * page (where pdfkit would start a new one), centred or justified text — pdfkit draws it itself.
 */
function oneLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center' | 'justify'): void {
  if (!drawOneLine(doc, text, x, y, width, align)) doc.text(text, x, y, { width, align, lineBreak: false });
}

/** `oneLine` without pdfkit's LineWrapper; false (nothing drawn) when pdfkit must lay it out. */
function drawOneLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center' | 'justify'): boolean {
  if ((align !== 'left' && align !== 'right') || text.includes(SOFT_HYPHEN)) return false;
  // LineWrapper: lineWidth = (width × horizontalScaling / 100 − columnGap × (columns − 1)) / columns, one column.
  const lineWidth = (width * 100) / 100;
  // LineWrapper.wrap starts a new page when the line would not fit above the bottom margin.
  const lineHeight = doc.currentLineHeight(true);
  const maxY = pdfNumber(doc.page.height - doc.page.margins.bottom);
  if (y > maxY || y + lineHeight > maxY) return false;
  const pieces = breakPieces(text);
  if (!pieces) return false;
  let spaceLeft = lineWidth;
  let textWidth = 0;
  for (const piece of pieces) {
    const w = pdfNumber(doc.widthOfString(piece));
    if (w > lineWidth || !(w <= spaceLeft)) return false;
    spaceLeft -= w;
    textWidth += w;
  }
  if (pieces.length) {
    // _fragment: right-aligned text ends at the line's width, trailing spaces not counted.
    const dx = align === 'right' ? x + (lineWidth - doc.widthOfString(text.replace(/\s+$/, ''))) : x;
    // The line's measured width and word count, as the LineWrapper hands them to _fragment (for
    // underlines and links; without them _fragment measures and splits the text once more).
    doc.text(text, dx, y, { lineBreak: false, textWidth, wordCount: pieces.length } as PDFKit.Mixins.TextOptions);
  }
  // Where pdfkit's LineWrapper leaves the document: back at x, one line (and the line gap) lower.
  doc.x = x;
  doc.y = pieces.length ? y + (lineHeight + ((doc as unknown as { _lineGap?: number })._lineGap || 0)) : y;
  return true;
}

/** An amount at (x, y), right-aligned: never cut, the font shrinks (down to 5 pt) until it fits. */
export function amount(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, size: number): void {
  let s = size;
  doc.fontSize(s);
  while (s > 5 && doc.widthOfString(text) > width) {
    s -= 0.5;
    doc.fontSize(s);
  }
  oneLine(doc, text, x, y, width, 'right');
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
