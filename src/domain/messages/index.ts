import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { it, type Catalogue, type MessageCode } from './it.ts';
import { formatMoneyText, groupDigits } from '../money-format.ts';

/**
 * Server messages as a code plus parameters, rendered in the reader's language only when shown
 * (HTTP answer, CLI output, import report). Catalogues are pure data, one per language.
 */
export type { Catalogue, MessageCode } from './it.ts';

export const LOCALES = ['it', 'en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'it';

export type MessageParams = Readonly<Record<string, string | number>>;
export interface Message {
  readonly code: MessageCode;
  readonly params?: MessageParams;
}

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { it, en, de, fr };

export const msg = (code: MessageCode, params?: MessageParams): Message => (params ? { code, params } : { code });

/** A text written before codes existed: shown as it is in every language. */
export const rawText = (text: string): Message => ({ code: 'text', params: { text } });

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function isMessageCode(v: unknown): v is MessageCode {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(it, v);
}

/**
 * The message in `locale`; `{name}` placeholders filled from params (unknown ones stay visible). A
 * param may itself be a coded message (`encodeMessage`) or a list of them (`messageList`): it is
 * worded in the same language, so a reason made of reasons reads in one language.
 */
export function translate(message: Message, locale: Locale = DEFAULT_LOCALE): string {
  const template = CATALOGUES[locale][message.code];
  const params = message.params ?? {};
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? renderParam(params[name]!, locale) : m));
}

function renderParam(v: string | number, locale: Locale): string {
  if (typeof v === 'string' && v.startsWith(TYPED_PREFIX)) return renderTyped(v, locale);
  if (typeof v !== 'string' || !v.startsWith(PREFIX)) return String(v);
  const [separator, joiner] = v.includes(LIST_SEPARATORS[', ']) ? [LIST_SEPARATORS[', '], ', '] : [LIST_SEPARATORS['; '], '; '];
  return v
    .split(separator)
    .map((part) => {
      const m = decodeMessage(part);
      // Text that only looks coded (no such code) is shown as written, not decoded again.
      return m.code === 'text' && m.params?.text === part ? part : translate(m, locale);
    })
    .join(joiner);
}

/*
 * Typed params: an amount or a calendar date travels as a plain string ("i18n#amount:814.82",
 * "i18n#date:2026-12-31"), so it survives `encodeMessage` and the database, and is written the
 * reader's way only when the message is worded: 814,82 (it, de, fr) or 814.82 (en); 31/12/2026
 * (it, fr, en) or 31.12.2026 (de) — the web's conventions (web/src/format.ts). Digits are never
 * turned into a float.
 */
