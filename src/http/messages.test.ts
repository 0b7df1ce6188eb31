import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiContext, type ApiContext } from '../test/http.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

const badDebtor = { kind: 'consumer', lastName: 'Rossi', taxCode: 'RSSMRA85T10A562T', birthDate: '2026-02-30', extra: 1 };

describe('server messages in the reader’s language', () => {
  it('answers the same invalid request in Italian, English, German and French by Accept-Language', async () => {
    const expected = {
      it: ['Dati non validi', 'La data 2026-02-30 non esiste nel calendario', 'Carattere di controllo del codice fiscale errato: atteso S', 'Campo sconosciuto'],
      en: ['Invalid input', 'The date 2026-02-30 does not exist in the calendar', 'Wrong tax code check character: expected S', 'Unknown field'],
      de: ['Ungültige Eingabe', 'Das Datum 2026-02-30 gibt es im Kalender nicht', 'Falsches Prüfzeichen der Steuernummer: erwartet S', 'Unbekanntes Feld'],
      fr: ['Données non valides', 'La date 2026-02-30 n’existe pas dans le calendrier', 'Caractère de contrôle du code fiscal erroné : attendu S', 'Champ inconnu'],
    } as const;
    for (const [lang, header] of [['it', 'it-IT'], ['en', 'en-GB,en;q=0.9'], ['de', 'de-CH, de;q=0.9'], ['fr', 'fr']] as const) {
      const res = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: badDebtor, headers: { 'accept-language': header } });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      const [message, birthDate, taxCode, unknown] = expected[lang];
      expect(error.code).toBe('validation');
      expect(error.message, lang).toBe(message);
      expect(error.messageCode).toBe('error.invalid_input');
      const field = (path: string) => error.fields.find((f: { path: string }) => f.path === path);
      expect(field('birthDate'), lang).toEqual({
        path: 'birthDate',
        message: birthDate,
        messageCode: 'date.not_in_calendar',
        params: { date: '2026-02-30' },
      });
      expect(field('taxCode'), lang).toMatchObject({ message: taxCode, messageCode: 'cf.check_char', params: { expected: 'S' } });
      expect(field('extra'), lang).toMatchObject({ message: unknown, messageCode: 'field.unknown' });
      // No English in brackets, no code in the text.
      expect(JSON.stringify(error.fields.map((f: { message: string }) => f.message))).not.toMatch(/i18n:|\((?:invalid|unknown)/);
    }
  });

  it('speaks Italian without a header; not found, forbidden and sign-in messages are coded too', async () => {
    const none = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: badDebtor });
    expect(none.json().error.message).toBe('Dati non validi');

    const missing = await ctx.admin({ method: 'GET', url: '/api/claims/00000000-0000-4000-8000-000000000000', headers: { 'accept-language': 'de' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ messageCode: 'not_found.claim', message: 'Forderung nicht gefunden' });

    const refused = await ctx.viewer({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', lastName: 'Rossi' }, headers: { 'accept-language': 'fr' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ messageCode: 'error.forbidden', message: 'Votre rôle ne permet pas cette opération' });

    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/debtors', headers: { 'accept-language': 'en' } });
    expect(anonymous.json().error).toMatchObject({ messageCode: 'error.auth_required', message: 'Please sign in' });

    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.com', password: 'wrong-password-1' }, headers: { 'accept-language': 'de' } });
    expect(login.statusCode).toBe(401);
    expect(login.json().error).toMatchObject({ messageCode: 'auth.bad_credentials', message: 'E-Mail oder Passwort falsch' });
  });

  it('answers the checks of records, contacts and text fields in German, each with its code', async () => {
    const de = { 'accept-language': 'de-CH, de;q=0.9' };
    const nameless = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', firstName: 'Mario' }, headers: de });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.fields).toEqual([
      { path: 'lastName', message: 'Nachname für eine Person erforderlich', messageCode: 'records.surname_required', params: {} },
    ]);
    const res = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'consumer', lastName: 'Rossi', firstName: 'Ma\u0000rio', contacts: [{ channel: 'mobile', value: '12' }] },
      headers: de,
    });
    expect(res.statusCode).toBe(400);
    const field = (path: string) => res.json().error.fields.find((f: { path: string }) => f.path === path);
    expect(field('firstName')).toMatchObject({ message: 'NUL-Zeichen nicht erlaubt', messageCode: 'records.text_nul' });
    expect(field('contacts.0.value')).toMatchObject({
      message: 'Ungültige Telefonnummer: für ausländische Nummern die internationale Vorwahl angeben',
      messageCode: 'records.contact_phone',
    });

    const debtor = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', lastName: 'Rossi' } });
    const note = await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.json().id, body: '   ' }, headers: { 'accept-language': 'de' } });
    expect(note.statusCode).toBe(400);
    expect(note.json().error.fields).toContainEqual(expect.objectContaining({ path: 'body', message: 'Die Notiz ist leer', messageCode: 'records.note_empty' }));
  });

  it('uses the signed-in user’s stored language when the request names none', async () => {
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', ctx.t.users.operator.id).execute();
    const res = await ctx.operator({ method: 'POST', url: '/api/debtors', payload: badDebtor });
    expect(res.json().error.message).toBe('Invalid input');
    const asked = await ctx.operator({ method: 'POST', url: '/api/debtors', payload: badDebtor, headers: { 'accept-language': 'fr' } });
    expect(asked.json().error.message).toBe('Données non valides');
  });
});
