import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestTenant, TEST_PASSWORD, uniq, type TestTenant } from '../../test/factories.ts';
import { as, openApiContext, sessionCookie, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

const WRONG = 'E-mail o password errati';

describe('POST /api/auth/login', () => {
  it('answers the user and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await login(t.users.admin.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: t.users.admin.id,
        email: t.users.admin.email,
        name: `admin ${t.slug}`,
        role: 'admin',
        locale: 'it',
        creditorId: null,
        tenant: { id: t.tenantId, name: `Tenant ${t.slug}`, kind: 'agency' },
      },
    });
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^incasso_session=[A-Za-z0-9_-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    // Only the SHA-256 of the token is stored.
    const token = res.cookies.find((c) => c.name === 'incasso_session')!.value;
    const stored = await ctx.db.selectFrom('sessions').select('token_hash').where('user_id', '=', t.users.admin.id).execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const res = await login(`  ${t.users.viewer.email.toUpperCase()} `, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: t.users.viewer.id, role: 'viewer', creditorId: t.creditor.id });
  });

  it('refuses a wrong password with the same answer as an unknown e-mail, and sets no cookie', async () => {
    const wrong = await login(t.users.operator.email, 'not-the-password');
    const unknown = await login(`nobody-${uniq()}@example.test`, TEST_PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: WRONG, messageCode: 'auth.bad_credentials', params: {}, fields: [] } });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a deactivated user, and ends the sessions it already had', async () => {
    const tenant = await createTestTenant(ctx.db);
    const cookie = await sessionCookie(ctx.app, tenant.users.operator.email);
    const client = as(ctx.app, cookie);
    expect((await client({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await ctx.db.updateTable('users').set({ active: false }).where('id', '=', tenant.users.operator.id).execute();
    const res = await login(tenant.users.operator.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe(WRONG);
    expect((await client({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a malformed body with 400 and field paths', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('answers 429 to the 11th attempt within the window for the same e-mail, and only for that e-mail', async () => {
    const tenant = await createTestTenant(ctx.db);
    const target = tenant.users.supervisor.email;
    for (let i = 1; i <= 10; i++) {
      const res = await login(target, `wrong-${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const eleventh = await login(target, 'wrong-11');
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('rate_limited');
    // Even the right password waits: the counter is per address and e-mail.
    expect((await login(target, TEST_PASSWORD)).statusCode).toBe(429);
    // The same e-mail in another case is the same key.
    expect((await login(target.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(429);
    // Another user on the same address is not locked out by someone guessing a colleague's password.
    const colleague = await login(tenant.users.operator.email, TEST_PASSWORD);
    expect(colleague.statusCode).toBe(200);
  });
});

describe('GET /api/auth/me', () => {
  it('answers 401 without a session or with an unknown token', async () => {
    for (const cookie of [undefined, 'incasso_session=bogus', `incasso_session=${'a'.repeat(200)}`]) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });
      expect(res.statusCode, String(cookie)).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'unauthenticated', message: 'Accesso richiesto', messageCode: 'error.auth_required', params: {}, fields: [] },
      });
    }
  });

  it('answers the user of the session, with the viewer’s creditor', async () => {
    const res = await ctx.viewer({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: t.users.viewer.id,
        email: t.users.viewer.email,
        name: `viewer ${t.slug}`,
        role: 'viewer',
        locale: 'it',
        creditorId: t.creditor.id,
        tenant: { id: t.tenantId, name: `Tenant ${t.slug}`, kind: 'agency' },
      },
    });
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 401 without a session', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(401);
  });

  it('ends the session: the cookie stops working and the session row is gone', async () => {
    const cookie = await sessionCookie(ctx.app, t.users.supervisor.email);
    const client = as(ctx.app, cookie);
    expect((await client({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const sessionsBefore = await countRows(ctx.db, 'sessions', t.tenantId);
    const res = await client({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    // The browser is told to drop the cookie.
    expect(String(res.headers['set-cookie'])).toMatch(/^incasso_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await countRows(ctx.db, 'sessions', t.tenantId)).toBe(sessionsBefore - 1);
    const after = await client({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect((await client({ method: 'GET', url: '/api/debtors' })).statusCode).toBe(401);
    // Other sessions of the tenant are untouched.
    expect((await ctx.admin({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing request from another origin with 403, writing nothing', async () => {
    const before = await countRows(ctx.db, 'debtors', t.tenantId);
    const evil = { origin: 'https://evil.example' };
    const res = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      headers: evil,
      payload: { kind: 'consumer', lastName: 'Cross' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'forbidden',
      message: 'Richiesta da un’altra origine rifiutata',
      messageCode: 'error.cross_origin',
      params: {},
      fields: [],
    });
    expect((await login(t.users.admin.email, TEST_PASSWORD, evil)).statusCode).toBe(403);
    expect((await ctx.admin({ method: 'POST', url: '/api/debtors', headers: { origin: 'null' }, payload: { kind: 'consumer', lastName: 'Cross' } })).statusCode).toBe(403);
    expect(await countRows(ctx.db, 'debtors', t.tenantId)).toBe(before);
  });

  it('accepts a request from its own origin, with or without the default port, and reads from anywhere', async () => {
    // inject sends "Host: localhost:80"; a browser on that page sends "Origin: http://localhost".
    for (const [origin, host] of [
      ['http://localhost', undefined],
      ['http://localhost:80', undefined],
      ['https://incasso.example.it', 'incasso.example.it'],
      ['https://incasso.example.it', 'incasso.example.it:443'],
    ] as const) {
      const own = await ctx.admin({
        method: 'POST',
        url: '/api/debtors',
        headers: { origin, ...(host ? { host } : {}) },
        payload: { kind: 'consumer', lastName: `Stessa-${uniq()}` },
      });
      expect(own.statusCode, `${origin} ${host}`).toBe(201);
    }
    for (const origin of ['http://localhost:3001', 'https://localhost', 'http://localhost.evil.example']) {
      const res = await ctx.admin({ method: 'POST', url: '/api/debtors', headers: { origin }, payload: { kind: 'consumer', lastName: 'X' } });
      expect(res.statusCode, origin).toBe(403);
    }
    const read = await ctx.admin({ method: 'GET', url: '/api/auth/me', headers: { origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
  });
});

describe('API description', () => {
  it('serves /openapi.json without a session, listing the API paths', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/claims',
        '/api/claims/{id}',
        '/api/debtors/{id}/history',
        '/api/payments',
        '/api/auth/login',
        '/api/dashboard',
      ]),
    );
    expect(Object.keys(doc.paths['/api/claims'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
