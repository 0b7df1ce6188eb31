/**
 * How amounts are written for people, shared by the web UI and the PDF letters and statements so
 * they can never disagree. Amounts arrive as exact decimal strings and never become floats.
 * This file imports nothing (the web UI imports it as it is).
 */
export type DisplayLanguage = 'it' | 'en' | 'de' | 'fr';

/** The Intl locale for euro amounts and numbers in each language. */
export const INTL_LOCALE: Record<DisplayLanguage, string> = { it: 'it-IT', en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const formats = new Map<string, Intl.NumberFormat>();

/** Groups the digits of a non-negative integer string, e.g. ("1234567", "’") → "1’234’567". */
export function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * "1234.5" + EUR → "1.234,50 €" (it), "€1,234.50" (en); francs always the Swiss way, "CHF 1’234.50",
 * whatever the language (ICU versions disagree on the Swiss separator, so it is written here).
 * Anything that is not a decimal string is returned as it came.
 */
export function formatMoneyText(amount: string, currency: string, language: DisplayLanguage): string {
  const m = DECIMAL.exec(amount.trim());
  if (!m) return amount;
  const [, sign = '', int = '0', frac = ''] = m;
  if (currency === 'CHF') {
    const cents = (frac + '00').slice(0, 2);
    return `CHF\u00a0${sign}${groupDigits(int.replace(/^0+(?=\d)/, ''), '\u2019')}.${cents}`;
  }
  const key = `${language}:${currency}`;
  let f = formats.get(key);
  if (!f) {
    // 'always': Italian would otherwise write 1234,56 € without a separator.
    f = new Intl.NumberFormat(INTL_LOCALE[language], { style: 'currency', currency, useGrouping: 'always' } as Intl.NumberFormatOptions);
    formats.set(key, f);
  }
  // Intl keeps the precision of a string argument (ECMA-402 NumberFormat v3).
  return f.format(amount.trim() as unknown as number);
}
