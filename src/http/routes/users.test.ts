import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { systemActor } from '../../domain/policies.ts';
import { createUser } from '../../usecases/users/create-user.ts';
import { auditOf, createTestTenant, snapshotCounts, uniq, type TestTenant } from '../../test/factories.ts';
import { as, messageFor, openApiContext, sessionCookie, type ApiContext, type Client } from '../../test/http.ts';

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
      [{ password: 'corta' }, 'password', 'almeno 12 caratteri'],
      [{ password: '             ' }, 'password', 'non può essere vuota'],
      [{ password: 'Password1234!' }, 'password', 'troppo comune'],
      [{ password: 'qwertyuiop12' }, 'password', 'troppo comune'],
      [{ password: 'Incasso2026!!' }, 'password', 'troppo comune'],
      [{ email: `giulia.verdi@x-${uniq()}.test`, password: 'GIULIA.VERDI-segreta' }, 'password', 'l’indirizzo e-mail'],
      [{ name: 'Ottavia Quaranta', password: 'ottaviaquaranta!' }, 'password', 'il nome dell’utente'],
      [{ role: 'root' }, 'role', ''],
      [{ locale: 'es' }, 'locale', ''],
      [{ role: 'viewer' }, 'creditorId', 'Un utente in sola lettura appartiene a un mandante'],
      [{ role: 'operator', creditorId: t.creditor.id }, 'creditorId', 'Solo gli utenti in sola lettura sono legati a un mandante'],
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

  it('refuses an e-mail already in use, in any tenant, with one answer that names neither holder nor tenant', async () => {
    const before = await counts();
    const otherBefore = await snapshotCounts(ctx.db, ctx.other.tenantId, ['users', 'audit_events']);
    const answers = [];
    for (const email of [t.users.operator.email, ctx.other.users.viewer.email.toUpperCase()]) {
      const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ email }) });
      expect(res.statusCode, email).toBe(409);
      expect(res.body).not.toContain(email.toLowerCase());
      expect(res.body).not.toContain(ctx.other.slug);
      answers.push(res.json());
    }
    // Taken here or taken elsewhere: byte for byte the same answer.
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({
      error: {
        code: 'conflict',
        message: 'Indirizzo e-mail non utilizzabile: sceglierne un altro',
        messageCode: 'admin.email_unusable',
        fields: [{ path: 'email', message: 'Indirizzo e-mail non utilizzabile', messageCode: 'admin.email_unusable_field' }],
      },
    });
    expect(JSON.stringify(answers[0])).not.toMatch(/@|tenant/i);
    expect(await counts()).toEqual(before);
    expect(await snapshotCounts(ctx.db, ctx.other.tenantId, ['users', 'audit_events'])).toEqual(otherBefore);
  });

  it('holds the CLI (a system actor) to the same password policy', async () => {
    const cli = systemActor(t.tenantId, 'cli');
    for (const [password, text] of [
      ['admin12345678', 'troppo comune'],
      ['  ', 'non può essere vuota'],
      ['corta', 'almeno 12 caratteri'],
    ] as const) {
      const err = await createUser(ctx.db, cli, { email: `cli-${uniq()}@x.test`, name: 'Anna Rossi', role: 'admin', password }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).fields[0]).toMatchObject({ path: 'password', message: expect.stringContaining(text) });
    }
  });

  it('generates a one-time password when none is given, shown once, and it opens a session', async () => {
    const email = `otp-${uniq()}@${t.slug}.test`;
    const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ email, password: undefined }) });
    expect(res.statusCode).toBe(201);
    const { oneTimePassword, ...user } = res.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(user).toMatchObject({ email, role: 'operator', active: true });
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: oneTimePassword } });
    expect(login.statusCode).toBe(200);
    const audit = await auditOf(ctx.db, t.tenantId, user.id);
    expect(audit[0]).toMatchObject({ action: 'user.created', after: { passwordGenerated: true } });
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
    const list = await ctx.admin({ method: 'GET', url: '/api/users' });
    expect(list.body).not.toContain(oneTimePassword);
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

