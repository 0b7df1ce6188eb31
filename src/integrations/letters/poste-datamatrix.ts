import bwipjs from 'bwip-js';
import { batchRects } from './pdf-rect-batch.ts';

/*
 * The Data Matrix of the Bollettino Postale PA (ISO/IEC 16022, ECC 200), drawn as vector squares in
 * black, about 25 × 25 mm (docs.pagopa.it/avviso-pagamento "Bollettino Postale PA"; municipal-notes.md
 * §2.6). The payload is domain/municipal/poste.ts `posteDataMatrixPayload` (256 printable ASCII
 * characters); bwip-js (Barcode Writer in Pure PostScript, MIT) encodes it and picks the smallest
 * square symbol that holds it. Only the module matrix is taken from bwip-js: the letter draws it.
 */

export interface DataMatrixSymbol {
  /** Modules per side. */
  size: number;
  dark(x: number, y: number): boolean;
}

/** The symbol's modules for a payload (square, ECC 200). */
export function encodeDataMatrix(payload: string): DataMatrixSymbol {
  const raw = bwipjs.raw('datamatrix', payload, 'format=square');
  const m = raw[0] as { pixs: number[]; pixx: number; pixy: number } | undefined;
  if (!m || !('pixs' in m) || m.pixx !== m.pixy) throw new Error('bwip-js gave no square Data Matrix');
  return { size: m.pixx, dark: (x, y) => m.pixs[y * m.pixx + x] === 1 };
}

/**
 * Draws the Data Matrix with its top-left corner at (x, y), `size` points wide; the caller leaves a
 * quiet zone of white around it (at least one module, ISO/IEC 16022).
 */
export function drawPosteDataMatrix(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, size: number): void {
  const symbol = encodeDataMatrix(payload);
  const m = size / symbol.size;
  doc.save();
  batchRects(doc, () => {
    for (let col = 0; col < symbol.size; col++) {
      for (let row = 0; row < symbol.size; row++) if (symbol.dark(col, row)) doc.rect(x + col * m, y + row * m, m, m);
    }
    doc.fillColor('black');
    doc.fill();
  });
  doc.restore();
}
