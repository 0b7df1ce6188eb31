import { isQRIBAN } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import {
  codiceFiscaleCheckChar,
  partitaIvaCheckDigit,
  swissUidCheckDigit,
  validateCodiceFiscale,
  validateIban,
  validatePartitaIva,
  validateSwissUid,
} from './tax-ids.ts';

describe('codice fiscale', () => {
  it('accepts a valid code and normalises spacing and case', () => {
    expect(validateCodiceFiscale(' rssmra85t10a562s ')).toEqual({ ok: true, value: 'RSSMRA85T10A562S' });
  });
  it('names the expected check character when it is wrong', () => {
    const r = validateCodiceFiscale('RSSMRA85T10A562T');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('atteso S');
  });
  it('accepts omocodia variants (digits replaced by letters) with their own check character', () => {
    // Omocodia replaces digits by letters (0→L, 1→M, …): here the last digit of the birth day.
    const base = 'RSSMRA85T1LA562';
    const cf = base + codiceFiscaleCheckChar(base);
    expect(validateCodiceFiscale(cf)).toEqual({ ok: true, value: cf });
  });
  it('accepts the 11-digit codice fiscale of a company and checks its digit', () => {
    expect(validateCodiceFiscale('01234567897').ok).toBe(true);
    expect(validateCodiceFiscale('01234567890').ok).toBe(false);
  });
  it('refuses wrong lengths and malformed codes with specific reasons', () => {
    expect(validateCodiceFiscale('RSSMRA85T10A562')).toMatchObject({ ok: false, reason: expect.stringContaining('16 caratteri') });
    expect(validateCodiceFiscale('1SSMRA85T10A562S')).toMatchObject({ ok: false, reason: expect.stringContaining('Formato') });
    expect(validateCodiceFiscale('RSSMRA85Z10A562S')).toMatchObject({ ok: false }); // Z is no month letter
  });
});

describe('partita IVA', () => {
  it('computes the Luhn-style check digit', () => {
    expect(partitaIvaCheckDigit('0123456789')).toBe(7);
    expect(partitaIvaCheckDigit('1234567890')).toBe(3);
  });
  it('accepts IT prefix and spaces, refuses a wrong digit naming the right one', () => {
    expect(validatePartitaIva('IT 01234567897')).toEqual({ ok: true, value: '01234567897' });
    expect(validatePartitaIva('01234567890')).toMatchObject({ ok: false, reason: expect.stringContaining('atteso 7') });
    expect(validatePartitaIva('0123456789')).toMatchObject({ ok: false, reason: expect.stringContaining('11 cifre') });
    expect(validatePartitaIva('00000000000').ok).toBe(false);
  });
});

describe('Swiss UID', () => {
  it('validates the modulo-11 check digit and formats the number', () => {
    expect(swissUidCheckDigit('11628171')).toBe(0);
    expect(validateSwissUid('CHE116281710')).toEqual({ ok: true, value: 'CHE-116.281.710' });
    expect(validateSwissUid('CHE-116.281.710 MWST')).toEqual({ ok: true, value: 'CHE-116.281.710' });
    expect(validateSwissUid('CHE-116.281.711').ok).toBe(false);
    expect(validateSwissUid('CHE-116.281').ok).toBe(false);
  });
});

describe('IBAN', () => {
  it('checks mod 97 and returns the electronic form', () => {
    expect(validateIban('IT60 X054 2811 1010 0000 0123 456')).toEqual({ ok: true, value: 'IT60X0542811101000000123456' });
    expect(validateIban('CH93 0076 2011 6238 5295 7')).toEqual({ ok: true, value: 'CH9300762011623852957' });
    expect(validateIban('CH4431999123000889012').ok).toBe(true); // a QR-IBAN is still an IBAN
    expect(validateIban('IT61X0542811101000000123456').ok).toBe(false);
    expect(validateIban('XX').ok).toBe(false);
  });

  it('knows each country’s length and structure (ibantools): a 26-character Italian IBAN with good check digits is refused', () => {
    // IT90X054281110100000012345 passes mod 97 but an Italian IBAN has 27 characters.
    expect(validateIban('IT90X054281110100000012345')).toMatchObject({
      ok: false,
      reason: 'Lunghezza IBAN errata: 26 caratteri, un IBAN IT ne ha 27',
      message: { code: 'iban.length', params: { length: 26, country: 'IT', expected: 27 } },
    });
    expect(validateIban('IT24X05428111010000001234567')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Lunghezza IBAN errata: 28/) });
    expect(validateIban('IT61X0542811101000000123456')).toMatchObject({ ok: false, reason: 'IBAN non valido: cifre di controllo errate', message: { code: 'iban.check_digits' } });
    // Right length and check digits, but the CIN (first BBAN character) must be a letter.
    expect(validateIban('IT2910542811101000000123456')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Struttura IBAN non valida per IT/) });
    expect(validateIban('XX82WEST12345698765432')).toMatchObject({ ok: false, reason: expect.stringMatching(/^Paese IBAN sconosciuto: XX/) });
    expect(validateIban('IT60X0542811101000000123456!')).toMatchObject({ ok: false, reason: 'Formato IBAN non valido', message: { code: 'iban.format' } });
  });

  it('accepts valid Italian, Swiss, German and French IBANs, and a Swiss QR-IBAN stays recognisable as one', () => {
    expect(validateIban('it60x0542811101000000123456')).toEqual({ ok: true, value: 'IT60X0542811101000000123456' });
    expect(validateIban('CH93 0076 2011 6238 5295 7')).toEqual({ ok: true, value: 'CH9300762011623852957' });
    expect(validateIban('DE89 3704 0044 0532 0130 00')).toEqual({ ok: true, value: 'DE89370400440532013000' });
    expect(validateIban('FR14 2004 1010 0505 0001 3M02 606')).toEqual({ ok: true, value: 'FR1420041010050500013M02606' });
    const qr = validateIban('CH44 3199 9123 0008 8901 2');
    expect(qr).toEqual({ ok: true, value: 'CH4431999123000889012' });
    expect(qr.ok && isQRIBAN(qr.value)).toBe(true);
    expect(isQRIBAN('CH9300762011623852957')).toBe(false);
  });
});
