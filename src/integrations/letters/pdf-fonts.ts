import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrueTypeFont, TrueTypeSubset } from './ttf-subset.ts';

/**
 * The letters' embedded fonts (DejaVu Sans regular and bold: €, ’, accented capitals, which the
 * standard PDF fonts lack), and what documents share of them so that a letter costs milliseconds:
 * the file bytes, fontkit's parsed font, pdfkit's word-shaping cache, and a faster subsetter. Every
 * shared part is a pure function of the font, so the bytes of a letter do not depend on what was
 * rendered before it (the tests compare a cold and a warm render).
 */
const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

/**
 * The files are read once per process; after the first document, the font objects pdfkit parsed them
 * into (fontkit fonts) are handed to every later document instead of the bytes. Parsing the tables
 * again for each letter (cmap, GSUB, GPOS, hmtx) was 40 % of the rendering time. A fontkit font holds
 * no per-document state: each document keeps its own subset.
 */
type FontName = 'regular' | 'bold';
const FONT_FILES: Record<FontName, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };
const fontBytes = new Map<FontName, Buffer>();
const parsedFonts = new Map<FontName, object>();

function fontSource(name: FontName): PDFKit.Mixins.PDFFontSource {
  const parsed = parsedFonts.get(name);
  if (parsed) return parsed as unknown as PDFKit.Mixins.PDFFontSource;
  let bytes = fontBytes.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(FONTS, FONT_FILES[name]));
    fontBytes.set(name, bytes);
  }
  return bytes;
}

interface PdfkitFont {
  font?: { layout?: unknown };
  layoutCache?: Record<string, unknown>;
  subset?: { glyphs?: unknown[]; includeGlyph?: unknown };
}

/** The fonts' tables for our byte-copying subsetter (ttf-subset.ts); null if a font were not plain TrueType. */
const trueTypeFonts = new Map<FontName, TrueTypeFont | null>();
function trueType(name: FontName): TrueTypeFont | null {
  if (!trueTypeFonts.has(name)) {
    const bytes = fontBytes.get(name);
    trueTypeFonts.set(name, bytes ? TrueTypeFont.parse(bytes) : null);
  }
  return trueTypeFonts.get(name)!;
}

/**
 * pdfkit also caches the shaping of every word ("layoutCache", per font per document): most words of
 * a letter (labels, amounts, the same addresses in a batch) recur from letter to letter, so documents
 * share one cache per font. A cached run is the same for every document (it is a pure function of the
 * font and the word). The cache is started afresh every so many documents so it cannot grow unbounded.
 */
const LAYOUT_CACHE_DOCUMENTS = 500;
let layoutCaches = new Map<FontName, Record<string, unknown>>();
let documentsOnCache = 0;

/**
 * Hands the shared parsed fonts and word caches to a new document, and replaces fontkit's subsetter by
 * ours (pdfkit internals, checked: on any surprise pdfkit's own behaviour is kept).
 */
function shareFonts(doc: PDFKit.PDFDocument): void {
  if (++documentsOnCache > LAYOUT_CACHE_DOCUMENTS) {
    layoutCaches = new Map();
    documentsOnCache = 1;
  }
  const families = (doc as unknown as { _fontFamilies?: Record<string, PdfkitFont> })._fontFamilies;
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    const f = families?.[name];
    if (!f?.font || typeof f.font.layout !== 'function') continue;
    if (!parsedFonts.has(name)) parsedFonts.set(name, f.font);
    if (f.layoutCache && parsedFonts.get(name) === f.font) {
      let cache = layoutCaches.get(name);
      if (!cache) layoutCaches.set(name, (cache = Object.create(null) as Record<string, unknown>));
      f.layoutCache = cache;
    }
    const tt = trueType(name);
    if (tt && f.subset && Array.isArray(f.subset.glyphs) && f.subset.glyphs.length === 1 && typeof f.subset.includeGlyph === 'function') {
      f.subset = new TrueTypeSubset(tt) as unknown as PdfkitFont['subset'];
    }
  }
}

/** Registers the fonts as 'regular' and 'bold' in a new document, sharing what can be shared. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('regular', fontSource('regular'));
  doc.registerFont('bold', fontSource('bold'));
  doc.font('bold');
  doc.font('regular');
  shareFonts(doc);
}

/**
 * The QR-bill's standard fonts (Helvetica and Helvetica-Bold, as its style guide asks). pdfkit parses
 * their metrics (widths, thousands of kerning pairs) again in every document: 7 % of a CHF letter.
 * The first document's fonts serve as templates; later documents get a copy that shares the parsed
 * metrics (read-only) and has its own id and PDF object. Prepared in the order swissqrbill first
 * uses them (bold, then regular), so the font ids — and the bytes — are those pdfkit would give.
 */
interface StandardFontLike {
  name: string;
  font: { widthOfGlyph?: unknown };
  encode?: unknown;
}
const standardTemplates = new Map<string, StandardFontLike>();

export function prepareStandardFonts(doc: PDFKit.PDFDocument, names: readonly string[]): void {
  const d = doc as unknown as { _fontFamilies?: Record<string, unknown>; _fontCount?: number };
  for (const name of names) {
    const families = d._fontFamilies;
    if (!families || families[name]) continue;
    const template = standardTemplates.get(name);
    if (template && typeof d._fontCount === 'number') {
      const copy = Object.create(Object.getPrototypeOf(template) as object) as Record<string, unknown>;
      for (const key of ['name', 'font', 'ascender', 'descender', 'bbox', 'lineGap', 'xHeight', 'capHeight'] as const) copy[key] = (template as unknown as Record<string, unknown>)[key];
      copy.document = doc;
      copy.id = `F${++d._fontCount}`;
      families[name] = copy;
      continue;
    }
    doc.font(name);
    const made = families[name] as StandardFontLike | undefined;
    if (made && made.name === name && typeof made.encode === 'function' && typeof made.font?.widthOfGlyph === 'function') standardTemplates.set(name, made);
  }
}
