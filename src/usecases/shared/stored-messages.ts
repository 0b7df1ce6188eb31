import { decodeMessage, translate, type Locale } from '../../domain/messages/index.ts';

/**
 * Reasons are stored as coded messages (`encodeMessage`: a communication's error, the contact log, an
 * audit event's reason) and worded when they are shown, in the reader's language. Text stored before
 * codes existed (or that is not ours, like an SMTP server's answer) is shown as it was written.
 */
export function wordStored(text: string, locale: Locale): string {
  return translate(decodeMessage(text), locale);
}

/** `wordStored` for every string inside a stored JSON value (an audit event's before/after). */
export function wordStoredIn(value: unknown, locale: Locale): unknown {
  if (typeof value === 'string') return value.startsWith('i18n:') ? wordStored(value, locale) : value;
  if (Array.isArray(value)) return value.map((v) => wordStoredIn(v, locale));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wordStoredIn(v, locale)]));
  }
  return value;
}
