import { describe, expect, it } from 'vitest';
import { encodePagopaQr } from './pagopa-qr.ts';

describe('pagoPA QR symbol', () => {
  it('is version 4 (33 × 33 modules) at error correction level M for a notice payload, as the spec prints it', () => {
    // The spec's example (docs.pagopa.it "Codice QR") and a payload with ten digits of cents.
    for (const payload of ['PAGOPA|002|000000000000000000|00000000000|9999', 'PAGOPA|002|301000000000123451|80012345678|9999999999']) {
      const qr = encodePagopaQr(payload) as unknown as { version: number; size: number; errorCorrectionLevel: { ordinal: number } };
      expect(qr.version).toBe(4);
      expect(qr.size).toBe(33);
      expect(qr.errorCorrectionLevel.ordinal).toBe(1); // LOW 0, MEDIUM 1, QUARTILE 2, HIGH 3
    }
  });
});
