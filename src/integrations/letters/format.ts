import { formatMoneyText } from '../../domain/money-format.ts';
import { LABELS } from './labels.ts';
import type { LetterLanguage, LetterPayment } from './types.ts';

/**
 * How dates, amounts, rates, IBANs and references are written in letters and e-mails. Every amount
 * goes through `formatMoneyText`, so a letter, the web UI and the statement PDF never disagree.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function money(amount: string, currency: string, language: LetterLanguage): string {
  return formatMoneyText(amount, currency, language);
}

/** "2025-03-15" → 15/03/2025 (it, en, fr) or 15.03.2025 (de), the style of the interest statement. */
export function shortDate(iso: string, language: LetterLanguage): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return language === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** "2025-03-15" → "15 marzo 2025", "15 March 2025", "15. März 2025", "15 mars 2025" (1er in French). */
export function longDate(iso: string, language: LetterLanguage): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const month = LABELS[language].months[Number(m[2]) - 1] ?? m[2];
  if (language === 'de') return `${day}. ${month} ${m[1]}`;
  if (language === 'fr') return `${day === 1 ? '1er' : day} ${month} ${m[1]}`;
  return `${day} ${month} ${m[1]}`;
}

/** The rate's digits as published, with the language's decimal sign ("10.50" → "10,50 %"). */
export function rate(value: string, language: LetterLanguage): string {
  return language === 'en' ? `${value}%` : `${value.replace('.', ',')}\u00a0%`;
}

/** IBAN in groups of four, as printed on paper ("CH44 3199 9123 0008 8901 2"). */
export function groupIban(iban: string): string {
  return compact(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Spaces and case removed: IBANs and references are compared and encoded in this form. */
export function compact(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * A reference as people copy it: QRR as 2 + 5×5 digits ("21 00000 00003 13947 14300 09017", the
 * grouping of the QR-bill), RF references in groups of four; anything else as it came.
 */
export function groupReference(type: LetterPayment['referenceType'], reference: string): string {
  if (type === 'QRR') {
    const r = compact(reference);
    return r.length === 27 ? `${r.slice(0, 2)} ${r.slice(2).replace(/(.{5})(?=.)/g, '$1 ')}` : r;
  }
  if (type === 'SCOR') return groupIban(reference);
  return reference;
}
