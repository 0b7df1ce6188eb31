import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { letterFastPaths } from './fast-paths.ts';
import { renderLetterPdf } from './letter-pdf.ts';
import { openDocument } from './pdf-document.ts';
import { fastPathUse, prepareStandardFonts } from './pdf-fonts.ts';
import { batchRects, rectBatchUse } from './pdf-rect-batch.ts';
import { italianLetter, swissGermanLetter } from './test-fixtures.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Stored letters carry their SHA-256 and are promised byte-identical on re-render. These hashes pin
 * the bytes of two fixed letters: a change of layout, fonts, pdfkit, swissqrbill or of a fast path
 * fails here (bump LETTER_LAYOUT_VERSION and the hashes together, on purpose). The bytes depend on
 * zlib's output too, so they are pinned for the zlib of the supported runtime (Node 24); on another
 * zlib only the render-twice comparison runs.
 */
const GOLDEN_ZLIB = '1.3.2.1-motley-8002e91';
const GOLDEN = {
  italian: '43b491487e0a53105aabf7cc29469d27f2c1eb8defbe2620ad3fdbfd30c5fd87',
  swissGerman: '6dce0f5731092a34640b3ec44f3c2ce1f535178a597cdc73d23d4cc1fd43418a',
};

describe('letters — fast paths and stable bytes', () => {
  it('goes through every fast path, each letter with our subsetter and shared fonts', async () => {
    const before = fastPathUse();
    const rectsBefore = rectBatchUse();
    const a = await renderLetterPdf(swissGermanLetter());
    const between = fastPathUse();
    const b = await renderLetterPdf(swissGermanLetter());
    expect(b.equals(a)).toBe(true);
    const after = fastPathUse();
    // The second letter's words all came from the shared word caches: none shaped again.
    expect(after.layoutCalls - between.layoutCalls).toBe(0);
    expect(after.wordCachesShared - before.wordCachesShared).toBe(4);
    // The same glyphs in the same order: both font files written from the first letter's compressed bytes.
    expect(after.fontFilesReused - between.fontFilesReused).toBe(2);
    // Two fonts per document, each subset made and written by ttf-subset.ts.
    expect(after.subsetsCreated - before.subsetsCreated).toBe(4);
    expect(after.subsetsEncoded - before.subsetsEncoded).toBe(4);
    expect(after.fontsParsed).toBe(2);
    expect(after.standardFontsShared - before.standardFontsShared).toBeGreaterThanOrEqual(2);
    const rects = rectBatchUse();
    expect(rects.rects - rectsBefore.rects).toBeGreaterThan(1.5 * (rects.operators - rectsBefore.operators));
    expect(letterFastPaths()).toEqual({ parsedFontsShared: true, wordCacheShared: true, plainGlyphs: true, byteSubsetter: true, fontFilesReused: true, pageContentBuffered: true, qrRectsMerged: true, helveticaShared: true });
  });

  it.skipIf(process.versions.zlib !== GOLDEN_ZLIB)('gives the pinned bytes for a fixed letter (golden SHA-256)', async () => {
    expect(sha256(await renderLetterPdf(italianLetter()))).toBe(GOLDEN.italian);
    expect(sha256(await renderLetterPdf(swissGermanLetter()))).toBe(GOLDEN.swissGerman);
  });

  it("lays out strings as pdfkit's own EmbeddedFont.layout does (glyphs, positions, widths)", () => {
    const doc = openDocument({ date: '2025-03-15', title: 't', author: 'a', fingerprint: 'layout' }).doc;
    const texts = ['', ' ', '  ', 'Wort', 'zwei Wörter', ' führend', 'hinten ', 'a  b\tc \t d', 'Müller-Sàntoro, Via Sant’Agnese 7', '1.234,56 €', 'ﬁ office ffi', 'Łukasz Ștefan 😀 漢字'];
    for (const name of ['regular', 'bold']) {
      doc.font(name);
      const font = (doc as unknown as { _font: { layout: (t: string, f?: unknown, w?: boolean) => unknown } })._font;
      const pdfkitLayout = Object.getPrototypeOf(font).layout as typeof font.layout;
      expect(font.layout).not.toBe(pdfkitLayout);
      for (const text of texts) {
        expect(font.layout(text), text).toEqual(pdfkitLayout.call(font, text));
        // Twice: the second answer comes from the remembered widths.
        for (let i = 0; i < 2; i++) expect(font.layout(text, undefined, true), text).toEqual(pdfkitLayout.call(font, text, undefined, true));
      }
    }
    doc.end();
  });

  it('lays out plain Latin words glyph by glyph exactly as fontkit shapes them: kerning pairs applied, ligatures and other scripts left to fontkit', () => {
    const doc = openDocument({ date: '2025-03-15', title: 't', author: 'a', fingerprint: 'plain' }).doc;
    const plainChars: string[] = [];
    for (const [from, to] of [[0x20, 0x7e], [0xa0, 0x17f], [0x2013, 0x2026], [0x20ac, 0x20ac]] as const) for (let c = from; c <= to; c++) plainChars.push(String.fromCharCode(c));
    // Letters and signs with kerning pairs or ligatures in DejaVu Sans, to meet them often.
    const kerning = Array.from('AVWTYLPFRKfilrtvwy-.,:;’‘“”«»\'"0123456789 ÀÈÝ');
    let seed = 16;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const word = (chars: readonly string[]) => Array.from({ length: 1 + Math.floor(random() * 10) }, () => chars[Math.floor(random() * chars.length)]!).join('');
    const texts = [
      ...plainChars,
      ...Array.from({ length: 400 }, () => word(plainChars)),
      ...Array.from({ length: 800 }, () => word(kerning)),
      'office', 'ffi', 'fl', 'R-0001234', 'AVATAR', 'Tòrre', 'L’Aquila', 'Ŵŷ', 'Łódź 1.234,56 €', 'i\u0307', 'e\u0301', 'Ω', '😀',
    ];
    const before = fastPathUse();
    for (const name of ['regular', 'bold']) {
      doc.font(name);
      const font = (doc as unknown as { _font: { scale: number; font: object; layout: (t: string, f?: unknown, w?: boolean) => { glyphs: unknown[] | null; positions: object[] | null; advanceWidth: number } } })._font;
      // fontkit's own shaping (the parsed font behind ours), scaled as pdfkit's layoutRun does, piece by piece as pdfkit's layout.
      const fontkitLayout = (Object.getPrototypeOf(font.font) as { layout: (t: string) => { glyphs: { advanceWidth: number }[]; positions: Record<string, number>[] } }).layout;
      const expected = (text: string) => {
        const glyphs: unknown[] = [];
        const positions: object[] = [];
        let advanceWidth = 0;
        for (const piece of text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? []) {
          const run = fontkitLayout.call(Object.getPrototypeOf(font.font), piece);
          let width = 0;
          run.positions.forEach((p, i) => {
            width += p.xAdvance! * font.scale;
            for (const key in p) p[key]! *= font.scale;
            p.advanceWidth = run.glyphs[i]!.advanceWidth * font.scale;
            glyphs.push(run.glyphs[i]);
            positions.push({ ...p });
          });
          advanceWidth += width;
        }
        return { glyphs, positions, advanceWidth };
      };
      for (const text of texts) {
        const want = expected(text);
        const got = font.layout(text);
        expect(got.glyphs!.length, text).toBe(want.glyphs.length);
        got.glyphs!.forEach((g, i) => expect(g, text).toBe(want.glyphs[i]));
        expect(got.positions!.map((p) => ({ ...p })), text).toEqual(want.positions);
        expect(got.advanceWidth, text).toBe(want.advanceWidth);
        expect(font.layout(text, undefined, true).advanceWidth, text).toBe(want.advanceWidth);
      }
    }
    // Most of these words went glyph by glyph.
    expect(fastPathUse().plainPieces - before.plainPieces).toBeGreaterThan(texts.length);
    doc.end();
  }, 60_000);

  it('throws instead of silently drawing otherwise when pdfkit internals are not as expected', () => {
    const doc = new PDFDocument({ font: '', autoFirstPage: false });
    (doc as unknown as { _fontFamilies?: unknown })._fontFamilies = undefined;
    expect(() => prepareStandardFonts(doc, ['Helvetica'])).toThrow(/pdfkit internals changed/);
    const other = new PDFDocument({ font: '', autoFirstPage: false });
    (other as unknown as { addContent?: unknown }).addContent = undefined;
    expect(() => batchRects(other, () => 1)).toThrow(/pdfkit internals changed/);
  });
});
