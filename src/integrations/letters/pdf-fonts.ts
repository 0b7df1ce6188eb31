import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { TrueTypeFont, TrueTypeSubset } from './ttf-subset.ts';

/**
 * The letters' embedded fonts (DejaVu Sans regular and bold: €, ’, accented capitals, which the
 * standard PDF fonts lack), and what documents share of them so that a letter costs milliseconds.
 *
 * The fonts go in through pdfkit's public entry point: `registerFont(name, font)` accepts a parsed
 * font object (anything with `layout`, as fontkit's fonts). We pass a `LetterFont`: fontkit's font,
 * parsed once per process, with two methods of its own —
 * - `layout` hands pdfkit the shaped word with its advance width computed once (fontkit's run sums
 *   its positions again on every read);
 * - `createSubset` returns our byte-copying TrueType subsetter (ttf-subset.ts) instead of fontkit's.
 *
 * pdfkit keeps the shaping of each word in a cache per font per document (`layoutCache`): the
 * documents share one per font instead (pdfkit internals, checked), because most words of a letter
 * recur from letter to letter. pdfkit scales a new word's positions to PDF units in place, once, when
 * it enters the cache; a cached word is a pure function of the font and the word, so the bytes of a
 * letter do not depend on what was rendered before it (the tests compare a cold and a warm render
 * and pin the SHA-256 of a letter).
 *
 * pdfkit calls them or fails loudly: a font object it does not accept throws "Not a supported font
 * format", an EmbeddedFont without the expected cache throws `PdfkitInternalsError`, and
 * `fastPathUse()` counts the calls, so a test proves that every document used them.
 */
const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

type FontName = 'regular' | 'bold';
const FONT_NAMES: readonly FontName[] = ['regular', 'bold'];
const FONT_FILES: Record<FontName, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/** Calls of the fast paths since the process started (see `fastPathUse`). */
const use = { fontsParsed: 0, layoutCalls: 0, wordCachesShared: 0, subsetsCreated: 0, subsetsEncoded: 0, standardFontsShared: 0 };

/** How often pdfkit went through each fast path (for `letterFastPaths` and the tests). */
export function fastPathUse(): Readonly<typeof use> {
  return { ...use };
}

/** A shared word cache is started afresh past this many words, so it cannot grow without bound. */
const WORD_CACHE_LIMIT = 50_000;

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * A shaped word as pdfkit reads it: glyphs, positions (fontkit's, fresh for each call: pdfkit scales
 * them in place), and the advance width in PDF units — the sum pdfkit would get from fontkit's run
 * after scaling, computed once with the same operations (each position × scale, added in order).
 */
class WordRun {
  readonly advanceWidth: number;
  constructor(
    readonly glyphs: unknown[],
    readonly positions: Position[],
    scale: number,
  ) {
    let w = 0;
    for (const p of positions) w += p.xAdvance * scale;
    this.advanceWidth = w;
  }
}

interface LetterFont {
  font: fontkit.Font;
  /** pdfkit's word cache for this font, handed to every new document (replaced when full). */
  words: Record<string, unknown>;
  wordCount: number;
}

/** fontkit's parsed font, shared by every document, with our layout run and subsetter. */
function letterFont(file: string): LetterFont {
  const bytes = fs.readFileSync(path.join(FONTS, file));
  use.fontsParsed++;
  const parsed = fontkit.create(bytes);
  const tables = TrueTypeFont.parse(bytes);
  // Fail at startup, not with a silently slower or different subset.
  if (!tables) throw new Error(`${file}: not a plain TrueType font, the letters' subsetter cannot embed it`);
  if (typeof parsed.layout !== 'function') throw new Error(`${file}: fontkit returned no layout method`);
  // pdfkit's own scale (EmbeddedFont.scale): font units to PDF units.
  const scale = 1000 / (parsed as unknown as { unitsPerEm: number }).unitsPerEm;
  const shared: LetterFont = { font: parsed, words: Object.create(null) as Record<string, unknown>, wordCount: 0 };
  // The font's own methods stay reachable through the prototype (tables, metrics, glyphs).
  const font = Object.create(parsed) as fontkit.Font;
  font.layout = (text: string, features?: unknown) => {
    use.layoutCalls++;
    if (features) return parsed.layout(text, features);
    // A word not in the shared cache: pdfkit stores what we return there (see shareWordCache).
    if (++shared.wordCount > WORD_CACHE_LIMIT) {
      shared.words = Object.create(null) as Record<string, unknown>;
      shared.wordCount = 1;
    }
    const shaped = parsed.layout(text) as unknown as { glyphs: unknown[]; positions: Position[] };
    return new WordRun(shaped.glyphs, shaped.positions, scale) as unknown as ReturnType<fontkit.Font['layout']>;
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
  shared.font = font;
  return shared;
}

let fonts: Record<FontName, LetterFont> | null = null;

/** The fields of pdfkit's EmbeddedFont (0.20) the shared word cache relies on. */
interface PdfkitEmbeddedFont {
  font?: unknown;
  layoutCache?: unknown;
  layoutCached?: unknown;
  layoutRun?: unknown;
}

/**
 * Hands the font's shared word cache to the document's pdfkit font, in place of its own empty one.
 * pdfkit's `layoutCached(word)` returns the cached run, or shapes the word (our `layout`), scales it
 * and stores it: with the shared cache, that happens once per process instead of once per document.
 */
function shareWordCache(doc: PDFKit.PDFDocument, name: FontName, shared: LetterFont): void {
  const f = (doc as unknown as { _fontFamilies?: Record<string, PdfkitEmbeddedFont> })._fontFamilies?.[name];
  if (!f || f.font !== shared.font || typeof f.layoutCached !== 'function' || typeof f.layoutRun !== 'function' || !f.layoutCache || typeof f.layoutCache !== 'object' || Object.keys(f.layoutCache).length) {
    throw new PdfkitInternalsError('EmbeddedFont.layoutCache');
  }
  f.layoutCache = shared.words;
  use.wordCachesShared++;
}

/** Registers the fonts as 'regular' and 'bold' in a new document (parsed on the first call of the process). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  fonts ??= { regular: letterFont(FONT_FILES.regular), bold: letterFont(FONT_FILES.bold) };
  doc.registerFont('regular', fonts.regular.font as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold.font as unknown as PDFKit.Mixins.PDFFontSource);
  // Font ids (F1 bold, F2 regular) decide the subset tags, hence the bytes: always this order.
  doc.font('bold');
  doc.font('regular');
  for (const name of FONT_NAMES) shareWordCache(doc, name, fonts[name]);
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
