/**
 * Display formatting. Amounts arrive as exact decimal strings ("1234.50") and are never turned into
 * floats for arithmetic; calendar dates arrive as 'YYYY-MM-DD' and are never passed through `new Date`
 * (which would read them as UTC midnight and show the previous day west of Greenwich).
 */
import type { Locale } from './i18n';

import { formatMoneyText, groupDigits, INTL_LOCALE } from '../../src/domain/money-format';

export { groupDigits, INTL_LOCALE };

/** A positive or zero amount, at most 13 integer digits and two decimals: what the API accepts. */
export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "1234.5" + EUR → "1.234,50 €" (it), "€1,234.50" (en); CHF always "CHF 1’234.50". The same function
 * writes the PDFs (src/domain/money-format.ts).
 */
export function formatMoney(amount: string | null | undefined, currency: string, locale: Locale): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  try {
    return formatMoneyText(amount, currency, locale);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Whole numbers and counts, e.g. 12345 → "12.345" (it). */
export function formatNumber(n: number | string, locale: Locale): string {
  const value = typeof n === 'string' ? Number(n) : n;
  if (!Number.isFinite(value)) return String(n);
  return new Intl.NumberFormat(INTL_LOCALE[locale], { useGrouping: 'always' } as Intl.NumberFormatOptions).format(value);
}

/**
 * A yearly rate as the API gives it ("10.50") with a per cent sign: "10,50 %" (it, de, fr), "10.50%"
 * (en). Only the decimal sign follows the UI language; the digits are shown exactly as they came.
 */
export function formatRate(rate: string | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined || rate.trim() === '') return '—';
  const s = rate.trim();
  if (!DECIMAL.test(s)) return s;
  return locale === 'en' ? `${s}%` : `${s.replace('.', ',')}\u00a0%`;
}

/**
 * '2026-03-31' → '31/03/2026' (it, en, fr) or '31.03.2026' (de), formatted from the string itself.
 * An instant ('2026-03-31T22:10:00Z') shows the local calendar day it fell on.
 */
export function formatDate(isoDate: string | null | undefined, locale: Locale): string {
  if (!isoDate) return '—';
  if (isoDate.length > 10 && isoDate.includes('T')) return formatDate(localDateOf(isoDate) ?? isoDate, locale);
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  const [, y, mo, d] = m;
  return locale === 'de' ? `${d}.${mo}.${y}` : `${d}/${mo}/${y}`;
}

/** The calendar day of an instant (ISO 8601) in the browser's time zone, as 'YYYY-MM-DD'. */
function localDateOf(instant: string): string | null {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An instant (ISO 8601 UTC) in the browser's time zone: '31/03/2026, 14:05'. */
export function formatDateTime(instant: string | null | undefined, locale: Locale): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** How an amount is typed in an edit form: its thousands and decimal separators. */
export interface MoneyStyle {
  group: string;
  decimal: '.' | ',';
}

/**
 * The edit-form style of a language (1.245,00 in Italian and German, 1\u202f245,00 in French,
 * 1,245.00 in English); francs are written the Swiss way, 1’245.00, in every language.
 */
export function moneyStyle(locale: Locale, currency?: string): MoneyStyle {
  if (currency === 'CHF') return { group: '\u2019', decimal: '.' };
  if (locale === 'en') return { group: ',', decimal: '.' };
  if (locale === 'fr') return { group: '\u202f', decimal: ',' };
  return { group: '.', decimal: ',' };
}

/**
 * What a user typed as an amount → the exact decimal string the API wants ("1.234,56" → "1234.56"),
 * or null when it is not an amount. Never goes through a float. Without a style a lone "." or ","
 * followed by three digits is ambiguous and refused; with the form's style, the language decides:
 * "1.234" is 1234 in Italian, "1,234" is 1234 in English. A lone separator before one or two digits is
 * always the decimal one ("12.5" and "12,5" are both 12.50).
 */
export function parseMoneyInput(raw: string, style?: MoneyStyle): string | null {
  let s = raw.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (s === '') return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalIsComma = lastComma > lastDot;
    const grouping = decimalIsComma ? '.' : ',';
    const groupedPart = s.slice(0, decimalIsComma ? lastComma : lastDot);
    if (!/^\d{1,3}([.,]\d{3})*$/.test(groupedPart)) return null;
    if (groupedPart.includes(decimalIsComma ? ',' : '.')) return null;
    s = s.split(grouping).join('');
    if (decimalIsComma) s = s.replace(',', '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const grouped = new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s);
    if (style && sep !== style.decimal && grouped) {
      s = s.split(sep).join('');
    } else {
      if (s.indexOf(sep) !== s.lastIndexOf(sep)) return null;
      if (!style && sep === '.' && grouped) return null;
      s = s.replace(sep, '.');
    }
  }
  return MONEY_PATTERN.test(s) ? s : null;
}

/**
 * An exact decimal string as an edit form shows it: "1245.5" → "1.245,50" (it). Anything that is
 * not a plain decimal (a half-typed value) is returned as it is.
 */
export function formatMoneyInput(amount: string, style: MoneyStyle): string {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return amount;
  const [, int = '0', frac = ''] = m;
  return `${groupDigits(int.replace(/^0+(?=\d)/, ''), style.group)}${style.decimal}${(frac + '00').slice(0, 2)}`;
}

/** Percentages as the API wants them ("12.5"), accepting a decimal comma. */
export function parsePercentInput(raw: string): string | null {
  const s = raw.trim().replace(',', '.');
  if (s === '') return null;
  return /^\d{1,3}(\.\d{1,4})?$/.test(s) && Number(s) <= 100 ? s : null;
}

/** True for a real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isIsoDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0);
}

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayIso(): string {
  return localDateOf(new Date().toISOString()) ?? '';
}

/**
 * What a person typed in a date field → 'YYYY-MM-DD', or null. Day first, as written in Italy,
 * Switzerland, Germany and France: "31/03/2026", "31.3.2026", "31-03-2026", "31032026"; also ISO
 * "2026-03-31". Two-digit years are read as 20xx.
 */
export function parseDateInput(raw: string): string | null {
  const s = raw.trim();
  let y: string;
  let m: string;
  let d: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dayFirst = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2}|\d{4})$/.exec(s);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (iso) [, y = '', m = '', d = ''] = iso;
  else if (dayFirst) [, d = '', m = '', y = ''] = dayFirst;
  else if (compact) [, d = '', m = '', y = ''] = compact;
  else return null;
  if (y.length === 2) y = `20${y}`;
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(value) ? value : null;
}
