import { z } from 'zod';
import './zod-messages.ts';
import { dateIssue } from './dates.ts';
import { encodeMessage, msg, type Message, type MessageCode, type MessageParams } from './messages/index.ts';
import { CURRENCIES } from './model.ts';
import { amountIssue, toMoneyString } from './money.ts';
import { validateCodiceFiscale, validateIban, validatePartitaIva, validateSwissUid, type TaxIdResult } from './tax-ids.ts';

/** A coded message as zod carries it (decoded into a field error by `fieldErrors`). */
const coded = (code: MessageCode, params?: MessageParams) => encodeMessage(msg(code, params));

/**
 * Field types shared by every use case input. Each refuses bad input with a specific message and
 * normalises good input, so the HTTP API, the CLI and the importers accept exactly the same things.
 */

export const moneyAmount = z
  .string({ error: coded('money.not_string') })
  .superRefine((v, ctx) => {
    const problem = amountIssue(v);
    if (problem) ctx.addIssue({ code: 'custom', message: encodeMessage(problem) });
  })
  .transform((v) => toMoneyString(v.trim()))
  .meta({ description: 'Exact amount as a decimal string, two decimals at most', example: '1234.56' });

export const positiveMoneyAmount = moneyAmount.refine((v) => Number(v) > 0, {
  message: coded('money.not_positive'),
});

export const isoDate = z
  .string({ error: coded('date.not_string') })
  .superRefine((v, ctx) => {
    const problem = dateIssue(v);
    if (problem) ctx.addIssue({ code: 'custom', message: encodeMessage(problem) });
  })
  .meta({ description: 'Calendar date, YYYY-MM-DD', example: '2026-03-31', format: 'date' });

export const currency = z.enum(CURRENCIES, {
  error: coded('field.unsupported_currency', { allowed: CURRENCIES.join(', ') }),
});

function taxId(validate: (raw: string) => TaxIdResult, description: string) {
  return z
    .string()
    .transform((raw, ctx) => {
      const r = validate(raw);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: encodeMessage(r.message) });
        return z.NEVER;
      }
      return r.value;
    })
    .meta({ description });
}

export const codiceFiscale = taxId(validateCodiceFiscale, 'Italian codice fiscale (16 characters, or 11 digits)');
export const partitaIva = taxId(validatePartitaIva, 'Italian partita IVA (11 digits)');
export const swissUid = taxId(validateSwissUid, 'Swiss UID, CHE-123.456.789');

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: coded('field.invalid_email') }).max(254));

/**
 * Phone numbers normalised to E.164. Without a country prefix an Italian number is assumed
 * (mobile 3xx or landline 0x); a Swiss one must carry +41 or 0041.
 */
export function normalisePhone(raw: string, defaultCountry: 'IT' | 'CH' = 'IT'): string | null {
  let v = raw.replace(/[\s().\-/]/g, '');
  if (v.startsWith('00')) v = `+${v.slice(2)}`;
  if (!v.startsWith('+')) {
    if (defaultCountry === 'IT' && /^[03]\d{5,10}$/.test(v)) v = `+39${v}`;
    else if (defaultCountry === 'CH' && /^0\d{9}$/.test(v)) v = `+41${v.slice(1)}`;
    else return null;
  }
  return /^\+[1-9]\d{6,14}$/.test(v) ? v : null;
}

export const phone = z.string().transform((raw, ctx) => {
  const v = normalisePhone(raw);
  if (!v) {
    ctx.addIssue({ code: 'custom', message: coded('field.invalid_phone') });
    return z.NEVER;
  }
  return v;
});

/**
 * Characters no text field accepts, with the reason in the message:
 * - NUL and the other C0 controls (and DEL): invisible, PostgreSQL refuses NUL outright, and a CR/LF
 *   in a name split it over two lines of a letter. Multi-line fields (notes) keep line feeds and tabs.
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a reader
 *   sees ("Trojan Source"), so a name or reference could display differently from what is stored.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** Why a piece of text cannot be stored, or null. `multiLine` allows line feeds (CR LF too) and tabs. */
export function textProblem(v: string, opts: { multiLine?: boolean } = {}): Message | null {
  if (v.includes('\u0000')) return msg('records.text_nul');
  if (opts.multiLine) {
    if (CONTROL_MULTI_LINE.test(v.replace(/\r\n/g, '\n'))) {
      return msg('records.text_control');
    }
  } else if (/[\r\n]/.test(v)) {
    return msg('records.text_line_break');
  } else if (CONTROL_SINGLE_LINE.test(v)) {
    return msg('records.text_control_tabs');
  }
  if (BIDI_CONTROL.test(v)) {
    return msg('records.text_bidi');
  }
  return null;
}

/** A string that refuses the characters above; the base of every text input of the application. */
export const safeString = (opts: { multiLine?: boolean } = {}) =>
  z.string().superRefine((v, ctx) => {
    const problem = textProblem(v, opts);
    if (problem) ctx.addIssue({ code: 'custom', message: encodeMessage(problem) });
  });

/** Free text on one line with a sane upper bound; empty strings become null so "cleared" is representable. */
export const text = (max: number) =>
  safeString()
    .max(max, { error: coded('field.max_chars', { max }) })
    .transform((v) => (v.trim() === '' ? null : v.trim()));

/** Free text over several lines (notes, descriptions): line feeds and tabs allowed, CR LF stored as LF. */
export const multiLineText = (max: number) =>
  safeString({ multiLine: true })
    .max(max, { error: coded('field.max_chars', { max }) })
    .transform((v) => {
      const t = v.replace(/\r\n/g, '\n').trim();
      return t === '' ? null : t;
    });

export const requiredText = (max: number) =>
  safeString()
    .trim()
    .min(1, { error: coded('field.required') })
    .max(max, { error: coded('field.max_chars', { max }) });

/** A search term (`?q=`): one line, no control characters. */
export const searchText = safeString().trim().max(200).optional();

export const uuid = z.uuid({ error: coded('field.invalid_id') });

export const pagination = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const iban = taxId(validateIban, 'IBAN, electronic form');
export const countryCode = z.enum(['IT', 'CH', 'DE', 'FR'], { error: coded('field.unsupported_country', { allowed: 'IT, CH, DE, FR' }) });
export const language = z.enum(['it', 'de', 'fr', 'en'], { error: coded('field.unsupported_language', { allowed: 'it, de, fr, en' }) });
