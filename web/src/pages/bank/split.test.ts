import { describe, expect, it } from 'vitest';
import { errorsByPart, fromCents, splitIsExact, splitRemainder, toCents } from './split';

describe('splitting a bank entry', () => {
  it('computes the remainder exactly, in cents', () => {
    expect(splitRemainder('100.00', ['33.33', '33.33'])).toBe('33.34');
    expect(splitRemainder('0.30', ['0.1', '0.2'])).toBe('0.00'); // 0.1 + 0.2 is not 0.30000000000000004 here
    expect(splitRemainder('1234567.89', ['1234567.88'])).toBe('0.01');
    expect(splitRemainder('100', ['60', '50'])).toBe('-10.00');
    expect(splitRemainder('100.00', [null, '40'])).toBe('60.00');
    expect(splitRemainder('9999999999999.99', ['0.01'])).toBe('9999999999999.98');
  });

  it('is exact only when every part is positive and the sum is the entry’s amount', () => {
    expect(splitIsExact('100.00', ['60.00', '40.00'])).toBe(true);
    expect(splitIsExact('100.00', ['60.00', '39.99'])).toBe(false);
    expect(splitIsExact('100.00', ['100.00', '0'])).toBe(false);
    expect(splitIsExact('100.00', ['100.00'])).toBe(false);
    expect(splitIsExact('100.00', ['60.00', null])).toBe(false);
  });

  it('reads amounts as cents and back', () => {
    expect(toCents('12.5')).toBe(1250n);
    expect(toCents('-3.10')).toBe(-310n);
    expect(toCents('1.234')).toBeNull();
    expect(toCents('abc')).toBeNull();
    expect(fromCents(-5n)).toBe('-0.05');
  });

  it('puts the server’s errors under their part', () => {
    const { parts, general } = errorsByPart([
      { path: 'parts.1.claimIds', message: 'Pratica di un altro debitore' },
      { path: 'parts.0', message: 'Creditore inesistente' },
      { path: 'parts', message: 'Le parti sommano 99,99' },
    ]);
    expect(parts.get(1)).toEqual(['Pratica di un altro debitore']);
    expect(parts.get(0)).toEqual(['Creditore inesistente']);
    expect(general).toEqual(['Le parti sommano 99,99']);
    expect(errorsByPart([{ path: 'claimIds', message: 'x' }], true).parts.get(0)).toEqual(['x']);
  });
});
