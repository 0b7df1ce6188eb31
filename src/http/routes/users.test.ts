import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createTestTenant, snapshotCounts, uniq, type TestTenant } from '../../test/factories.ts';
import { as, messageFor, openApiContext, sessionCookie, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['users', 'audit_events']);

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `nuovo-${uniq()}@${t.slug}.test`,
  name: 'Nuova Operatrice',
  password: 'una-password-lunga',
  role: 'operator',
  ...overrides,
});

describe('users API', () => {
  it('requires a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : newUser() });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('lists the tenant’s users, sorted by name, without password hashes', async () => {
    const tenant = await createTestTenant(ctx.db);
    const admin = as(ctx.app, await sessionCookie(ctx.app, tenant.users.admin.email));
    const res = await admin({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(
      (['admin', 'operator', 'supervisor', 'viewer'] as const).map((role) => ({
        id: tenant.users[role].id,
        email: tenant.users[role].email,
        name: `${role} ${tenant.slug}`,
        role,
        creditorId: role === 'viewer' ? tenant.creditor.id : null,
        locale: 'it',
        active: true,
      })),
    );
  });

  it('creates a user who can then log in, with an audit event that holds no password', async () => {
    const email = `Mixed.Case-${uniq()}@${t.slug}.test`;
    const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ email: ` ${email} `, locale: 'de' }) });
    expect(res.statusCode).toBe(201);
    const u = res.json();
    expect(u).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: 'Nuova Operatrice',
      role: 'operator',
      creditorId: null,
      locale: 'de',
      active: true,
    });
    const me = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'una-password-lunga' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: u.id, role: 'operator', tenant: { id: t.tenantId } });
    const audit = await auditOf(ctx.db, t.tenantId, u.id);
    expect(audit[0]).toMatchObject({
      action: 'user.created',
      actor_label: `user:${t.users.admin.email}`,
      after: { email: email.toLowerCase(), name: 'Nuova Operatrice', role: 'operator', creditorId: null },
    });
    expect(JSON.stringify(audit)).not.toContain('una-password-lunga');
    expect(JSON.stringify(audit)).not.toContain('argon2');

    const viewer = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ role: 'viewer', creditorId: t.otherCreditor.id }) });
    expect(viewer.statusCode).toBe(201);
    expect(viewer.json()).toMatchObject({ role: 'viewer', creditorId: t.otherCreditor.id });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'not-an-email' }, 'email', 'e-mail non valido'],
      [{ name: ' ' }, 'name', 'Campo obbligatorio'],
      [{ password: 'corta' }, 'password', 'almeno 10 caratteri'],
      [{ role: 'root' }, 'role', ''],
      [{ locale: 'es' }, 'locale', ''],
      [{ role: 'viewer' }, 'creditorId', 'a viewer needs a creditor'],
      [{ role: 'operator', creditorId: t.creditor.id }, 'creditorId', 'only viewers belong to a creditor'],
      [{ role: 'viewer', creditorId: 'nope' }, 'creditorId', 'Identificativo non valido'],
      [{ tenantId: ctx.other.tenantId }, 'tenantId', 'Campo sconosciuto'],
    ];
    for (const [overrides, path, text] of cases) {
      const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser(overrides) });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an e-mail already in use, in any tenant, with 409', async () => {
    const before = await counts();
    for (const email of [t.users.operator.email, ctx.other.users.viewer.email.toUpperCase()]) {
      const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ email }) });
      expect(res.statusCode, email).toBe(409);
      expect(res.json().error.code).toBe('conflict');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a viewer bound to another tenant’s creditor with 400 on creditorId, as claims and payments do', async () => {
    const before = await counts();
    for (const creditorId of [ctx.other.creditor.id, '6f1c1d3e-0000-4000-8000-000000000000']) {
      const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ role: 'viewer', creditorId }) });
      expect(res.statusCode).toBe(400);
      expect(messageFor(res, 'creditorId')).toContain('Mandante inesistente');
    }
    expect(await counts()).toEqual(before);
  });

  it('is for admins only: every other role gets 403 and writes nothing', async () => {
    const before = await counts();
    for (const role of ['supervisor', 'operator', 'viewer'] as const) {
      const list = await ctx[role]({ method: 'GET', url: '/api/users' });
      expect(list.statusCode, role).toBe(403);
      expect(list.json().error.code).toBe('forbidden');
      const create = await ctx[role]({ method: 'POST', url: '/api/users', payload: newUser({ role: 'admin' }) });
      expect(create.statusCode, role).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('never shows or creates users across tenants', async () => {
    const list = await ctx.outsider({ method: 'GET', url: '/api/users' });
    expect(list.statusCode).toBe(200);
    const ids = list.json().map((u: { id: string }) => u.id);
    expect(ids).toContain(ctx.other.users.admin.id);
    expect(ids).not.toContain(t.users.admin.id);
    const created = await ctx.outsider({ method: 'POST', url: '/api/users', payload: newUser() });
    expect(created.statusCode).toBe(201);
    const row = await ctx.db.selectFrom('users').select('tenant_id').where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect(row.tenant_id).toBe(ctx.other.tenantId);
  });
});
