import { describe, expect, it } from 'vitest';
import { formatMoneyInput, moneyStyle, parseMoneyInput } from './format';

describe('money inputs in the user’s language', () => {
  const it_ = moneyStyle('it', 'EUR');
  const de = moneyStyle('de', 'EUR');
  const fr = moneyStyle('fr', 'EUR');
  const en = moneyStyle('en', 'EUR');
  const chf = moneyStyle('de', 'CHF');

  it('shows an amount the way the language writes it', () => {
    expect(formatMoneyInput('1245', it_)).toBe('1.245,00');
    expect(formatMoneyInput('1245.5', de)).toBe('1.245,50');
    expect(formatMoneyInput('1245.00', fr)).toBe('1\u202f245,00');
    expect(formatMoneyInput('1245.00', en)).toBe('1,245.00');
    expect(formatMoneyInput('1245.00', chf)).toBe('1’245.00');
    expect(formatMoneyInput('1234567890123.45', it_)).toBe('1.234.567.890.123,45');
    expect(formatMoneyInput('0.5', it_)).toBe('0,50');
    expect(formatMoneyInput('12,3x', it_)).toBe('12,3x');
  });

  it('reads back what it shows, as the exact decimal string (no float)', () => {
    for (const style of [it_, de, fr, en, chf]) {
      for (const amount of ['0.01', '1245.00', '999999.99', '1234567890123.45', '0.10']) {
        expect(parseMoneyInput(formatMoneyInput(amount, style), style), `${amount} ${JSON.stringify(style)}`).toBe(amount);
      }
    }
    // 0.1 + 0.2 would not survive a float; 9007199254740993 neither.
    expect(parseMoneyInput('9.007.199.254.740,99', it_)).toBe('9007199254740.99');
  });

  it('reads what users type in each language', () => {
    expect(parseMoneyInput('1.245,00', it_)).toBe('1245.00');
    expect(parseMoneyInput('1.245', it_)).toBe('1245');
    expect(parseMoneyInput('1245,5', it_)).toBe('1245.5');
    expect(parseMoneyInput('12.5', it_)).toBe('12.5');
    expect(parseMoneyInput('1 245,00', fr)).toBe('1245.00');
    expect(parseMoneyInput('1\u202f245,00', fr)).toBe('1245.00');
    expect(parseMoneyInput('1\u00a0245,00', fr)).toBe('1245.00');
    expect(parseMoneyInput('1,245.00', en)).toBe('1245.00');
    expect(parseMoneyInput('1,245', en)).toBe('1245');
    expect(parseMoneyInput('1’245.00', chf)).toBe('1245.00');
    expect(parseMoneyInput("1'245.50", chf)).toBe('1245.50');
  });

  it('refuses what is not an amount in that language', () => {
    for (const bad of ['', 'abc', '1,234', '1.2.3,4', '1,2,3', '-5', '1e3', '12,345']) expect(parseMoneyInput(bad, it_), bad).toBeNull();
    for (const bad of ['1.234', '1.234,5.6', '12.345']) expect(parseMoneyInput(bad, en), bad).toBeNull();
    expect(parseMoneyInput('1.24.5', it_)).toBeNull();
  });
});
