import { describe, expect, it } from 'vitest';
import { cellText, dateText, isDateFormat, numberText } from './cell-text.ts';

describe('numberText', () => {
  it('writes the shortest decimal, never an exponent', () => {
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(-0)).toBe('0');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(-1.5e22)).toBe('-15000000000000000000000');
    expect(numberText(1.5e-7)).toBe('0.00000015');
    expect(numberText(Number('12345678901234567'))).toBe('12345678901234568');
    expect(numberText(Number.NaN)).toBe('');
  });

  it("drops the binary noise Excel stores beyond 15 significant digits", () => {
    expect(numberText(1234.5699999999999)).toBe('1234.57');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(0.123456789012345)).toBe('0.123456789012345');
  });
});

describe('cellText', () => {
  it('converts each kind of value', () => {
    expect(cellText(new Date(Date.UTC(2024, 1, 29, 23, 59)), undefined, false)).toBe('2024-02-29');
    expect(cellText(45382, 'dd/mm/yyyy', false)).toBe('2024-03-31');
    expect(cellText(43920, 'yyyy-mm-dd', true)).toBe('2024-03-31');
    expect(cellText(45382, '#,##0.00 "€"', false)).toBe('45382');
    expect(cellText({ formula: 'A1', result: { error: '#DIV/0!' } }, undefined, false)).toBe('');
    expect(cellText({ sharedFormula: 'A1', result: 'ok' }, undefined, false)).toBe('ok');
    expect(cellText({ formula: '', result: 7 }, undefined, false)).toBe('7');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }, undefined, false)).toBe('ab');
    expect(cellText({ error: '#N/A' }, undefined, false)).toBe('');
  });

  it('tells date formats like exceljs does', () => {
    expect(isDateFormat('mm-dd-yy')).toBe(true);
    expect(isDateFormat('[$-410]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('0.00" giorni"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(dateText(new Date(Number.NaN))).toBe('');
  });
});
