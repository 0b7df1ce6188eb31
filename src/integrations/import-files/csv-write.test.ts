import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './index.ts';

describe('csvCell', () => {
  it('neutralises formulas (OWASP)', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+39 333 1234567')).toBe("'+39 333 1234567");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('-2,5*A1')).toBe('"\'-2,5*A1"');
    expect(csvCell('-12.50 EUR')).toBe("'-12.50 EUR");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=cmd')).toBe('"\'\t=cmd"');
    expect(csvCell('\r=cmd')).toBe('"\'\r=cmd"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves plain signed numbers alone, in Italian and English notation', () => {
    expect(csvCell('-350,00')).toBe('"-350,00"');
    expect(csvCell('-1.234,56')).toBe('"-1.234,56"');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('-1,234.56')).toBe('"-1,234.56"');
    expect(csvCell('+5')).toBe('+5');
    expect(csvCell('-350')).toBe('-350');
    expect(csvLine(['-350,00', '-1.234,56'])).toBe('"-350,00";"-1.234,56"\r\n');
  });

  it('quotes delimiters, quotes and newlines, doubling quotes', () => {
    expect(csvCell('Rossi; Mario')).toBe('"Rossi; Mario"');
    expect(csvCell('1.234,56')).toBe('"1.234,56"');
    expect(csvCell('12" monitor')).toBe('"12"" monitor"');
    expect(csvCell('riga 1\nriga 2')).toBe('"riga 1\nriga 2"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('writes null, undefined and empty as empty cells', () => {
    expect([csvCell(null), csvCell(undefined), csvCell('')]).toEqual(['', '', '']);
  });
});

describe('csvLine', () => {
  it('joins cells with ; and ends with CRLF', () => {
    expect(csvLine(['A1', 'Società Rossi', '1234.50', null, '=2*3'])).toBe("A1;Società Rossi;1234.50;;'=2*3\r\n");
  });

  it('uses another delimiter, quoting it', () => {
    expect(csvLine(['a|b', 'c'], '|')).toBe('"a|b"|c\r\n');
    expect(csvLine(['a', 'b'], '\t')).toBe('a\tb\r\n');
    expect(() => csvLine(['a'], '"')).toThrow(RangeError);
  });
});
