import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TrueTypeFont, TrueTypeSubset } from './ttf-subset.ts';

const FONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts/DejaVuSans.ttf');

function isComposite(font: TrueTypeFont, gid: number): boolean {
  const g = font.glyph(gid);
  return g.length >= 10 && new DataView(g.buffer, g.byteOffset, g.byteLength).getInt16(0) < 0;
}

/** The component glyph ids of a composite glyph, in order. */
function components(glyph: Uint8Array): number[] {
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  const out: number[] = [];
  let p = 10;
  let flags: number;
  do {
    flags = view.getUint16(p);
    out.push(view.getUint16(p + 2));
    p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
  } while (flags & 0x20);
  return out;
}

describe('TrueTypeSubset', () => {
  const bytes = fs.readFileSync(FONT);
  const font = TrueTypeFont.parse(bytes)!;

  it('copies simple glyphs, renumbers composite components and keeps metrics', () => {
    const composites: number[] = [];
    for (let gid = 1; gid < font.numGlyphs && composites.length < 20; gid++) if (isComposite(font, gid)) composites.push(gid);
    const simple = [36, 37, 68, 69, 3];
    const subset = new TrueTypeSubset(font);
    for (const gid of [...simple, ...composites]) subset.includeGlyph(gid);
    expect(subset.includeGlyph(36)).toBe(1);
    const out = TrueTypeFont.parse(subset.encode())!;
    expect(out).not.toBeNull();
    expect(out.numGlyphs).toBe(subset.glyphs.length);
    subset.glyphs.forEach((orig, gid) => {
      expect(out.metrics(gid)).toEqual(font.metrics(orig));
      if (!isComposite(font, orig)) {
        expect(Buffer.from(out.glyph(gid)).equals(Buffer.from(font.glyph(orig)))).toBe(true);
      } else {
        // Each component now points at the subset glyph that holds the original component.
        expect(components(out.glyph(gid)).map((c) => subset.glyphs[c])).toEqual(components(font.glyph(orig)));
      }
    });
  });

  it('writes a well-formed sfnt: checksums right and the font file itself untouched', () => {
    const before = Buffer.from(bytes).toString('base64');
    const subset = new TrueTypeSubset(font);
    for (let gid = 1; gid < 400; gid += 3) subset.includeGlyph(gid);
    const out = subset.encode();
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    let sum = 0;
    for (let i = 0; i < out.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    expect(view.getUint16(4)).toBe(9);
    expect(Buffer.from(bytes).toString('base64')).toBe(before);
    expect(Buffer.from(new TrueTypeSubset(font).encode()).equals(Buffer.from(new TrueTypeSubset(font).encode()))).toBe(true);
  });

  it('declines fonts it does not handle', () => {
    expect(TrueTypeFont.parse(new Uint8Array(8))).toBeNull();
    expect(TrueTypeFont.parse(Buffer.from('OTTO' + '\0'.repeat(40)))).toBeNull();
  });
});
