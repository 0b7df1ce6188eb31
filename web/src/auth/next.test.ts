import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

describe('safeNext', () => {
  it('keeps a path inside the app, with its query and fragment', () => {
    expect(safeNext('/debtors')).toBe('/debtors');
    expect(safeNext('/debtors/1b7c?tab=claims#x')).toBe('/debtors/1b7c?tab=claims#x');
    expect(safeNext('/claims?q=Rossi%20%26%20figli')).toBe('/claims?q=Rossi%20%26%20figli');
  });

  it('falls back to / for anything that could leave the app or break the router', () => {
    for (const raw of [
      null,
      undefined,
      '',
      'debtors',
      'https://evil.example/',
      'javascript:alert(1)',
      '//evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/ /evil.example',
      '/%',
      '/%E0%A4%A',
      '/debtors\u0000',
      '/a\u2028b',
    ]) {
      expect(safeNext(raw), JSON.stringify(raw)).toBe('/');
    }
  });

  it('normalises dot segments without leaving the app', () => {
    expect(safeNext('/a/../debtors')).toBe('/debtors');
    expect(safeNext('/./..//evil.example')).toBe('/');
  });
});
