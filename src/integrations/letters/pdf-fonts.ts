import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
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
 * A font file (the subset of the glyphs a document uses, in the order it first used them) is a pure
 * function of that glyph list: letters of one mailing mostly use the same glyphs in the same order,
 * so the last few hundred subsets of each font are kept with their compressed bytes and handed to
 * pdfkit as they are (`reuseFontFile`), instead of being written and compressed again (zlib was a
 * fifth of a single letter's time). The bytes are those pdfkit's own compression gives.
 *
 * Methods of pdfkit's objects are shadowed only by properties set once, when the object is made,
 * and never deleted: an object whose properties come and go turns into a slow "dictionary" object,
 * and pdfkit's code that has seen one stays slower for every later document.
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
const use = { fontsParsed: 0, layoutCalls: 0, plainPieces: 0, shapedWords: 0, wordCachesShared: 0, subsetsCreated: 0, subsetsEncoded: 0, fontFilesReused: 0, standardFontsShared: 0 };

/** How often pdfkit went through each fast path (for `letterFastPaths` and the tests). */
export function fastPathUse(): Readonly<typeof use> {
  return { ...use };
}

/** A shared word cache is started afresh past this many words, so it cannot grow without bound. */
const WORD_CACHE_LIMIT = 50_000;
/** Font files kept per font (oldest dropped first): ~25 KB each with the compressed copy. */
const FONT_FILE_LIMIT = 200;

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

/** A font file made by our subsetter, and its compressed bytes once a document has written it. */
interface FontFile {
  bytes: Uint8Array;
  deflated: Uint8Array | null;
}

interface LetterFont {
  font: fontkit.Font;
  /** pdfkit's word cache for this font, handed to every new document (replaced when full). */
  words: Record<string, unknown>;
  wordCount: number;
  /** Words of plain characters laid out glyph by glyph (never stored in the word cache). */
  plain: PlainShaper;
  /** The `layout` given to the documents' pdfkit fonts (fastLayout), made with the first document. */
  layout?: PdfkitEmbeddedFont['layout'];
  /** Recent font files by glyph list ("0,36,72,…": the subset's glyph ids in order). */
  files: Map<string, FontFile>;
}

/** A character as fontkit shapes it alone: its glyph (fontkit's own object) and position. */
interface PlainChar {
  glyph: unknown;
  /** The glyph's own advance width in PDF units (what pdfkit's layoutRun sets on each position). */
  advanceWidth: number;
  /**
   * Its position as pdfkit's word cache holds it (scaled, with `advanceWidth`), shared by every word
   * that has the character without kerning — as a cached word's positions are shared by every line
   * that has the word: pdfkit reads them and never changes them.
   */
  scaled: Position & { advanceWidth: number };
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Characters the per-glyph path may take: printable Latin (ASCII, Latin-1, Latin Extended-A) and
 * the typographic signs of WinAnsi (dashes, quotes, bullet, ellipsis, €). No combining marks, no
 * controls, no scripts that need shaping: anything else goes to fontkit.
 */
function plainSlot(c: number): number {
  if (c < 0x180) return (c >= 0x20 && c <= 0x7e) || c >= 0xa0 ? c : -1;
  if (c >= 0x2013 && c <= 0x2026) return 0x180 + (c - 0x2013);
  return c === 0x20ac ? PLAIN_SLOTS - 1 : -1;
}
/** Slots of the plain characters (see plainSlot): 0x20–0x17f, 0x2013–0x2026, €. */
const PLAIN_SLOTS = 0x180 + (0x2026 - 0x2013 + 1) + 1;

/**
 * The per-glyph fast path (issue 16: a 200,000-position discharge report shapes ~600,000 distinct
 * words — references, names, amounts — and fontkit's shaping of each was most of the PDF's time).
 * A word of plain characters is laid out from its characters and their neighbours: each character's
 * glyph and position as fontkit shapes it alone, plus, for each pair of neighbours, what fontkit's
 * shaping of the pair adds to their positions (kerning: "R-", "Te", "Vo"). fontkit itself is asked,
 * once per character and once per pair per font. A pair that fontkit turns into other glyphs (a
 * ligature like "fi", a contextual substitution), a character outside the plain set or that fontkit
 * does not shape into exactly one glyph: the word is shaped by fontkit as before.
 *
 * Why this gives fontkit's own result for these fonts (DejaVu Sans, regular and bold; the default
 * features for Latin are ccmp, liga, kern, mark, mkmk): the substitutions are the f-ligatures (f+f,
 * f+i, f+l, f+f+i, f+f+l — each contains a pair that changes glyphs, so such words go to fontkit) and
 * ccmp's, which act only before combining marks (never plain); the positioning is pair kerning,
 * which adds integer font units to the two glyphs of a pair (fontkit: `position.xAdvance += …`), so
 * a glyph's position is its own plus what each of its two pairs adds — exact in any order; mark
 * positioning needs marks. The same glyph objects (fontkit's, cached by glyph id), positions of the
 * same class with the same values: the PDF's bytes do not change. A test compares the two paths on
 * many words over the whole plain set, and the 200,000-position report has the same SHA-256 with
 * and without it (bench/reports/README.md).
 */
type Delta = readonly [xAdvance: number, yAdvance: number, xOffset: number, yOffset: number];
/** What shaping a pair adds to its first and second glyph's positions; null: nothing. */
interface PairEffect {
  first: Delta | null;
  second: Delta | null;
}
const NO_EFFECT: PairEffect = { first: null, second: null };

/** The per-glyph path of one font: words of plain characters laid out without fontkit's shaping. */
interface PlainShaper {
  /** fontkit's `layout(text)` (unscaled glyphs and fresh positions), or null: fontkit must shape it. */
  run(text: string): { glyphs: unknown[]; positions: Position[] } | null;
  /**
   * pdfkit's `layoutRun(text.slice(from, to))` as its word cache would hold it — positions scaled to
   * PDF units in place, each with its glyph's `advanceWidth` — pushed onto `glyphs` and `positions`;
   * returns the word's advance width (WordRun's sum), or NaN with nothing pushed: fontkit must shape it.
   */
  push(text: string, from: number, to: number, glyphs: unknown[], positions: Position[]): number;
  /** The advance width `push` would return, without making anything; NaN: fontkit must shape it. */
  width(text: string, from: number, to: number): number;
}

function plainShaper(font: fontkit.Font, scale: number): PlainShaper {
  /** Per plain slot: the character as fontkit shapes it alone, null when fontkit must shape it, undefined not yet asked. */
  const chars: (PlainChar | null | undefined)[] = new Array(PLAIN_SLOTS).fill(undefined);
  /** Per pair of slots (a × PLAIN_SLOTS + b): its effect, null when it changes glyphs, undefined not yet asked. */
  const pairs: (PairEffect | null | undefined)[] = new Array(PLAIN_SLOTS * PLAIN_SLOTS).fill(undefined);
  type PositionConstructor = new (xAdvance: number, yAdvance: number, xOffset: number, yOffset: number) => Position;
  let PositionClass: PositionConstructor | null = null;
  const shape = (s: string) => font.layout(s) as unknown as { glyphs: unknown[]; positions: Position[] };
  const charOf = (c: number, slot: number): PlainChar | null => {
    let info = chars[slot];
    if (info === undefined) {
      info = null;
      const run = shape(String.fromCharCode(c));
      if (run.glyphs.length === 1 && run.positions.length === 1) {
        const p = run.positions[0]!;
        const glyph = run.glyphs[0] as { advanceWidth: number };
        PositionClass ??= p.constructor as PositionConstructor;
        if (p.constructor === PositionClass) {
          const advanceWidth = glyph.advanceWidth * scale;
          const scaled = new PositionClass(p.xAdvance * scale, p.yAdvance * scale, p.xOffset * scale, p.yOffset * scale) as Position & { advanceWidth: number };
          scaled.advanceWidth = advanceWidth;
          info = { glyph, xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth, scaled };
        }
      }
      chars[slot] = info;
    }
    return info;
  };
  const delta = (p: Position, c: PlainChar): Delta | null => {
    const d = [p.xAdvance - c.xAdvance, p.yAdvance - c.yAdvance, p.xOffset - c.xOffset, p.yOffset - c.yOffset] as const;
    return d.every((v) => v === 0) ? null : d;
  };
  const pairOf = (a: number, b: number, key: number, ca: PlainChar, cb: PlainChar): PairEffect | null => {
    let effect = pairs[key];
    if (effect === undefined) {
      const run = shape(String.fromCharCode(a, b));
      if (run.glyphs.length !== 2 || run.glyphs[0] !== ca.glyph || run.glyphs[1] !== cb.glyph) effect = null;
      else {
        const first = delta(run.positions[0]!, ca);
        const second = delta(run.positions[1]!, cb);
        // Whole font units add exactly in any order; anything else (never in these fonts) goes to fontkit.
        if ([first, second].some((d) => d && !d.every(Number.isInteger))) effect = null;
        else effect = first || second ? { first, second } : NO_EFFECT;
      }
      pairs[key] = effect;
    }
    return effect;
  };

  // The word being laid out: its characters and the pairs that change positions (reused, grown as needed).
  let infos: PlainChar[] = [];
  let effects: (PairEffect | null)[] = [];
  /** Reads text[from, to) into `infos` / `effects`; false when fontkit must shape it. Returns whether any pair kerns via `kerned`. */
  let kerned = false;
  const read = (text: string, from: number, to: number): boolean => {
    const n = to - from;
    if (n <= 0) return false;
    if (infos.length < n) {
      infos = new Array(n * 2);
      effects = new Array(n * 2);
    }
    kerned = false;
    let prev = 0;
    let prevSlot = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(from + i);
      const slot = plainSlot(c);
      if (slot < 0) return false;
      const info = charOf(c, slot);
      if (!info) return false;
      effects[i] = null;
      if (i > 0) {
        const key = prevSlot * PLAIN_SLOTS + slot;
        let effect = pairs[key];
        if (effect === undefined) effect = pairOf(prev, c, key, infos[i - 1]!, info);
        if (!effect) return false;
        if (effect !== NO_EFFECT) {
          effects[i] = effect;
          kerned = true;
        }
      }
      infos[i] = info;
      prev = c;
      prevSlot = slot;
    }
    return true;
  };
  /** The glyph i's position in font units, with what its pairs add. */
  const unscaled = (i: number, n: number): [number, number, number, number] => {
    const info = infos[i]!;
    let xa = info.xAdvance;
    let ya = info.yAdvance;
    let xo = info.xOffset;
    let yo = info.yOffset;
    if (kerned) {
      const before = effects[i]?.second;
      const after = i + 1 < n ? effects[i + 1]?.first : null;
      if (before) {
        xa += before[0];
        ya += before[1];
        xo += before[2];
        yo += before[3];
      }
      if (after) {
        xa += after[0];
        ya += after[1];
        xo += after[2];
        yo += after[3];
      }
    }
    return [xa, ya, xo, yo];
  };

  return {
    run(text) {
      const n = text.length;
      if (!read(text, 0, n)) return null;
      const P = PositionClass!;
      const glyphs: unknown[] = new Array(n);
      const positions: Position[] = new Array(n);
      for (let i = 0; i < n; i++) {
        glyphs[i] = infos[i]!.glyph;
        // Fresh positions, as fontkit gives: pdfkit scales them in place.
        const [xa, ya, xo, yo] = unscaled(i, n);
        positions[i] = new P(xa, ya, xo, yo);
      }
      return { glyphs, positions };
    },
    push(text, from, to, glyphs, positions) {
      if (!read(text, from, to)) return NaN;
      const n = to - from;
      const P = PositionClass!;
      let width = 0;
      for (let i = 0; i < n; i++) {
        const info = infos[i]!;
        // WordRun's sum (each advance × scale, in order), then pdfkit's layoutRun: each field × scale, in
        // the fields' order, and the glyph's own advance width × scale.
        glyphs.push(info.glyph);
        if (kerned && (effects[i]?.second || (i + 1 < n && effects[i + 1]?.first))) {
          const [xa, ya, xo, yo] = unscaled(i, n);
          width += xa * scale;
          const p = new P(xa * scale, ya * scale, xo * scale, yo * scale) as Position & { advanceWidth: number };
          p.advanceWidth = info.advanceWidth;
          positions.push(p);
        } else {
          width += info.xAdvance * scale;
          positions.push(info.scaled);
        }
      }
      return width;
    },
    width(text, from, to) {
      if (!read(text, from, to)) return NaN;
      const n = to - from;
      let width = 0;
      for (let i = 0; i < n; i++) width += (kerned ? unscaled(i, n)[0] : infos[i]!.xAdvance) * scale;
      return width;
    },
  };
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
  const shared: LetterFont = {
    font: parsed,
    words: Object.create(null) as Record<string, unknown>,
    wordCount: 0,
    plain: plainShaper(parsed, scale),
    files: new Map(),
  };
  // The font's own methods stay reachable through the prototype (tables, metrics, glyphs).
  const font = Object.create(parsed) as fontkit.Font;
  font.layout = (text: string, features?: unknown) => {
    use.layoutCalls++;
    if (features) return parsed.layout(text, features);
    // A word not in the shared cache: pdfkit stores what we return there (see shareFont).
    if (++shared.wordCount > WORD_CACHE_LIMIT) {
      // Emptied in place, not replaced: the documents being written hold this very object as their
      // pdfkit word cache (shareFont), and a new one would leave theirs growing for as long as they
      // last — a 200,000-position discharge report kept ~400,000 words (over 1 GB) that way.
      for (const word in shared.words) delete shared.words[word];
      shared.wordCount = 1;
    }
    const plain = shared.plain.run(text);
    if (plain) {
      use.plainPieces++;
      return new WordRun(plain.glyphs, plain.positions, scale) as unknown as ReturnType<fontkit.Font['layout']>;
    }
    use.shapedWords++;
    const shaped = parsed.layout(text) as unknown as { glyphs: unknown[]; positions: Position[] };
    return new WordRun(shaped.glyphs, shaped.positions, scale) as unknown as ReturnType<fontkit.Font['layout']>;
  };
  font.createSubset = () => {
    use.subsetsCreated++;
    const subset = new TrueTypeSubset(tables) as LetterSubset;
    const encode = subset.encode.bind(subset);
    subset.file = null;
    subset.deflatedNext = false;
    subset.fontFile = () => {
      if (subset.file) return subset.file;
      // The file is a pure function of the glyph list (encode itself appends the components of
      // composite glyphs, deterministically): the same list gives the same bytes.
      const key = subset.glyphs.join(',');
      let file = shared.files.get(key);
      if (!file) {
        file = { bytes: encode(), deflated: null };
        if (shared.files.size >= FONT_FILE_LIMIT) shared.files.delete(shared.files.keys().next().value!);
        shared.files.set(key, file);
      }
      return (subset.file = file);
    };
    subset.encode = () => {
      use.subsetsEncoded++;
      const file = subset.fontFile();
      if (subset.deflatedNext) {
        // pdfkit is writing the font file into the object prepared by `compressedFontFile`.
        subset.deflatedNext = false;
        return file.deflated!;
      }
      return file.bytes;
    };
    return subset;
  };
  shared.font = font;
  return shared;
}

let fonts: Record<FontName, LetterFont> | null = null;

/** Our subsetter as a document's pdfkit font holds it, with its font file once made. */
interface LetterSubset extends TrueTypeSubset {
  file: FontFile | null;
  /** The font file of this subset, made (or found among the kept ones) on the first call. */
  fontFile(): FontFile;
  /** The next `encode` returns the compressed file (for the object `compressedFontFile` prepared). */
  deflatedNext: boolean;
}

/** A word as pdfkit caches it: glyphs, positions and advance width in PDF units. */
interface CachedRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** The fields of pdfkit's EmbeddedFont (0.20) the fast paths rely on. */
interface PdfkitEmbeddedFont {
  font?: unknown;
  document?: unknown;
  subset?: unknown;
  layoutCache?: unknown;
  layoutCached?: (text: string) => CachedRun;
  layoutRun?: unknown;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => unknown;
  embed?: (this: PdfkitEmbeddedFont) => unknown;
}

/**
 * pdfkit's `EmbeddedFont.layout` with the same result, faster: a string is laid out as its pieces
 * (each up to and including a space or tab, then the rest), their advance widths added in order, as
 * pdfkit does. A piece of plain characters is laid out glyph by glyph (`PlainShaper`, no fontkit
 * shaping, nothing kept); any other piece comes from the word cache (`layoutCached`: shaped by
 * fontkit once per process). pdfkit concatenates the glyph and position arrays piece by piece (a new
 * array per piece); here they grow in place, and a width alone makes no glyphs or positions at all.
 */
let lastText = '';
let lastFont: LetterFont | null = null;
let lastWidth = 0;
function fastLayout(shared: LetterFont, pdfkitLayout: NonNullable<PdfkitEmbeddedFont['layout']>) {
  const plain = shared.plain;
  return function layout(this: PdfkitEmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean) {
    if (features) return pdfkitLayout.call(this, text, features, onlyWidth);
    const layoutCached = this.layoutCached!;
    const n = text.length;
    if (onlyWidth) {
      // A cell is measured several times in a row (fit, the line's pieces, right alignment): the last answer per font.
      if (text === lastText && shared === lastFont) return { glyphs: null, positions: null, advanceWidth: lastWidth };
      let advanceWidth = 0;
      let last = 0;
      for (let i = 0; i <= n; i++) {
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== 32 && c !== 9) continue;
        } else if (last === n) break;
        const to = i < n ? i + 1 : n;
        let w = plain.width(text, last, to);
        if (Number.isNaN(w)) w = layoutCached.call(this, text.slice(last, to)).advanceWidth;
        advanceWidth += w;
        last = to;
      }
      lastText = text;
      lastFont = shared;
      lastWidth = advanceWidth;
      return { glyphs: null, positions: null, advanceWidth };
    }
    const glyphs: unknown[] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    let last = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9) continue;
      } else if (last === n) break;
      const to = i < n ? i + 1 : n;
      let w = plain.push(text, last, to, glyphs, positions);
      if (!Number.isNaN(w)) use.plainPieces++;
      else {
        // The glyphs and positions themselves are the cached word's, as pdfkit's concatenation gives.
        const run = layoutCached.call(this, text.slice(last, to));
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p as Position);
        w = run.advanceWidth;
      }
      advanceWidth += w;
      last = to;
    }
    return { glyphs, positions, advanceWidth };
  };
}

