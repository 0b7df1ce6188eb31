import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { it, type Catalogue, type MessageCode } from './it.ts';

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
