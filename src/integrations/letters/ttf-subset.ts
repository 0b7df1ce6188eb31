/**
 * A TrueType subsetter working on the font's bytes, used in place of fontkit's for the letters'
 * embedded fonts. fontkit decodes every glyph's outline (points and all) and re-encodes the tables
 * through its generic struct encoder; that was a third of the time of a one-page letter. A PDF needs
 * only the outlines copied as they are, so this copies bytes: glyf entries (composite glyphs get their
 * component ids renumbered), loca, hmtx, and head/hhea/maxp with the new counts; cvt, fpgm and prep
 * (the hinting programs) unchanged. The same tables and glyph order as fontkit's subset (glyph 0
 * first, then the order of inclusion, components appended as found), so the PDF is equivalent.
 */

interface Table {
  offset: number;
  length: number;
}

/** A TrueType (glyf-outline) font's tables, parsed once per process and shared by every subset. */
export class TrueTypeFont {
  private constructor(
    readonly bytes: Uint8Array,
    readonly view: DataView,
    readonly tables: Map<string, Table>,
    readonly numGlyphs: number,
    readonly numberOfHMetrics: number,
    readonly longLoca: boolean,
  ) {}

  /** The font, or null when it is not a plain TrueType font this subsetter handles (CFF, collections, missing tables). */
  static parse(input: Uint8Array): TrueTypeFont | null {
    // A plain Uint8Array view: on a Node Buffer, slice() would share memory, and the copies below
    // (head, hhea, maxp, composite glyphs) must never write into the font.
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (bytes.length < 12) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = view.getUint32(0);
    if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return null;
    const numTables = view.getUint16(4);
    const tables = new Map<string, Table>();
    for (let i = 0; i < numTables; i++) {
      const r = 12 + i * 16;
      if (r + 16 > bytes.length) return null;
      const tag = String.fromCharCode(bytes[r]!, bytes[r + 1]!, bytes[r + 2]!, bytes[r + 3]!);
      const offset = view.getUint32(r + 8);
      const length = view.getUint32(r + 12);
      if (offset + length > bytes.length) return null;
      tables.set(tag, { offset, length });
    }
    for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) if (!tables.has(tag)) return null;
    const head = tables.get('head')!;
    const hhea = tables.get('hhea')!;
    const maxp = tables.get('maxp')!;
    if (head.length < 54 || hhea.length < 36 || maxp.length < 6) return null;
    const longLoca = view.getInt16(head.offset + 50) === 1;
    return new TrueTypeFont(bytes, view, tables, view.getUint16(maxp.offset + 4), view.getUint16(hhea.offset + 34), longLoca);
  }

  table(tag: string): Uint8Array | null {
    const t = this.tables.get(tag);
    return t ? this.bytes.subarray(t.offset, t.offset + t.length) : null;
  }

  /** The glyph's bytes in glyf (empty for blank glyphs such as the space). */
  glyph(gid: number): Uint8Array {
    if (gid < 0 || gid >= this.numGlyphs) return new Uint8Array(0);
    const loca = this.tables.get('loca')!.offset;
    const at = (i: number) => (this.longLoca ? this.view.getUint32(loca + i * 4) : this.view.getUint16(loca + i * 2) * 2);
    const start = at(gid);
    const end = at(gid + 1);
    const glyf = this.tables.get('glyf')!.offset;
    return end > start ? this.bytes.subarray(glyf + start, glyf + end) : new Uint8Array(0);
  }

  /** Advance width and left side bearing, from hmtx (glyphs past numberOfHMetrics repeat the last advance). */
  metrics(gid: number): { advance: number; lsb: number } {
    const hmtx = this.tables.get('hmtx')!.offset;
    const n = this.numberOfHMetrics;
    if (gid < n) return { advance: this.view.getUint16(hmtx + gid * 4), lsb: this.view.getInt16(hmtx + gid * 4 + 2) };
    return { advance: this.view.getUint16(hmtx + (n - 1) * 4), lsb: this.view.getInt16(hmtx + n * 4 + (gid - n) * 2) };
  }
}

// Composite glyph flags (OpenType spec, glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The subset interface pdfkit's EmbeddedFont uses: includeGlyph while drawing, encode when the document ends. */
export class TrueTypeSubset {
  /** Not a CFF font (pdfkit checks this to choose the font file type). */
  readonly cff = undefined;
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, added at the end the first time it is seen. */
  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'object' ? glyph.id : glyph;
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, id);
    }
    return id;
  }

  /** The subset font file: cvt, fpgm, glyf, head, hhea, hmtx, loca (long), maxp, prep. */
  encode(): Uint8Array {
    const f = this.font;
    const glyphData: Uint8Array[] = [];
    // The list grows while composite glyphs add their components.
    for (let i = 0; i < this.glyphs.length; i++) glyphData.push(this.copyGlyph(this.glyphs[i]!));
    const n = this.glyphs.length;

    let glyfLength = 0;
    const loca = new Uint8Array((n + 1) * 4);
    const locaView = new DataView(loca.buffer);
    for (let i = 0; i < n; i++) {
      locaView.setUint32(i * 4, glyfLength);
      glyfLength += glyphData[i]!.length;
    }
    locaView.setUint32(n * 4, glyfLength);
    const glyf = new Uint8Array(glyfLength);
    let at = 0;
    for (const g of glyphData) {
      glyf.set(g, at);
      at += g.length;
    }

    const hmtx = new Uint8Array(n * 4);
    const hmtxView = new DataView(hmtx.buffer);
    this.glyphs.forEach((gid, i) => {
      const m = f.metrics(gid);
      hmtxView.setUint16(i * 4, m.advance);
      hmtxView.setInt16(i * 4 + 2, m.lsb);
    });

    const head = f.table('head')!.slice(0, 54);
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set below
    headView.setInt16(50, 1); // long loca offsets
    const hhea = f.table('hhea')!.slice(0, 36);
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = f.table('maxp')!.slice();
    new DataView(maxp.buffer).setUint16(4, n);

    const tables: [string, Uint8Array][] = [
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
    ];
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const t = f.table(tag);
      if (t) tables.push([tag, t]);
    }
    return writeFont(tables);
  }

  /** The glyph's bytes; a composite glyph is copied and its component ids renumbered (components included). */
  private copyGlyph(gid: number): Uint8Array {
    const src = this.font.glyph(gid);
    if (src.length < 10) return src;
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    if (view.getInt16(0) >= 0) return src;
    const out = src.slice();
    const outView = new DataView(out.buffer);
    let p = 10;
    let flags: number;
    do {
      if (p + 4 > src.length) break;
      flags = view.getUint16(p);
      outView.setUint16(p + 2, this.includeGlyph(view.getUint16(p + 2)));
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    } while (flags & MORE_COMPONENTS);
    return out;
  }
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file: directory (tables sorted by tag), each table 4-byte aligned, checksums and head.checkSumAdjustment set. */
function writeFont(entries: [string, Uint8Array][]): Uint8Array {
  const tables = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const n = tables.length;
  const dirLength = 12 + n * 16;
  let size = dirLength;
  for (const [, data] of tables) size += (data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, n * 16 - searchRange);
  let offset = dirLength;
  let headOffset = -1;
  tables.forEach(([tag, data], i) => {
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[r + k] = tag.charCodeAt(k);
    view.setUint32(r + 4, checksum(data));
    view.setUint32(r + 8, offset);
    view.setUint32(r + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