/** The fields of pdfkit's PDFReference (0.20) that `compressedFontFile` relies on. */
interface PdfkitReference {
  compress?: unknown;
  buffer?: unknown;
  data?: Record<string, unknown>;
}

/** Per document: the subset whose font file the next object pdfkit makes is (set while `embed` runs). */
const fontFileNext = new WeakMap<object, { subset: LetterSubset | null }>();

/**
 * Catches the objects a document makes (`doc.ref`, shadowed for the document's whole life: an
 * object whose properties come and go is slow for pdfkit's code ever after), to prepare the one
 * that `embed` makes for the font file (see `reuseFontFile`).
 */
function watchObjects(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as { ref?: (data?: unknown) => PdfkitReference };
  const ref = d.ref;
  if (typeof ref !== 'function' || Object.prototype.hasOwnProperty.call(d, 'ref')) throw new PdfkitInternalsError('PDFDocument.ref');
  const next: { subset: LetterSubset | null } = { subset: null };
  fontFileNext.set(doc, next);
  d.ref = function (data?: unknown) {
    const made = ref.call(this, data);
    if (next.subset) {
      const subset = next.subset;
      next.subset = null;
      compressedFontFile(made, data, subset);
    }
    return made;
  };
}

/**
 * The font file's object, made ready for the compressed bytes: what pdfkit's `write` and `finalize`
 * would have made of the file — `/Length` (then set to the compressed length) and `/Filter
 * /FlateDecode`, in this order — with pdfkit's compression off for it, so the kept bytes go in as
 * they are. An uncompressed document (compress: false) writes the file as it is: nothing to do.
 */