const TYPED_PREFIX = 'i18n#';
const TYPED_AMOUNT = /^i18n#amount:(-?)(\d+)(?:\.(\d+))?(?::([A-Z]{3}))?$/;
const TYPED_DATE = /^i18n#date:(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An amount as a message param: `amountParam('1234.5')` reads "1.234,50" in Italian, "1,234.50" in
 * English; with a currency it is written whole, as the web shows money (`amountParam('10', 'EUR')` →
 * "10,00 €", "€10.00"). Accepts an exact decimal string (or a Decimal's `toFixed()`); anything else is
 * shown as it came.
 */
export function amountParam(amount: string | { toFixed(dp?: number): string }, currency?: string): string {
  const value = typeof amount === 'string' ? amount.trim() : amount.toFixed(2);
  return /^-?\d+(\.\d+)?$/.test(value) ? `${TYPED_PREFIX}amount:${value}${currency ? `:${currency}` : ''}` : value;
}

/** A calendar date as a message param ('2026-12-31' or a Temporal.PlainDate): 31/12/2026, 31.12.2026 (de). */
export function dateParam(date: string | { toString(): string }): string {
  const value = String(date);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${TYPED_PREFIX}date:${value}` : value;
}

/**
 * Params for a program reading an API answer: a typed amount or date as its plain value ("814.82",
 * "2026-12-31"), everything else as it is.
 */
export function plainParams(params: MessageParams | undefined): MessageParams {
  if (!params) return {};
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith(TYPED_PREFIX) ? plainTyped(v) : v]));
}

function plainTyped(v: string): string {
  const amount = TYPED_AMOUNT.exec(v);
  if (amount) return `${amount[1] ?? ''}${amount[2]}${amount[3] ? `.${amount[3]}` : ''}`;
  const date = TYPED_DATE.exec(v);
  return date ? `${date[1]}-${date[2]}-${date[3]}` : v;
}

/** The number style of each language: thousands and decimal separators (as web/src/format.ts `moneyStyle`). */
const NUMBER_STYLE: Readonly<Record<Locale, { group: string; decimal: string }>> = {
  it: { group: '.', decimal: ',' },
  de: { group: '.', decimal: ',' },
  fr: { group: '\u202f', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function renderTyped(v: string, locale: Locale): string {
  const amount = TYPED_AMOUNT.exec(v);
  if (amount) {
    const [, sign = '', int = '0', frac = '', currency] = amount;
    if (currency) return formatMoneyText(`${sign}${int}${frac ? `.${frac}` : ''}`, currency, locale);
    const style = NUMBER_STYLE[locale];
    const decimals = frac.length < 2 ? (frac + '00').slice(0, 2) : frac;
    return `${sign}${groupDigits(int.replace(/^0+(?=\d)/, ''), style.group)}${style.decimal}${decimals}`;
  }
  const date = TYPED_DATE.exec(v);
  if (date) {
    const [, y, m, d] = date;
    return locale === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
  }
  return v;
}

/** The placeholders a template uses, sorted (for the catalogue test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/**
 * The best supported language of an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8" → de), by
 * quality then order; null when it names none of ours.
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((x) => x.quality > 0 && isLocale(x.lang))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranked[0]?.lang as Locale | undefined) ?? null;
}

/** The language of an environment (INCASSO_LANG, then LANG like "de_CH.UTF-8"); Italian by default. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const v of [env.INCASSO_LANG, env.LC_ALL, env.LANG]) {
    const lang = v?.toLowerCase().split(/[_.\-@]/)[0];
    if (isLocale(lang)) return lang;
  }
  return DEFAULT_LOCALE;
}

/*
 * zod issues carry only a string message. A coded message travels inside it as
 * "i18n:<code> <params as JSON>" and is decoded where issues become field errors (decodeMessage).
 */
const PREFIX = 'i18n:';
/** Between the coded messages of a `messageList` param (ASCII separators: never in a text), by how they are joined. */
const LIST_SEPARATORS = { '; ': '\u001e', ', ': '\u001f' } as const;

export function encodeMessage(m: Message): string {
  return PREFIX + m.code + (m.params ? ` ${JSON.stringify(m.params)}` : '');
}

/** Several coded messages as one param, worded in the reader's language and joined by "; " (or ", "). */
export function messageList(messages: readonly Message[], joiner: '; ' | ', ' = '; '): string {
  return messages.map(encodeMessage).join(LIST_SEPARATORS[joiner]);
}

/** The coded message inside a zod message, or the text itself as a raw message. */
export function decodeMessage(s: string): Message {
  if (s.startsWith(PREFIX)) {
    const space = s.indexOf(' ');
    const code = space < 0 ? s.slice(PREFIX.length) : s.slice(PREFIX.length, space);
    if (isMessageCode(code)) {
      if (space < 0) return { code };
      try {
        return { code, params: JSON.parse(s.slice(space + 1)) as MessageParams };
      } catch {
        return { code };
      }
    }
  }
  return rawText(s);
}

/** The coded message an error carries (the application's errors have `msg`), else its text as written. */
export function messageOf(err: unknown): Message {
  const m = (err as { msg?: Partial<Message> } | null)?.msg;
  if (m && isMessageCode(m.code)) return m as Message;
  return rawText(err instanceof Error ? err.message : String(err));
}

/** A string or message as a message. */
export const asMessage = (m: string | Message): Message => (typeof m === 'string' ? decodeMessage(m) : m);

/** A coded message as a zod issue's text (decoded into the reader's language when the error is shown). */
export const coded = (code: MessageCode, params?: MessageParams): string => encodeMessage(msg(code, params));
