import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  decodeMessage,
  encodeMessage,
  LOCALES,
  localeFromAcceptLanguage,
  localeFromEnv,
  messageList,
  msg,
  placeholders,
  rawText,
  translate,
} from './index.ts';

describe('server message catalogue', () => {
  const codes = Object.keys(CATALOGUES.it);

  it('has every code in all four languages, each with the same placeholders as the Italian', () => {
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale] as Record<string, string>;
      expect(Object.keys(catalogue).sort(), locale).toEqual([...codes].sort());
      for (const code of codes) {
        expect(catalogue[code]?.trim(), `${locale} ${code}`).toBeTruthy();
        expect(placeholders(catalogue[code]!), `${locale} ${code}`).toEqual(placeholders(CATALOGUES.it[code as keyof typeof CATALOGUES.it]));
      }
    }
  });

  it('keeps English out of the Italian texts and Italian out of the others (no "(english)" brackets)', () => {
    for (const code of codes) expect(CATALOGUES.it[code as keyof typeof CATALOGUES.it], code).not.toMatch(/\((?:invalid|not |wrong|required|at (?:least|most))/);
    for (const locale of ['en', 'de', 'fr'] as const) {
      const differs = codes.filter((c) => c !== 'text' && (CATALOGUES[locale] as Record<string, string>)[c] !== (CATALOGUES.it as Record<string, string>)[c]);
      // Only texts made of codes, formats and words every language shares (IBAN, PEC, e-mail, SMS) may coincide.
      expect(differs.length, locale).toBeGreaterThan(codes.length - 10);
    }
  });

  it('fills placeholders in the reader’s language', () => {
    const m = msg('money.too_many_decimals', { max: 2 });
    expect(translate(m, 'it')).toBe('Importo con più di 2 decimali');
    expect(translate(m, 'en')).toBe('Amount with more than 2 decimals');
    expect(translate(m, 'de')).toBe('Betrag mit mehr als 2 Nachkommastellen');
    expect(translate(m, 'fr')).toBe('Montant avec plus de 2 décimales');
  });

  it('words a message made of messages (one, or a list) in one language', () => {
    const one = msg('interest.claim_problem', { ref: 'FT-1', problem: encodeMessage(msg('interest.rate_required')) });
    expect(translate(one, 'it')).toBe('Pratica FT-1: Tasso contrattuale mancante o non valido, es. 8.5');
    expect(translate(one, 'de')).toBe('Forderung FT-1: Vertraglicher Zinssatz fehlt oder ist ungültig, z. B. 8.5');
    const list = msg('interest.claim_problem', { ref: 'X', problem: messageList([msg('records.note_empty'), msg('money.too_many_decimals', { max: 2 })]) });
    expect(translate(list, 'en')).toBe('Claim X: The note is empty; Amount with more than 2 decimals');
    expect(translate(list, 'fr')).toBe('Dossier X : La note est vide; Montant avec plus de 2 décimales');
    // Plain text as a param, even one that only looks coded, is shown as written.
    expect(translate(msg('interest.claim_problem', { ref: 'X', problem: encodeMessage(rawText('Errore SMTP')) }), 'de')).toBe('Forderung X: Errore SMTP');
    expect(translate(rawText('i18n:no.such_code'), 'en')).toBe('i18n:no.such_code');
    expect(translate(msg('interest.claim_problem', { ref: 'X', problem: 'i18n:no.such_code {"a":1}' }), 'it')).toBe('Pratica X: i18n:no.such_code {"a":1}');
  });

  it('carries a coded message through a zod string and back; plain text stays as written', () => {
    const m = msg('date.not_in_calendar', { date: '2026-02-30' });
    expect(decodeMessage(encodeMessage(m))).toEqual(m);
    expect(decodeMessage(encodeMessage(msg('field.required')))).toEqual({ code: 'field.required' });
    expect(translate(decodeMessage('Testo libero (free text)'), 'de')).toBe('Testo libero (free text)');
    expect(decodeMessage('i18n:no.such_code')).toEqual({ code: 'text', params: { text: 'i18n:no.such_code' } });
  });

  it('picks the language from Accept-Language by quality, and from the environment', () => {
    expect(localeFromAcceptLanguage('de-CH,de;q=0.9,en;q=0.8')).toBe('de');
    expect(localeFromAcceptLanguage('es-ES,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('es, pt')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(localeFromAcceptLanguage('fr;q=0, it')).toBe('it');
    expect(localeFromEnv({ LANG: 'de_CH.UTF-8' })).toBe('de');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8', INCASSO_LANG: 'fr' })).toBe('fr');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('it');
    expect(localeFromEnv({})).toBe('it');
  });
});