function compressedFontFile(made: PdfkitReference, data: unknown, subset: LetterSubset): void {
  if (made.compress !== true) return;
  if (data !== undefined || !Array.isArray(made.buffer) || made.buffer.length || !made.data || Object.keys(made.data).length) {
    throw new PdfkitInternalsError('PDFReference of the font file');
  }
  const file = subset.fontFile();
  if (file.deflated) use.fontFilesReused++;
  // What pdfkit's PDFReference.finalize would write: zlib.deflateSync of the file.
  file.deflated ??= zlib.deflateSync(file.bytes);
  made.compress = false;
  made.data.Length = 0;
  made.data.Filter = 'FlateDecode';
  subset.deflatedNext = true;
}

/**
 * pdfkit's `embed` makes the font file's object first and writes `subset.encode()` into it
 * (`fontFile.end(this.subset.encode())`), compressing it when the document ends. Here that object is
 * prepared for the compressed bytes (`compressedFontFile`) and `encode` returns them: the bytes zlib
 * gave for the same file in an earlier document, or gives now. If pdfkit did not write the file
 * this way, this throws instead of writing other bytes.
 */
function reuseFontFile(f: PdfkitEmbeddedFont): void {
  const embed = f.embed;
  if (typeof embed !== 'function' || Object.prototype.hasOwnProperty.call(f, 'embed')) throw new PdfkitInternalsError('EmbeddedFont.embed');
  f.embed = function (this: PdfkitEmbeddedFont) {
    const next = fontFileNext.get(this.document as object);
    const subset = this.subset as LetterSubset;
    if (!next || typeof subset?.fontFile !== 'function') throw new PdfkitInternalsError('EmbeddedFont.embed');
    next.subset = subset;
    let embedded: unknown;
    try {
      embedded = embed.call(this);
    } finally {
      next.subset = null;
    }
    if (subset.deflatedNext) throw new PdfkitInternalsError('EmbeddedFont.embed wrote no font file');
    return embedded;
  };
}

