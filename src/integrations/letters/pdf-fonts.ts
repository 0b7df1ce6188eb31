import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { TrueTypeFont, TrueTypeSubset } from './ttf-subset.ts';

/**
 * The letters' embedded fonts (DejaVu Sans regular and bold: €, ’, accented capitals, which the
 * standard PDF fonts lack), and what documents share of them so that a letter costs milliseconds.
 *
 * Everything goes through pdfkit's public entry point: `registerFont(name, font)` accepts a parsed
 * font object (anything with `layout`, as fontkit's fonts). We pass a `LetterFont`: fontkit's font,
 * parsed once per process, with two methods of its own —
 * - `layout` remembers the shaping of every word (pdfkit caches words per document only; most words
 *   of a letter recur from letter to letter), its positions already in PDF units (`scaledPosition`);
 * - `createSubset` returns our byte-copying TrueType subsetter (ttf-subset.ts) instead of fontkit's.
 * Both are pure functions of the font, so the bytes of a letter do not depend on what was rendered
 * before it (the tests compare a cold and a warm render and pin the SHA-256 of a letter).
 *
 * pdfkit calls them or fails loudly: a font object it does not accept throws "Not a supported font
 * format", and `fastPathUse()` counts the calls, so a test proves that every document used them.
 */
const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

type FontName = 'regular' | 'bold';
const FONT_FILES: Record<FontName, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/** Calls of the fast paths since the process started (see `fastPathUse`). */
const use = { fontsParsed: 0, layoutCalls: 0, layoutHits: 0, subsetsCreated: 0, subsetsEncoded: 0, standardFontsShared: 0 };

/** How often pdfkit went through each fast path (for `letterFastPaths` and the tests). */
export function fastPathUse(): Readonly<typeof use> {
  return { ...use };
}

/** The word cache is started afresh past this many words, so it cannot grow without bound. */
const WORD_CACHE_LIMIT = 50_000;

/** A shaped word as pdfkit reads it: glyphs, positions, advance width (all in PDF units). */
class WordRun {
  readonly advanceWidth: number;
  constructor(
    readonly glyphs: { advanceWidth: number }[],
    readonly positions: Position[],
  ) {
    let w = 0;
    for (const p of positions) w += p.xAdvance;
    this.advanceWidth = w;
  }
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/**
 * A glyph position already in PDF units (font units × 1000 / unitsPerEm, the same product pdfkit
 * computes), shared by every document. pdfkit scales the positions of a new word in place
 * (`position[key] *= scale`) and sets `advanceWidth`: here these writes change nothing, so one
 * cached word serves every document without a copy. The fields stay enumerable, so code that copies
 * a position (pdfkit's justified text) gets the values.
 */
function scaledPosition(p: Omit<Position, 'advanceWidth'>, advanceWidth: number, scale: number): Position {
  const o = {} as Position;
  const values: Position = { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: advanceWidth * scale };
  for (const key of ['xAdvance', 'yAdvance', 'xOffset', 'yOffset', 'advanceWidth'] as const) {
    Object.defineProperty(o, key, { enumerable: true, get: () => values[key], set: () => undefined });
  }
  return o;
}

/** fontkit's parsed font, shared by every document, with a shared word cache and our subsetter. */
function letterFont(file: string): fontkit.Font {
  const bytes = fs.readFileSync(path.join(FONTS, file));
  use.fontsParsed++;
  const parsed = fontkit.create(bytes);
  const tables = TrueTypeFont.parse(bytes);
  // Fail at startup, not with a silently slower or different subset.
  if (!tables) throw new Error(`${file}: not a plain TrueType font, the letters' subsetter cannot embed it`);
  if (typeof parsed.layout !== 'function') throw new Error(`${file}: fontkit returned no layout method`);
  let words = new Map<string, WordRun>();
  const scale = 1000 / (parsed as unknown as { unitsPerEm: number }).unitsPerEm;
  // The font's own methods stay reachable through the prototype (tables, metrics, glyphs).
  const font = Object.create(parsed) as fontkit.Font;
  font.layout = (text: string, features?: unknown) => {
    use.layoutCalls++;
    if (features) return parsed.layout(text, features);
    let run = words.get(text);
    if (run) use.layoutHits++;
    else {
      if (words.size >= WORD_CACHE_LIMIT) words = new Map();
      const shaped = parsed.layout(text) as unknown as { glyphs: { advanceWidth: number }[]; positions: Omit<Position, 'advanceWidth'>[] };
      run = new WordRun(
        shaped.glyphs,
        shaped.positions.map((p, i) => scaledPosition(p, shaped.glyphs[i]!.advanceWidth, scale)),
      );
      words.set(text, run);
    }
    return run as unknown as ReturnType<fontkit.Font['layout']>;
  };
  font.createSubset = () => {
    use.subsetsCreated++;
    const subset = new TrueTypeSubset(tables);
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      use.subsetsEncoded++;
      return encode();
    };
    return subset;
  };
  return font;
}

