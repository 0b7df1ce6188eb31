import { createRequire } from 'node:module';
import path from 'node:path';
import { batchRects } from './pdf-rect-batch.ts';

/*
 * The pagoPA QR code of a payment notice: ISO/IEC 18004, error correction level M, drawn as vector
 * squares, monochrome, about 25 × 25 mm (docs.pagopa.it/avviso-pagamento "Codice QR";
 * municipal-notes.md §2.5). The payload (`PAGOPA|002|…`, 48–53 characters) fits version 4 (33 × 33
 * modules) at level M, as the spec's example.
 *
 * The encoder is the one the Swiss QR-bills already use: swissqrbill ships Project Nayuki's QR Code
 * generator (MIT) without exporting it, so it is loaded by path from the package's own directory
 * (no new dependency). If a swissqrbill upgrade moves it, this throws — check before upgrading.
 */

interface QrCode {
  readonly size: number;
  readonly version: number;
  getModule(x: number, y: number): boolean;
}
interface QrGen {
  QrCode: {
    encodeSegments(segs: unknown[], ecl: unknown, minVersion?: number, maxVersion?: number, mask?: number, boostEcl?: boolean): QrCode;
    Ecc: { MEDIUM: unknown };
  };
  QrSegment: { makeSegments(text: string): unknown[] };
}

let generator: QrGen | null = null;
function qrcodegen(): QrGen {
  if (generator) return generator;
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('swissqrbill/pdf')), '..', 'shared', 'qr-code-generator.cjs');
  const mod = require(file) as { qrcodegen?: QrGen };
  const gen = mod.qrcodegen;
  if (!gen || typeof gen.QrCode?.encodeSegments !== 'function' || typeof gen.QrSegment?.makeSegments !== 'function' || !gen.QrCode.Ecc?.MEDIUM) {
    throw new Error('swissqrbill internals changed (shared/qr-code-generator): check src/integrations/letters/pagopa-qr.ts before upgrading swissqrbill');
  }
  generator = gen;
  return gen;
}

/** The QR symbol of a payload at level M exactly (no boost to a higher level, as the spec asks). */
export function encodePagopaQr(payload: string): QrCode {
  const gen = qrcodegen();
  return gen.QrCode.encodeSegments(gen.QrSegment.makeSegments(payload), gen.QrCode.Ecc.MEDIUM, 1, 40, -1, false);
}

/**
 * Draws the QR code with its top-left corner at (x, y), `size` points wide (quiet zone not included:
 * the caller leaves 4 modules of white around it). One square per dark module, merged column by column.
 */
export function drawPagopaQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, size: number): void {
  const qr = encodePagopaQr(payload);
  const m = size / qr.size;
  doc.save();
  batchRects(doc, () => {
    for (let col = 0; col < qr.size; col++) {
      for (let row = 0; row < qr.size; row++) if (qr.getModule(col, row)) doc.rect(x + col * m, y + row * m, m, m);
    }
    doc.fillColor('black');
    doc.fill();
  });
  doc.restore();
}