/**
 * Hands the font's shared word cache to the document's pdfkit font, in place of its own empty one.
 * pdfkit's `layoutCached(word)` returns the cached run, or shapes the word (our `layout`), scales it
 * and stores it: with the shared cache, that happens once per process instead of once per document.
 */
function shareFont(doc: PDFKit.PDFDocument, name: FontName, shared: LetterFont): void {
  const f = (doc as unknown as { _fontFamilies?: Record<string, PdfkitEmbeddedFont> })._fontFamilies?.[name];
  if (!f || f.font !== shared.font || typeof f.layoutCached !== 'function' || typeof f.layoutRun !== 'function' || !f.layoutCache || typeof f.layoutCache !== 'object' || Object.keys(f.layoutCache).length) {
    throw new PdfkitInternalsError('EmbeddedFont.layoutCache');
  }
  f.layoutCache = shared.words;
  use.wordCachesShared++;
  const layout = f.layout;
  if (typeof layout !== 'function' || layout.length !== 3 || Object.prototype.hasOwnProperty.call(f, 'layout')) throw new PdfkitInternalsError('EmbeddedFont.layout');
  f.layout = (shared.layout ??= fastLayout(shared, layout));
  reuseFontFile(f);
}

/** Registers the fonts as 'regular' and 'bold' in a new document (parsed on the first call of the process). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  fonts ??= { regular: letterFont(FONT_FILES.regular), bold: letterFont(FONT_FILES.bold) };
  doc.registerFont('regular', fonts.regular.font as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold.font as unknown as PDFKit.Mixins.PDFFontSource);
  // Font ids (F1 bold, F2 regular) decide the subset tags, hence the bytes: always this order.
  doc.font('bold');
  doc.font('regular');
  watchObjects(doc);
  for (const name of FONT_NAMES) shareFont(doc, name, fonts[name]);
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

/**
 * The QR-bill's texts measured and encoded once per font: its labels recur on every bill, and
 * pdfkit looks up the kerning of every pair of letters again each time. `widthOfString` keeps the
 * sum of the advances (pdfkit's own `widthOfString` at size 1000) and scales it as pdfkit does;
 * `encode` keeps pdfkit's result and hands out arrays of their own.
 */
