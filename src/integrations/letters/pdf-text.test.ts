import { describe, expect, it } from 'vitest';
import { openDocument } from './pdf-document.ts';
import { amount, fit, line, single } from './pdf-text.ts';

type Align = 'left' | 'right' | 'center';

/** Draws the same cells twice — through `line`/`amount` and through pdfkit's own `doc.text` — and returns both files and where each left the document. */
async function both(draw: (doc: PDFKit.PDFDocument, cell: (text: string, x: number, y: number, width: number, align?: Align) => void, amt: (text: string, x: number, y: number, width: number, size: number) => void) => void) {
  const run = async (ours: boolean) => {
    const { doc, done } = openDocument({ date: '2025-03-15', title: 't', author: 'a', fingerprint: 'cells' });
    doc.addPage();
    const after: number[][] = [];
    const cell = (text: string, x: number, y: number, width: number, align: Align = 'left') => {
      if (ours) line(doc, text, x, y, width, align);
      else doc.text(fit(doc, single(text), width), x, y, { width, align, lineBreak: false });
      after.push([doc.x, doc.y, doc.bufferedPageRange().count]);
    };
    const amt = (text: string, x: number, y: number, width: number, size: number) => {
      if (ours) amount(doc, text, x, y, width, size);
      else {
        let s = size;
        doc.fontSize(s);
        while (s > 5 && doc.widthOfString(text) > width) doc.fontSize((s -= 0.5));
        doc.text(text, x, y, { width, align: 'right', lineBreak: false });
        doc.fontSize(size);
      }
      after.push([doc.x, doc.y, doc.bufferedPageRange().count]);
    };
    draw(doc, cell, amt);
    doc.end();
    return { pdf: await done, after };
  };
  return { ours: await run(true), pdfkit: await run(false) };
}

describe('line and amount — one-line cells without pdfkit’s LineWrapper, the same bytes as with it', () => {
  it('draws every kind of cell as pdfkit does, and leaves the document where pdfkit leaves it', async () => {
    const texts = [
      '',
      'Capitale',
      'Niccolò Müller-Sàntoro',
      'L-BENCH-00100020',
      'R-2024-00060 / 2025/008',
      '1.234,56\u00a0€',
      'Via Sant’Agnese 7, Scala B, interno 12, 10121 Torino TO',
      'con\u00adtratto',
      'riga\u2028due',
      'tab\tand  two  spaces',
      'Łukasz Ștefan 😀 漢字 ﬁ office',
      'Établissements Très-Long-Nom-Sans-Espaces-'.repeat(4),
    ];
    const { ours, pdfkit } = await both((doc, cell, amt) => {
      let y = 60;
      for (const [font, size] of [
        ['regular', 8],
        ['bold', 10.5],
      ] as const) {
        doc.font(font).fontSize(size);
        for (const text of texts) {
          for (const align of ['left', 'right', 'center'] as const) {
            // Widths around the text's own: where one line just fits, just does not, or is cut.
            const w = doc.widthOfString(text);
            for (const width of [300, w, w + 1e-9, w - 1e-9, w + 0.01, w - 0.01, w * 0.6, 40]) {
              cell(text, 50, (y = y > 700 ? 60 : y + 0.37), width, align);
            }
          }
          amt(text, 300, y, 60, 8);
        }
      }
      // Near the bottom margin pdfkit starts a new page: so must we.
      for (const y of [745, 750, 757.3, 760, 790, 800]) cell('Seite 1/2', 50, y, 200, 'right');
      doc.lineGap(2);
      cell('with the document’s line gap', 50, 100, 300);
    });
    expect(ours.after).toEqual(pdfkit.after);
    expect(ours.pdf.equals(pdfkit.pdf)).toBe(true);
  });
});
