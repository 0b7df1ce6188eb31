import { describe, expect, it } from 'vitest';
import { comuneName, comuneOf } from './comune-name.ts';

describe('a public entity named in a letter', () => {
  it('puts "Comune di" in front of a bare name and never doubles it', () => {
    expect(comuneName('Valdoria')).toBe('Comune di Valdoria');
    expect(comuneName('Comune di Valdoria')).toBe('Comune di Valdoria');
    expect(comuneName('COMUNE DI VALDORIA')).toBe('COMUNE DI VALDORIA');
    expect(comuneName('Città di Torino')).toBe('Città di Torino');
    expect(comuneName('Gemeinde Bozen')).toBe('Gemeinde Bozen');
  });
  it('says "of the comune" with the right article in each language', () => {
    expect(comuneOf('Comune di Valdoria', 'it')).toBe('del Comune di Valdoria');
    expect(comuneOf('Valdoria', 'it')).toBe('del Comune di Valdoria');
    expect(comuneOf('Città di Torino', 'it')).toBe('della Città di Torino');
    expect(comuneOf('Unione dei Comuni della Valle', 'it')).toBe('dell’Unione dei Comuni della Valle');
    expect(comuneOf('Gemeinde Bozen', 'de')).toBe('der Gemeinde Bozen');
    expect(comuneOf('Comune di Valdoria', 'de')).toBe('von Comune di Valdoria');
    expect(comuneOf('Comune di Valdoria', 'en')).toBe('of the Comune di Valdoria');
    expect(comuneOf('Comune di Valdoria', 'fr')).toBe('du Comune di Valdoria');
  });
});
