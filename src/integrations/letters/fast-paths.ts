import { contentUse } from './pdf-document.ts';
import { fastPathUse } from './pdf-fonts.ts';
import { rectBatchUse } from './pdf-rect-batch.ts';

/**
 * Which of the letters' speed paths pdfkit actually went through since the process started (after
 * at least two letters, one of them CHF). Each path either applies or throws; this tells a test (and
 * an operator) that none was bypassed by a pdfkit or swissqrbill upgrade — which would change the
 * bytes of stored letters or lose a factor 4 in speed without any error.
 */
export interface LetterFastPaths {
  /** The DejaVu fonts parsed once per process and handed to pdfkit's `registerFont` as parsed fonts. */
  parsedFontsShared: boolean;
  /** Word shaping shared between documents (pdfkit's word cache of each font handed to every document). */
  wordCacheShared: boolean;
  /** Words of plain Latin characters laid out glyph by glyph, without fontkit's shaping (pdf-fonts.ts, PlainShaper). */
  plainGlyphs: boolean;
  /** Every font subset made and written by our byte-copying subsetter (ttf-subset.ts), none by fontkit's. */
  byteSubsetter: boolean;
  /** A font file (same glyphs in the same order as an earlier document's) written from its kept compressed bytes. */
  fontFilesReused: boolean;
  /** Each page's content operators written in one piece instead of one byte array each. */
  pageContentBuffered: boolean;
  /** The QR-bill's modules merged into column runs (pdf-rect-batch.ts). */
  qrRectsMerged: boolean;
  /** Helvetica's parsed metrics shared by the QR-bills of later documents. */
  helveticaShared: boolean;
}

export function letterFastPaths(): LetterFastPaths {
  const f = fastPathUse();
  const r = rectBatchUse();
  return {
    parsedFontsShared: f.fontsParsed === 2 && f.layoutCalls > 0,
    wordCacheShared: f.wordCachesShared > 0,
    plainGlyphs: f.plainPieces > 0,
    byteSubsetter: f.subsetsCreated > 0 && f.subsetsEncoded > 0,
    fontFilesReused: f.fontFilesReused > 0,
    pageContentBuffered: contentUse.pagesBuffered > 0,
    qrRectsMerged: r.operators > 0 && r.rects > r.operators,
    helveticaShared: f.standardFontsShared > 0,
  };
}
