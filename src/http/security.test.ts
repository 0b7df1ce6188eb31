import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../test/factories.ts';
import { openApiContext, type ApiContext } from '../test/http.ts';

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
