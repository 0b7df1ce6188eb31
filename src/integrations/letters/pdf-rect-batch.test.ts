import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { batchRects } from './pdf-rect-batch.ts';

/** The page's content stream as text (the documents here are uncompressed). */
async function content(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = new PDFDocument({ compress: false, font: '', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  const pdf = (await done).toString('latin1');
  const m = /stream\n([\s\S]*?)\nendstream/.exec(pdf);
  return m ? m[1]! : '';
}

describe('batchRects', () => {
  const modules = (doc: PDFKit.PDFDocument) => {
    doc.save();
    // A column of three adjacent modules, a gap, one more; then the next column.
    for (const [x, y] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 4],
      [1, 0],
    ] as const)
      doc.rect(10 + x * 2.304545, 20 + y * 2.304545, 2.304545, 2.304545);
    doc.fillColor('black').fill();
    doc.rect(50, 50, 10, 10).fillColor('white').fill();
    doc.restore();
  };

  it('merges vertically adjacent rectangles of a column and keeps everything else in order', async () => {
    const plain = await content(modules);
    const batched = await content((doc) => batchRects(doc, () => modules(doc)));
    expect(plain.match(/ re/g)).toHaveLength(6);
    expect(batched.match(/ re/g)).toHaveLength(4);
    expect(batched).toContain('10 20 2.304545 6.913635 re\n10 29.21818 2.304545 2.304545 re\n12.304545 20 2.304545 2.304545 re');
    // Apart from the rectangles the operators are the same, in the same order.
    const others = (s: string) => s.split('\n').filter((l) => !l.endsWith(' re'));
    expect(others(batched)).toEqual(others(plain));
  });

  it('draws as pdfkit does afterwards, also when drawing throws', async () => {
    const plain = await content(modules);
    const after = await content((doc) => {
      expect(() =>
        batchRects(doc, () => {
          doc.rect(1, 2, 3, 4);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      modules(doc);
    });
    expect(after).toBe(plain);
  });
});
