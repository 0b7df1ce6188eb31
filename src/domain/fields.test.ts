import { describe, expect, it } from 'vitest';
import { multiLineText, requiredText, text, textProblem } from './fields.ts';
import { translate } from './messages/index.ts';

describe('textProblem', () => {
  it('accepts letters of every language, punctuation and symbols', () => {
    for (const v of ['D’Alessandro-Müller', 'Zoë & Co. S.r.l.', 'Łódź «Ü» €', 'שלום', 'محمد']) expect(textProblem(v)).toBeNull();
  });

  it('refuses NUL, C0 controls and line breaks on one line; keeps LF, CR LF and tabs over several', () => {
    expect(textProblem('a\u0000b')).toEqual({ code: 'records.text_nul' });
    expect(translate(textProblem('a\u0000b', { multiLine: true })!, 'it')).toBe('Carattere NUL non ammesso');
    expect(textProblem('a\r\nb')).toEqual({ code: 'records.text_line_break' });
    expect(translate(textProblem('a\nb')!, 'it')).toMatch(/^A capo non ammesso/);
    for (const c of ['\t', '\u0001', '\u001b', '\u007f']) expect(translate(textProblem(`a${c}b`)!, 'it')).toMatch(/^Caratteri di controllo non ammessi/);
    expect(textProblem('a\nb\r\nc\td', { multiLine: true })).toBeNull();
    for (const c of ['\r', '\u000b', '\u000c', '\u0007']) expect(textProblem(`a${c}b`, { multiLine: true })).not.toBeNull();
  });

  it('refuses bidirectional overrides and isolates everywhere', () => {
    for (let cp = 0x202a; cp <= 0x202e; cp++) expect(translate(textProblem(`a${String.fromCodePoint(cp)}b`)!, 'it')).toMatch(/direzione del testo/);
    for (let cp = 0x2066; cp <= 0x2069; cp++) expect(textProblem(`a${String.fromCodePoint(cp)}b`, { multiLine: true })).toEqual({ code: 'records.text_bidi' });
  });

  it('applies to the shared text schemas', () => {
    expect(text(10).safeParse('Ro\nssi').success).toBe(false);
    expect(requiredText(10).safeParse('Ro\u202essi').success).toBe(false);
    expect(text(10).parse('  Rossi ')).toBe('Rossi');
    expect(multiLineText(20).parse('uno\r\ndue\t3\n')).toBe('uno\ndue\t3');
  });
});
