import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference } from './pdf-document.ts';
import { englishSwissLetter, frenchLetter, italianLetter, swissGermanLetter } from './test-fixtures.ts';

describe('canonicalJson — the text the file ID is hashed from', () => {
  it('is the reference text (JSON with sorted keys) for letters and for awkward values', () => {
    const letters = [italianLetter(), swissGermanLetter(), frenchLetter(), englishSwissLetter()];
    const odd = {
      z: 1,
      a: [undefined, null, () => 1, -0, 1e21, NaN, Infinity, 'é"\\\n\u2028', { y: undefined, x: [] }],
      M: { b: true, B: false, _: '', 'ü': 'x', ' ': 0.1 + 0.2 },
      n: null,
      u: undefined,
      f: () => 2,
      s: Symbol('s'),
      d: new Date(0),
      i: { 10: 'a', 9: 'b', k: 'c' },
      m: new Map([[1, 2]]),
      nested: { deeper: { deepest: [{ b: 2, a: 1 }] } },
    };
    for (const value of [{ v: 2, window: 'left', letter: letters[0] }, { v: 2, batch: true, duplex: false, window: null, letters }, odd, [], {}, 'text', 3, null, undefined, [odd, odd.i, odd.d]]) {
      expect(canonicalJson(value)).toBe(canonicalJsonReference(value));
    }
  });
});
