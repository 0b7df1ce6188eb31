import { z } from 'zod';
import './zod-messages.ts';
import { dateIssue } from './dates.ts';
import { encodeMessage, msg, type MessageCode, type MessageParams } from './messages/index.ts';
import { CURRENCIES } from './model.ts';
import { moneyIssue, toMoneyString } from './money.ts';
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
    const problem = moneyIssue(v);
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

/** Free text with a sane upper bound; empty strings become null so "cleared" is representable. */
export const text = (max: number) =>
  z
    .string()
    .max(max, { error: coded('field.max_chars', { max }) })
    .transform((v) => (v.trim() === '' ? null : v.trim()));

export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: coded('field.required') })
    .max(max, { error: coded('field.max_chars', { max }) });

export const uuid = z.uuid({ error: coded('field.invalid_id') });

export const pagination = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const iban = taxId(validateIban, 'IBAN, electronic form');
export const countryCode = z.enum(['IT', 'CH', 'DE', 'FR'], { error: coded('field.unsupported_country', { allowed: 'IT, CH, DE, FR' }) });
export const language = z.enum(['it', 'de', 'fr', 'en'], { error: coded('field.unsupported_language', { allowed: 'it, de, fr, en' }) });
