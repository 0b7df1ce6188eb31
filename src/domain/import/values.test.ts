import { describe, expect, it } from 'vitest';
import { translate, type Message } from '../messages/index.ts';
import { cleanText, detectDecimal, parseAmount, parseDate, parseYesNo } from './values.ts';

/** The reason a cell was refused, as an Italian reader sees it. */
const problemOf = (r: object) => ('problem' in r ? translate(r.problem as Message, 'it') : null);
/** The reason's code. */
const codeOf = (r: object) => ('problem' in r ? (r.problem as Message).code : null);

describe('parseAmount', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1234.56', '1234.56'],
    ['1,234.56', '1234.56'],
    ["1'234.56", '1234.56'],
    ['1’234.56', '1234.56'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['€ 1.234,56', '1234.56'],
    ['1.234,56 €', '1234.56'],
    ['EUR 99,9', '99.90'],
    ['CHF 1’234.50', '1234.50'],
    ['Fr. 12.50', '12.50'],
    ['  12 ', '12.00'],
    ['1.234.567', '1234567.00'],
    ['1.234.567,89', '1234567.89'],
    ['0,5', '0.50'],
    ['+15,00', '15.00'],
  ])('reads %j as %s', (raw, value) => {
    expect(parseAmount(raw)).toMatchObject({ value });
  });

  it('reports the currency written in the cell', () => {
    expect(parseAmount('€ 1.234,56')).toEqual({ value: '1234.56', currency: 'EUR' });
    expect(parseAmount('CHF 1’234.50')).toEqual({ value: '1234.50', currency: 'CHF' });
    expect(parseAmount('SFr. 80')).toEqual({ value: '80.00', currency: 'CHF' });
    expect(parseAmount('1234.56')).toEqual({ value: '1234.56' });
    expect(problemOf(parseAmount('EUR 5 CHF'))).toContain('due valute');
  });

  it('refuses zero and negative amounts', () => {
    for (const raw of ['-5', '-1.234,56', '12,00-', '(12,00)', '−3']) {
      expect(problemOf(parseAmount(raw))).toContain('maggiore di zero');
      expect(codeOf(parseAmount(raw))).toBe('import.amount.negative');
    }
    expect(problemOf(parseAmount('0'))).toContain('pari a zero');
    expect(codeOf(parseAmount('0,00'))).toBe('import.amount.zero');
    expect(translate((parseAmount('0,00') as { problem: Message }).problem, 'en')).toBe('Amount "0,00" is zero: it must be greater than zero');
  });

  it('refuses more than two decimals, naming the value', () => {
    expect(parseAmount('12,3456')).toEqual({ problem: { code: 'import.amount.too_many_decimals', params: { value: '"12,3456"' } } });
    expect(problemOf(parseAmount('12,345', ','))).toBe('Importo "12,345" con più di due decimali');
    expect(problemOf(parseAmount('1.234,567'))).toContain('più di due decimali');
  });

  it('refuses exponents and letters', () => {
    expect(problemOf(parseAmount('1e3'))).toContain('notazione esponenziale');
    expect(problemOf(parseAmount('1,5E+3'))).toContain('esponenziale');
    expect(problemOf(parseAmount('12 euro 50'))).toContain('non valido');
    expect(problemOf(parseAmount('dodici'))).toContain('"dodici"');
    expect(problemOf(parseAmount(''))).toContain('mancante');
    expect(problemOf(parseAmount('99999999999999'))).toContain('13 cifre');
  });

  it('refuses misplaced separators', () => {
    expect(problemOf(parseAmount('12.3.4'))).toContain('gruppi di tre cifre');
    expect(problemOf(parseAmount('1.23,45'))).toContain('gruppi di tre cifre');
    expect(problemOf(parseAmount('12.'))).toContain('senza cifre dopo');
  });

  it('calls "1,234" and "1.234" ambiguous with decimal auto, and asks for the file’s setting', () => {
    const comma = problemOf(parseAmount('1,234'));
    expect(comma).toContain('Importo "1,234" ambiguo');
    expect(comma).toContain('separatore decimale del file');
    expect(problemOf(parseAmount('1.234', 'auto'))).toContain('ambiguo');
  });

  it('reads "1,234" / "1.234" as thousands only when the decimal sign is the other one', () => {
    expect(parseAmount('1.234', ',')).toEqual({ value: '1234.00' });
    expect(parseAmount('1,234', '.')).toEqual({ value: '1234.00' });
    expect(problemOf(parseAmount('1.234', '.'))).toContain('più di due decimali');
    expect(problemOf(parseAmount('1,234', ','))).toContain('più di due decimali');
    // One or two digits after a single sign are decimals whatever the setting.
    expect(parseAmount('1234.5', ',')).toEqual({ value: '1234.50' });
  });
});