interface StandardMemo {
  widthOfString: (this: unknown, text: string, size: number) => number;
  encode: (this: unknown, text: string) => [string[], unknown[]];
}
const standardMemos = new Map<string, StandardMemo>();
const STANDARD_MEMO_LIMIT = 20_000;

function standardMemo(template: StandardFontLike): StandardMemo {
  const proto = Object.getPrototypeOf(template) as { widthOfString?: unknown; encode?: unknown };
  const pdfkitWidth = proto.widthOfString;
  const pdfkitEncode = proto.encode;
  if (typeof pdfkitWidth !== 'function' || pdfkitWidth.length !== 2 || typeof pdfkitEncode !== 'function') throw new PdfkitInternalsError('StandardFont.widthOfString / encode');
  let widths = new Map<string, number>();
  let encoded = new Map<string, [string[], unknown[]]>();
  return {
    widthOfString(text, size) {
      const key = `${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        // pdfkit returns (sum of advances) × size / 1000: at size 1000, the sum itself.
        width = (pdfkitWidth as (t: string, s: number) => number).call(this, key, 1000);
        if (widths.size >= STANDARD_MEMO_LIMIT) widths = new Map();
        widths.set(key, width);
      }
      return width * (size / 1000);
    },
    encode(text) {
      const key = String(text);
      let done = encoded.get(key);
      if (!done) {
        done = (pdfkitEncode as (t: string) => [string[], unknown[]]).call(this, text);
        if (encoded.size >= STANDARD_MEMO_LIMIT) encoded = new Map();
        encoded.set(key, done);
      }
      return [done[0].slice(), done[1].slice()];
    },
  };
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
      const memo = standardMemos.get(name)!;
      copy.widthOfString = memo.widthOfString;
      copy.encode = memo.encode;
      families[name] = copy;
      use.standardFontsShared++;
      continue;
    }
    doc.font(name);
    const made = families[name] as StandardFontLike | undefined;
    if (!made || made.name !== name || typeof made.encode !== 'function' || typeof made.font?.widthOfGlyph !== 'function') throw new PdfkitInternalsError(`standard font ${name}`);
    for (const key of STANDARD_FIELDS) if (!(key in made)) throw new PdfkitInternalsError(`standard font field ${key}`);
    standardTemplates.set(name, made);
    standardMemos.set(name, standardMemo(made));
  }
}
