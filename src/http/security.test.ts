import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestTenant, TEST_PASSWORD, uniq } from '../test/factories.ts';
import { buildTestApp, openApiContext, type ApiContext } from '../test/http.ts';
import { LOGIN_LIMIT_PER_ADDRESS, LOGIN_LIMIT_PER_ADDRESS_AND_EMAIL, LOGIN_WINDOW_SECONDS } from '../usecases/auth/login-throttle.ts';

let ctx: ApiContext;

beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

describe('percent-encoded API paths', () => {
  it('need a session like the plain path (401, not 500)', async () => {
    for (const url of ['/%61pi/auth/me', '/api/auth/%6De', '/%61%70%69/debtors', '/api/%64ebtors?page=1']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code, url).toBe('unauthenticated');
    }
  });

  it('are refused from a foreign origin like the plain path (403)', async () => {
    const evil = { origin: 'https://evil.example' };
    const before = await countRows(ctx.db, 'debtors', ctx.t.tenantId);
    for (const [method, url] of [
      ['POST', '/%61pi/auth/logout'],
      ['POST', '/%61pi/debtors'],
      ['POST', '/api/%64ebtors'],
    ] as const) {
      const res = await ctx.admin({ method, url, headers: evil, payload: { kind: 'consumer', lastName: 'Encoded' } });
      expect(res.statusCode, url).toBe(403);
    }
    // Without a session either: the origin check comes first.
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/%61pi/auth/logout', headers: evil });
    expect(anonymous.statusCode).toBe(403);
    expect(await countRows(ctx.db, 'debtors', ctx.t.tenantId)).toBe(before);
    // The session still works: the encoded logout did not end it.
    expect((await ctx.admin({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('still reach the route with a session and our own origin', async () => {
    const res = await ctx.admin({ method: 'GET', url: '/%61pi/auth/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(ctx.t.users.admin.id);
  });
});

describe('control and direction characters in text', () => {
  const debtor = (payload: Record<string, unknown>) =>
    ctx.operator({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', lastName: 'Rossi', ...payload } });

  it('refuses NUL in a name, a search and a note with 400, never 500', async () => {
    const name = await debtor({ lastName: 'Ros\u0000si' });
    expect(name.statusCode).toBe(400);
    expect(name.json().error.fields).toContainEqual(expect.objectContaining({ path: 'lastName', message: 'Carattere NUL non ammesso', messageCode: 'records.text_nul' }));
    for (const url of ['/api/debtors?q=a%00b', '/api/claims?q=%00', '/api/payments?q=x%00', '/api/creditors?q=%00']) {
      const res = await ctx.operator({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
    }
    const notes = await debtor({ notes: 'riga uno\u0000' });
    expect(notes.statusCode).toBe(400);
  });

  it('maps text PostgreSQL cannot store (22021) to 400 where a field has no schema rule', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000b@example.test', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });

  it('refuses CR/LF, tabs and other C0 controls in single-line fields, with a specific message', async () => {
    const crlf = await debtor({ lastName: 'Rossi\r\nVia Roma 1' });
    expect(crlf.statusCode).toBe(400);
    expect(crlf.json().error.fields).toContainEqual(
    expect.objectContaining({
      path: 'lastName',
      message: 'A capo non ammesso in questo campo: una sola riga',
      messageCode: 'records.text_line_break',
    }),
  );
    for (const lastName of ['Ros\tsi', 'Ros\u0007si', 'Ros\u001bsi', 'Ros\u007fsi']) {
      const res = await debtor({ lastName });
      expect(res.statusCode, JSON.stringify(lastName)).toBe(400);
    }
  });

  it('refuses bidirectional overrides and isolates in names and references', async () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const res = await debtor({ companyName: `ACME ${c}Srl`, kind: 'company', lastName: undefined });
      expect(res.statusCode, c.codePointAt(0)!.toString(16)).toBe(400);
      expect(res.json().error.fields).toContainEqual(
      expect.objectContaining({
        path: 'companyName',
        message: 'Caratteri di controllo della direzione del testo non ammessi',
        messageCode: 'records.text_bidi',
      }),
    );
    }
    const created = await debtor({});
    const claim = await ctx.operator({
      method: 'POST',
      url: '/api/claims',
      payload: { creditorId: ctx.t.creditor.id, debtorId: created.json().id, externalRef: 'FT\u202e1-0002', kind: 'invoice', principal: '10.00', currency: 'EUR', dueDate: '2026-01-31' },
    });
    expect(claim.statusCode).toBe(400);
    expect(claim.json().error.fields.map((f: { path: string }) => f.path)).toContain('externalRef');
  });

  it('keeps line feeds and tabs in multi-line notes (CR LF stored as LF), and accented names', async () => {
    const res = await debtor({ firstName: 'Zoë', lastName: 'D’Alessandro-Müller', notes: 'riga uno\r\nriga\tdue\n' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ firstName: 'Zoë', lastName: 'D’Alessandro-Müller', notes: 'riga uno\nriga\tdue' });
    const note = await ctx.operator({ method: 'POST', url: '/api/notes', payload: { debtorId: res.json().id, body: 'a\r\nb\tc' } });
    expect(note.statusCode).toBe(201);
    expect(note.json().body).toBe('a\nb\tc');
    const bad = await ctx.operator({ method: 'POST', url: '/api/notes', payload: { debtorId: res.json().id, body: 'a\u0000b' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('JSON body encoding', () => {
  const post = (payload: Buffer | string, contentType: string) =>
    ctx.operator({ method: 'POST', url: '/api/debtors', payload, headers: { 'content-type': contentType } });

  it('refuses a body that is not valid UTF-8 instead of storing U+FFFD', async () => {
    const before = await countRows(ctx.db, 'debtors', ctx.t.tenantId);
    // "Müller" in Latin-1: 0xFC is not UTF-8.
    const latin1 = Buffer.from('{"kind":"consumer","lastName":"M\u00fcller"}', 'latin1');
    const res = await post(latin1, 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ message: 'Il corpo della richiesta non è UTF-8 valido', messageCode: 'http.invalid_utf8' });
    expect(await countRows(ctx.db, 'debtors', ctx.t.tenantId)).toBe(before);
  });

  it('refuses a body declared in another charset with 415', async () => {
    const utf16 = Buffer.from('{"kind":"consumer","lastName":"Rossi"}', 'utf16le');
    for (const [payload, type] of [
      [utf16, 'application/json; charset=utf-16'],
      [utf16, 'application/json; charset=UTF-16LE'],
      [Buffer.from('{"kind":"consumer","lastName":"Rossi"}'), 'application/json; charset="iso-8859-1"'],
    ] as const) {
      const res = await post(payload, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.message, type).toMatch(/^Codifica .* non supportata: inviare JSON in UTF-8$/);
      expect(res.json().error.messageCode, type).toBe('http.unsupported_charset');
    }
  });

  it('accepts UTF-8, declared or not, with or without a byte-order mark', async () => {
    const json = '{"kind":"consumer","lastName":"Müller – €"}';
    for (const [payload, type] of [
      [Buffer.from(json), 'application/json'],
      [Buffer.from(json), 'application/json; charset=UTF-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), 'application/json; charset=utf-8'],
    ] as const) {
      const res = await post(payload, type);
      expect(res.statusCode, type).toBe(201);
      expect(res.json().lastName).toBe('Müller – €');
    }
    const malformed = await post('{"kind":', 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toBe('JSON non valido');
  });
});

describe('login throttling counted in the database', () => {
  // Distinct addresses per test, so no other test (or file sharing the database) is slowed.
  const from = (app: FastifyInstance, remoteAddress: string) => (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

  it('slows many e-mails from one address, counting on every node, with Retry-After', async () => {
    const second = await buildTestApp(ctx.db);
    try {
      const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
      const a = from(ctx.app, address);
      const b = from(second, address);
      // 30 failures with 30 different e-mails, alternating between the two nodes.
      for (let i = 1; i <= LOGIN_LIMIT_PER_ADDRESS; i++) {
        const res = await (i % 2 ? a : b)(`nobody-${i}-${uniq()}@example.test`, 'wrong');
        expect(res.statusCode, `attempt ${i}`).toBe(401);
      }
      for (const login of [a, b]) {
        const res = await login(`nobody-x-${uniq()}@example.test`, 'wrong');
        expect(res.statusCode).toBe(429);
        expect(res.json().error.code).toBe('rate_limited');
        const retry = Number(res.headers['retry-after']);
        expect(retry).toBeGreaterThan(0);
        expect(retry).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
      }
      // Even the right password waits on that address; another address is not slowed.
      expect((await a(ctx.t.users.operator.email, TEST_PASSWORD)).statusCode).toBe(429);
      expect((await from(second, '192.0.2.77')(ctx.t.users.operator.email, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('slows one e-mail on one address across nodes; a successful login resets its counter', async () => {
    const second = await buildTestApp(ctx.db);
    try {
      const tenant = await createTestTenant(ctx.db);
      const email = tenant.users.supervisor.email;
      const address = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
      const a = from(ctx.app, address);
      const b = from(second, address);
      for (let i = 1; i <= LOGIN_LIMIT_PER_ADDRESS_AND_EMAIL - 1; i++) expect((await (i % 2 ? a : b)(email, `wrong-${i}`)).statusCode).toBe(401);
      // The right password before the limit: the count starts again.
      expect((await b(email, TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 1; i <= LOGIN_LIMIT_PER_ADDRESS_AND_EMAIL; i++) expect((await (i % 2 ? b : a)(email, `wrong-${i}`)).statusCode, `attempt ${i}`).toBe(401);
      const over = await a(email, TEST_PASSWORD);
      expect(over.statusCode).toBe(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect((await b(email.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(429);
      // A colleague on the same address is not locked out.
      expect((await b(tenant.users.operator.email, TEST_PASSWORD)).statusCode).toBe(200);
      // The table holds hashes, never the e-mail.
      const stored = await sql<{ key_hash: string }>`select key_hash from login_attempts`.execute(ctx.db);
      expect(stored.rows.some((r) => r.key_hash.includes('@'))).toBe(false);
    } finally {
      await second.close();
    }
  });
});