describe('detectDecimal', () => {
  it('decides from unambiguous cells', () => {
    expect(detectDecimal(['1.234,56', '12,50', '1.234', '7'])).toBe(',');
    expect(detectDecimal(['1,234.56', '12.5', '1,234'])).toBe('.');
    expect(detectDecimal(['1.234.567'])).toBe(',');
    expect(detectDecimal(['CHF 1’234.50', 'Fr. 12.50'])).toBe('.');
    expect(detectDecimal(['€ 1 234,00'])).toBe(',');
  });
  it('answers null without evidence or when cells disagree', () => {
    expect(detectDecimal(['1.234', '1,234', '12'])).toBeNull();
    expect(detectDecimal([])).toBeNull();
    expect(detectDecimal(['12,50', '12.50'])).toBeNull();
  });
  it('lets a clear majority win over a stray cell', () => {
    expect(detectDecimal([...Array(20).fill('12,50'), '3.10'])).toBe(',');
  });
});

describe('parseDate', () => {
  it.each([
    ['31/01/2025', '2025-01-31'],
    ['1/2/2025', '2025-02-01'],
    ['31.01.2025', '2025-01-31'],
    ['31-01-2025', '2025-01-31'],
    ['2025-01-31', '2025-01-31'],
    ['2025-01-31T23:30:00Z', '2025-01-31'],
    ['2025-01-31 00:00:00', '2025-01-31'],
    ['31/01/2025 00:00', '2025-01-31'],
    ['29/02/2024', '2024-02-29'],
    [' 16/12/2023 ', '2023-12-16'],
  ])('reads %j as %s', (raw, value) => {
    expect(parseDate(raw)).toEqual({ value });
  });

  it('refuses impossible dates naming them', () => {
    expect(parseDate('2026-02-30')).toEqual({ problem: { code: 'import.date.not_in_calendar', params: { value: '"2026-02-30"' } } });
    expect(problemOf(parseDate('2026-02-30'))).toBe('La data "2026-02-30" non esiste nel calendario');
    expect(translate((parseDate('2026-02-30') as { problem: Message }).problem, 'de')).toBe('Das Datum "2026-02-30" gibt es im Kalender nicht');
    expect(problemOf(parseDate('31/04/2025'))).toContain('"31/04/2025" non esiste');
    expect(problemOf(parseDate('29/02/2025'))).toContain('non esiste');
    expect(problemOf(parseDate('00/01/2025'))).toContain('non esiste');
  });

  it('hints at month-first dates', () => {
    expect(problemOf(parseDate('12/31/2025'))).toContain('mese/giorno');
  });

  it('refuses two-digit years with a specific message', () => {
    const p = problemOf(parseDate('01/02/25'));
    expect(p).toContain('anno a due cifre');
    expect(p).toContain('01/02/2025 o 01/02/1925');
  });

  it('refuses spreadsheet serial numbers, other formats and out-of-range years', () => {
    expect(problemOf(parseDate('45678'))).toContain('Excel');
    expect(problemOf(parseDate('31 gennaio 2025'))).toContain('gg/mm/aaaa');
    expect(problemOf(parseDate('0202-01-01'))).toBe('Data "0202-01-01" fuori intervallo 01/01/1900–31/12/2199');
    expect(problemOf(parseDate(''))).toContain('mancante');
  });
});

describe('parseYesNo', () => {
  it.each(['si', 'Sì', 'SÌ', 'yes', 'ja', 'oui', 'x', 'X', '1', 'true', 'Vero'])('%j is yes', (raw) => {
    expect(parseYesNo(raw)).toEqual({ value: true });
  });
  it.each(['no', 'NO', 'nein', 'non', '0', 'false', '', '  '])('%j is no', (raw) => {
    expect(parseYesNo(raw)).toEqual({ value: false });
  });
  it('refuses anything else naming it', () => {
    expect(parseYesNo('forse')).toEqual({ problem: { code: 'import.yes_no', params: { value: '"forse"' } } });
    expect(problemOf(parseYesNo('forse'))).toBe('Valore "forse" non riconosciuto: atteso sì o no');
    expect(translate((parseYesNo('forse') as { problem: Message }).problem, 'fr')).toBe('Valeur "forse" non reconnue : oui ou non attendu');
  });
});

describe('cleanText', () => {
  it('trims, collapses whitespace and removes control characters', () => {
    expect(cleanText('  Via\tRoma \n 12\u0000\u200b ', 50)).toEqual({ value: 'Via Roma 12' });
    expect(cleanText('\ufeffROSSI', 50)).toEqual({ value: 'ROSSI' });
    expect(cleanText('   ', 50)).toEqual({ value: '' });
  });
  it('refuses text over the bound, counting characters not bytes', () => {
    expect(cleanText('àèìòù', 5)).toEqual({ value: 'àèìòù' });
    expect(problemOf(cleanText('x'.repeat(101), 100))).toContain('101 caratteri, al massimo 100');
  });
});
