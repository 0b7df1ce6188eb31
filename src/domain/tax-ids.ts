import { msg, translate, type Message, type MessageCode, type MessageParams } from './messages/index.ts';
import * as cfModule from 'codice-fiscale-js';
import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

// The package is CommonJS exporting { CodiceFiscale } while its typings declare a default export.
interface CodiceFiscaleApi {
  getCheckCode(first15: string): string;
}
const loaded = cfModule as unknown as { CodiceFiscale?: CodiceFiscaleApi; default: CodiceFiscaleApi };
const CodiceFiscale: CodiceFiscaleApi = loaded.CodiceFiscale ?? loaded.default;

/**
 * Tax identifiers, validated by their check digits. Each validator takes raw user input and
 * answers either the normalised value or a specific reason it is wrong (a coded message, rendered in
 * the reader's language; `reason` is its Italian text).
 */
export type TaxIdResult = { ok: true; value: string } | { ok: false; reason: string; message: Message };

/** A refusal: the coded message, with its Italian text as `reason`. */
const no = (code: MessageCode, params?: MessageParams): TaxIdResult => {
  const message = msg(code, params);
  return { ok: false, reason: translate(message, 'it'), message };
};

const strip = (raw: string) => raw.replace(/[\s.\-/]/g, '').toUpperCase();

/** Partita IVA (and the 11-digit codice fiscale of companies): Luhn-style check on the 11th digit. */
export function partitaIvaCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = first10.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function validatePartitaIva(raw: string): TaxIdResult {
  let v = strip(raw);
  if (v.startsWith('IT')) v = v.slice(2);
  if (!/^\d{11}$/.test(v)) {
    return no('vat.length');
  }
  if (/^0{11}$/.test(v)) return no('vat.zeros');
  const expected = partitaIvaCheckDigit(v.slice(0, 10));
  if (expected !== Number(v[10])) {
    return no('vat.check_digit', { expected });
  }
  return { ok: true, value: v };
}

const CF_PERSON = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/**
 * Codice fiscale: 16 characters for a person (omocodia variants accepted: digits replaced by letters),
 * or 11 digits for a company or entity (same check as the partita IVA).
 */
export function validateCodiceFiscale(raw: string): TaxIdResult {
  const v = strip(raw);
  if (/^\d{11}$/.test(v)) {
    const r = validatePartitaIva(v);
    return r.ok
      ? r
      : no('cf.numeric_check');
  }
  if (v.length !== 16) {
    return no('cf.length');
  }
  if (!CF_PERSON.test(v)) {
    return no('cf.format');
  }
  const expected = CodiceFiscale.getCheckCode(v.slice(0, 15));
  if (expected !== v[15]) {
    return no('cf.check_char', { expected });
  }
  return { ok: true, value: v };
}

/** The check character of the first 15 characters of a personal codice fiscale. */
export function codiceFiscaleCheckChar(first15: string): string {
  return CodiceFiscale.getCheckCode(first15.toUpperCase());
}

const UID_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4];

/** Swiss UID (CHE-123.456.789): modulo 11 over the first 8 digits; a remainder giving 10 is never issued. */
export function swissUidCheckDigit(first8: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first8.charCodeAt(i) - 48) * UID_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function validateSwissUid(raw: string): TaxIdResult {
  let v = strip(raw).replace(/(MWST|TVA|IVA|VAT)$/, '');
  if (v.startsWith('CHE')) v = v.slice(3);
  if (!/^\d{9}$/.test(v)) {
    return no('uid.format');
  }
  const expected = swissUidCheckDigit(v.slice(0, 8));
  if (expected === null || expected !== Number(v[8])) {
    return no('uid.check_digit');
  }
  return { ok: true, value: `CHE-${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}` };
}

/**
 * IBAN (ISO 13616) through ibantools, the registry's per-country rules: the country's exact length
 * and BBAN structure, the mod-97 check digits and, where a country has them, national check digits.
 * Returns the IBAN in electronic form (no spaces, capitals). A Swiss QR-IBAN is an IBAN like any
 * other here; whether it carries a QR reference is the payment slip's business.
 * The one IBAN check: creditors, import values and letters all call it.
 */
export function validateIban(raw: string): TaxIdResult {
  const v = strip(raw);
  if (!/^[A-Z]{2}[A-Z0-9]*$/.test(v)) {
    return no('iban.format');
  }
  const country = v.slice(0, 2);
  const spec = getCountrySpecifications()[country];
  if (!spec?.chars || !spec.bban_regexp) {
    return no('iban.unknown_country', { country });
  }
  if (v.length !== spec.chars) {
    return no('iban.length', { length: v.length, country, expected: spec.chars });
  }
  const { errorCodes } = validateIBAN(v);
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return no('iban.bban', { country });
  }
  if (errorCodes.includes(ValidationErrorsIBAN.ChecksumNotNumber) || errorCodes.includes(ValidationErrorsIBAN.WrongIBANChecksum)) {
    return no('iban.check_digits');
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) {
    return no('iban.national_check');
  }
  if (errorCodes.length) return no('iban.format');
  return { ok: true, value: v };
}