describe('users API: changes by an administrator', () => {
  /** A user of tenant t created through the API, with a live session. */
  async function freshUser(overrides: Record<string, unknown> = {}) {
    const payload = newUser(overrides);
    const res = await ctx.admin({ method: 'POST', url: '/api/users', payload });
    expect(res.statusCode, res.body).toBe(201);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: payload.email, password: payload.password } });
    expect(login.statusCode).toBe(200);
    const cookie = `incasso_session=${login.cookies.find((c) => c.name === 'incasso_session')!.value}`;
    return { id: res.json().id as string, email: String(payload.email).toLowerCase(), password: String(payload.password), session: as(ctx.app, cookie) };
  }
  const me = (client: Client) => client({ method: 'GET', url: '/api/auth/me' });
  const loginWith = (email: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it('requires a session', async () => {
    const id = t.users.operator.id;
    for (const [method, url] of [
      ['PATCH', `/api/users/${id}`],
      ['POST', `/api/users/${id}/deactivate`],
      ['POST', `/api/users/${id}/reactivate`],
      ['POST', `/api/users/${id}/reset-password`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('changes role and creditor binding, audited with before and after, and ends the user’s sessions', async () => {
    const u = await freshUser();
    expect((await me(u.session)).statusCode).toBe(200);
    const res = await ctx.admin({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { role: 'viewer', creditorId: t.creditor.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, role: 'viewer', creditorId: t.creditor.id, active: true });
    expect((await me(u.session)).statusCode).toBe(401);

    const rebound = await ctx.admin({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { creditorId: t.otherCreditor.id } });
    expect(rebound.json()).toMatchObject({ role: 'viewer', creditorId: t.otherCreditor.id });
    const back = await ctx.admin({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { role: 'supervisor' } });
    expect(back.json()).toMatchObject({ role: 'supervisor', creditorId: null });

    const audit = await auditOf(ctx.db, t.tenantId, u.id);
    expect(audit.filter((a) => a.action === 'user.updated').map((a) => [a.before, a.after])).toEqual([
      [{ role: 'operator', creditorId: null }, { role: 'viewer', creditorId: t.creditor.id }],
      [{ creditorId: t.creditor.id }, { creditorId: t.otherCreditor.id }],
      [{ role: 'viewer', creditorId: t.otherCreditor.id }, { role: 'supervisor', creditorId: null }],
    ]);
  });

  it('refuses a viewer without creditor, a binding for others, and another tenant’s creditor', async () => {
    const u = await freshUser();
    const before = await counts();
    for (const [payload, text] of [
      [{ role: 'viewer' }, 'admin.viewer_needs_creditor'],
      [{ creditorId: t.creditor.id }, 'admin.only_viewers_have_creditor'],
      [{ role: 'viewer', creditorId: ctx.other.creditor.id }, 'Mandante inesistente'],
      [{ email: 'new@x.test' }, 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.admin({ method: 'PATCH', url: `/api/users/${u.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json().error.fields)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('deactivates: the sessions end at once and log-in is refused; reactivation lets the user in again', async () => {
    const u = await freshUser();
    const res = await ctx.admin({ method: 'POST', url: `/api/users/${u.id}/deactivate`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, active: false });
    expect((await me(u.session)).statusCode).toBe(401);
    expect((await loginWith(u.email, u.password)).statusCode).toBe(401);
    expect((await ctx.db.selectFrom('sessions').select('token_hash').where('user_id', '=', u.id).execute()).length).toBe(0);

    const again = await ctx.admin({ method: 'POST', url: `/api/users/${u.id}/reactivate`, payload: {} });
    expect(again.json()).toMatchObject({ id: u.id, active: true });
    expect((await loginWith(u.email, u.password)).statusCode).toBe(200);
    const audit = await auditOf(ctx.db, t.tenantId, u.id);
    expect(audit.filter((a) => a.action !== 'user.logged_in').map((a) => [a.action, a.before, a.after])).toEqual([
      ['user.created', null, expect.any(Object)],
      ['user.deactivated', { active: true }, { active: false, sessionsEnded: 1 }],
      ['user.reactivated', { active: false }, { active: true }],
    ]);
  });

  it('resets a password: a new one-time password shown once, the old one and the sessions end', async () => {
    const u = await freshUser();
    const res = await ctx.admin({ method: 'POST', url: `/api/users/${u.id}/reset-password`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const { oneTimePassword } = res.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect((await me(u.session)).statusCode).toBe(401);
    expect((await loginWith(u.email, u.password)).statusCode).toBe(401);
    expect((await loginWith(u.email, oneTimePassword)).statusCode).toBe(200);
    const audit = await auditOf(ctx.db, t.tenantId, u.id);
    expect(audit.map((a) => a.action)).toContain('user.password_reset');
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
  });

  it('never leaves a tenant without an active administrator', async () => {
    const solo = await createTestTenant(ctx.db);
    const admin = as(ctx.app, await sessionCookie(ctx.app, solo.users.admin.email));
    const id = solo.users.admin.id;
    const before = await snapshotCounts(ctx.db, solo.tenantId, ['users', 'audit_events']);
    for (const [method, url, payload] of [
      ['POST', `/api/users/${id}/deactivate`, {}],
      ['PATCH', `/api/users/${id}`, { role: 'supervisor' }],
    ] as const) {
      const res = await admin({ method, url, payload });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.message).toContain('almeno un amministratore attivo');
    }
    expect(await snapshotCounts(ctx.db, solo.tenantId, ['users', 'audit_events'])).toEqual(before);
    expect((await me(admin)).statusCode).toBe(200);

    // With a second active admin the first may step down.
    const promoted = await admin({ method: 'PATCH', url: `/api/users/${solo.users.supervisor.id}`, payload: { role: 'admin' } });
    expect(promoted.statusCode).toBe(200);
    const demoted = await admin({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'operator' } });
    expect(demoted.statusCode).toBe(200);
  });

  it('two admins demoting each other at the same moment: one wins, one admin stays', async () => {
    const pair = await createTestTenant(ctx.db);
    const a = { id: pair.users.admin.id, client: as(ctx.app, await sessionCookie(ctx.app, pair.users.admin.email)) };
    const promoted = await a.client({ method: 'PATCH', url: `/api/users/${pair.users.supervisor.id}`, payload: { role: 'admin' } });
    expect(promoted.statusCode).toBe(200);
    const b = { id: pair.users.supervisor.id, client: as(ctx.app, await sessionCookie(ctx.app, pair.users.supervisor.email)) };
    const [ra, rb] = await Promise.all([
      a.client({ method: 'PATCH', url: `/api/users/${b.id}`, payload: { role: 'operator' } }),
      b.client({ method: 'POST', url: `/api/users/${a.id}/deactivate`, payload: {} }),
    ]);
    // The loser is refused, or — having been demoted a moment earlier — is no admin any more.
    expect([ra.statusCode, rb.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const admins = await ctx.db.selectFrom('users').select('id').where('tenant_id', '=', pair.tenantId).where('role', '=', 'admin').where('active', '=', true).execute();
    expect(admins).toHaveLength(1);
  });

  it('answers 404 for another tenant’s users and unknown ids, and 403 to every other role', async () => {
    const target = ctx.other.users.operator.id;
    const before = await snapshotCounts(ctx.db, ctx.other.tenantId, ['users', 'audit_events']);
    for (const id of [target, '6f1c1d3e-0000-4000-8000-000000000000', 'nope']) {
      for (const [method, url, payload] of [
        ['PATCH', `/api/users/${id}`, { role: 'viewer', creditorId: ctx.other.creditor.id }],
        ['POST', `/api/users/${id}/deactivate`, {}],
        ['POST', `/api/users/${id}/reactivate`, {}],
        ['POST', `/api/users/${id}/reset-password`, {}],
      ] as const) {
        const res = await ctx.admin({ method, url, payload });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await snapshotCounts(ctx.db, ctx.other.tenantId, ['users', 'audit_events'])).toEqual(before);

    const mine = t.users.operator.id;
    for (const role of ['supervisor', 'operator', 'viewer'] as const) {
      for (const [method, url, payload] of [
        ['PATCH', `/api/users/${mine}`, { role: 'admin' }],
        ['POST', `/api/users/${mine}/deactivate`, {}],
        ['POST', `/api/users/${mine}/reset-password`, {}],
      ] as const) {
        const res = await ctx[role]({ method, url, payload });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
  });
});

describe('users API: one’s own password', () => {
  it('any role changes their own password: the current one is asked, the policy applies, other sessions end', async () => {
    const email = `self-${uniq()}@${t.slug}.test`;
    const created = await ctx.admin({ method: 'POST', url: '/api/users', payload: newUser({ email, role: 'viewer', creditorId: t.creditor.id, password: undefined }) });
    const { id, oneTimePassword } = created.json();
    const cookieOf = async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: oneTimePassword } });
      return `incasso_session=${res.cookies.find((c) => c.name === 'incasso_session')!.value}`;
    };
    const here = as(ctx.app, await cookieOf());
    const elsewhere = as(ctx.app, await cookieOf());
    const change = (payload: object) => here({ method: 'POST', url: '/api/users/me/password', payload });

    const cases = [
      [{ currentPassword: 'sbagliata-davvero', newPassword: 'Tr3no-per-Bergamo-alle-7' }, 'currentPassword', 'Password attuale errata'],
      [{ currentPassword: oneTimePassword, newPassword: 'Password1234!' }, 'newPassword', 'troppo comune'],
      [{ currentPassword: oneTimePassword, newPassword: `${email}!` }, 'newPassword', 'l’indirizzo e-mail'],
      [{ currentPassword: oneTimePassword, newPassword: oneTimePassword }, 'newPassword', 'diversa'],
      [{ currentPassword: oneTimePassword, newPassword: '   ' }, 'newPassword', 'non può essere vuota'],
    ] as const;
    for (const [payload, path, text] of cases) {
      const res = await change(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }

    const ok = await change({ currentPassword: oneTimePassword, newPassword: 'Tr3no-per-Bergamo-alle-7' });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await here({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await elsewhere({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = (password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect((await login(oneTimePassword)).statusCode).toBe(401);
    expect((await login('Tr3no-per-Bergamo-alle-7')).statusCode).toBe(200);
    const audit = await auditOf(ctx.db, t.tenantId, id);
    expect(audit.find((a) => a.action === 'user.password_changed')).toMatchObject({ actor_label: `user:${email}`, after: { otherSessionsEnded: 1 } });
    expect(JSON.stringify(audit)).not.toContain('Tr3no');
  });

  it('requires a session', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/users/me/password', payload: { currentPassword: 'x', newPassword: 'y' } });
    expect(res.statusCode).toBe(401);
  });
});