let fonts: Record<FontName, fontkit.Font> | null = null;

/** Registers the fonts as 'regular' and 'bold' in a new document (parsed on the first call of the process). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  fonts ??= { regular: letterFont(FONT_FILES.regular), bold: letterFont(FONT_FILES.bold) };
  doc.registerFont('regular', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  // Font ids (F1 bold, F2 regular) decide the subset tags, hence the bytes: always this order.
  doc.font('bold');
  doc.font('regular');
}

/**
 * The QR-bill's standard fonts (Helvetica and Helvetica-Bold, as its style guide asks). pdfkit parses
 * their metrics (widths, thousands of kerning pairs) again in every document: 7 % of a CHF letter,
 * and pdfkit has no public way to share them. The first document's fonts serve as templates; later
 * documents get a copy that shares the parsed metrics (read-only) and has its own id and PDF object.
 * Prepared in the order swissqrbill first uses them (bold, then regular), so the font ids — and the
 * bytes — are those pdfkit would give. This relies on pdfkit 0.20 internals (`_fontFamilies`,
 * `_fontCount`, StandardFont's fields): when they are not as expected it throws instead of drawing
 * differently or slowly.
 */
interface StandardFontLike {
  name: string;
  font: { widthOfGlyph?: unknown };
  encode?: unknown;
}
const standardTemplates = new Map<string, StandardFontLike>();
const STANDARD_FIELDS = ['name', 'font', 'ascender', 'descender', 'bbox', 'lineGap', 'xHeight', 'capHeight'] as const;

export class PdfkitInternalsError extends Error {
  constructor(what: string) {
    super(`pdfkit internals changed (${what}): check src/integrations/letters/README.md before upgrading pdfkit`);
    this.name = 'PdfkitInternalsError';
  }
}

export function prepareStandardFonts(doc: PDFKit.PDFDocument, names: readonly string[]): void {
  const d = doc as unknown as { _fontFamilies?: Record<string, unknown>; _fontCount?: number };
  const families = d._fontFamilies;
  if (!families || typeof families !== 'object' || typeof d._fontCount !== 'number') throw new PdfkitInternalsError('_fontFamilies / _fontCount');
  for (const name of names) {
    if (families[name]) continue;
    const template = standardTemplates.get(name);
    if (template) {
      const copy = Object.create(Object.getPrototypeOf(template) as object) as Record<string, unknown>;
      for (const key of STANDARD_FIELDS) copy[key] = (template as unknown as Record<string, unknown>)[key];
      copy.document = doc;
      copy.id = `F${++d._fontCount}`;
      families[name] = copy;
      use.standardFontsShared++;
      continue;
    }
    doc.font(name);
    const made = families[name] as StandardFontLike | undefined;
    if (!made || made.name !== name || typeof made.encode !== 'function' || typeof made.font?.widthOfGlyph !== 'function') throw new PdfkitInternalsError(`standard font ${name}`);
    for (const key of STANDARD_FIELDS) if (!(key in made)) throw new PdfkitInternalsError(`standard font field ${key}`);
    standardTemplates.set(name, made);
  }
}
