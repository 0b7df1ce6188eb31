import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatRate, groupDigits, isIsoDate, parseDateInput, parseMoneyInput, parsePercentInput } from './format';

const nbsp = '\u00a0';

describe('formatMoney', () => {
  it('shows euros the Italian way, with grouping even for four digits', () => {
    expect(formatMoney('1234.56', 'EUR', 'it')).toBe(`1.234,56${nbsp}€`);
    expect(formatMoney('1234.5', 'EUR', 'it')).toBe(`1.234,50${nbsp}€`);
    expect(formatMoney('0.00', 'EUR', 'it')).toBe(`0,00${nbsp}€`);
  });

  it('keeps every digit of the largest amounts', () => {
    expect(formatMoney('9999999999999.99', 'EUR', 'it')).toBe(`9.999.999.999.999,99${nbsp}€`);
    expect(formatMoney('9999999999999.99', 'CHF', 'it')).toBe(`CHF${nbsp}9’999’999’999’999.99`);
  });

  it('shows francs Swiss style whatever the UI language', () => {
    for (const locale of ['it', 'en', 'de', 'fr'] as const) {
      expect(formatMoney('1234.56', 'CHF', locale)).toBe(`CHF${nbsp}1’234.56`);
    }
    expect(formatMoney('12.5', 'CHF', 'it')).toBe(`CHF${nbsp}12.50`);
    expect(formatMoney('-1234.5', 'CHF', 'it')).toBe(`CHF${nbsp}-1’234.50`);
  });

  it('follows the UI language for euros', () => {
    expect(formatMoney('1234.56', 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney('1234.56', 'EUR', 'de')).toBe(`1.234,56${nbsp}€`);
  });

  it('shows what it cannot read as it came', () => {
    expect(formatMoney('abc', 'EUR', 'it')).toBe('abc');
    expect(formatMoney(null, 'EUR', 'it')).toBe('—');
  });
});

describe('groupDigits', () => {
  it('groups by three from the right', () => {
    expect(groupDigits('1', '’')).toBe('1');
    expect(groupDigits('1234567', '’')).toBe('1’234’567');
  });
});

describe('formatDate', () => {
  it('formats the calendar date from the string, with no time zone shift', () => {
    expect(formatDate('2026-03-01', 'it')).toBe('01/03/2026');
    expect(formatDate('2026-03-01', 'de')).toBe('01.03.2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31/12/2026');
    expect(formatDate(null, 'it')).toBe('—');
  });
});

describe('parseMoneyInput', () => {
  it('accepts a decimal point or comma', () => {
    expect(parseMoneyInput('1234.56')).toBe('1234.56');
    expect(parseMoneyInput('1234,56')).toBe('1234.56');
    expect(parseMoneyInput(' 1234,5 ')).toBe('1234.5');
    expect(parseMoneyInput('100')).toBe('100');
  });

  it('accepts thousands separators when the decimal separator is unambiguous', () => {
    expect(parseMoneyInput('1.234,56')).toBe('1234.56');
    expect(parseMoneyInput('1,234.56')).toBe('1234.56');
    expect(parseMoneyInput('1’234.56')).toBe('1234.56');
    expect(parseMoneyInput("1'234.56")).toBe('1234.56');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,2,3', '12.345', '1.234', '-5', '1e3', '1,234,56', '12345678901234', '1.2.3,4']) {
      expect(parseMoneyInput(bad), bad).toBeNull();
    }
  });
});

describe('parsePercentInput', () => {
  it('accepts up to four decimals and at most 100', () => {
    expect(parsePercentInput('12,5')).toBe('12.5');
    expect(parsePercentInput('100')).toBe('100');
    expect(parsePercentInput('100.5')).toBeNull();
    expect(parsePercentInput('abc')).toBeNull();
  });
});

describe('isIsoDate', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('31/12/2026')).toBe(false);
  });
});

describe('parseDateInput', () => {
  it('reads dates day first, or ISO', () => {
    expect(parseDateInput('31/03/2026')).toBe('2026-03-31');
    expect(parseDateInput('1.3.2026')).toBe('2026-03-01');
    expect(parseDateInput('01-03-26')).toBe('2026-03-01');
    expect(parseDateInput('31032026')).toBe('2026-03-31');
    expect(parseDateInput('2026-03-31')).toBe('2026-03-31');
  });

  it('refuses impossible dates and other text', () => {
    for (const bad of ['31/02/2026', '2026-13-01', 'ieri', '', '03/31/2026']) expect(parseDateInput(bad), bad).toBeNull();
  });
});

describe('formatRate', () => {
  it('keeps the digits as given and follows the decimal sign of the UI language', () => {
    expect(formatRate('10.50', 'it')).toBe(`10,50${nbsp}%`);
    expect(formatRate('5', 'de')).toBe(`5${nbsp}%`);
    expect(formatRate('12.125', 'fr')).toBe(`12,125${nbsp}%`);
    expect(formatRate('10.50', 'en')).toBe('10.50%');
    expect(formatRate('-0.62', 'it')).toBe(`-0,62${nbsp}%`);
    expect(formatRate('', 'it')).toBe('—');
  });
});
