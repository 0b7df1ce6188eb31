import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, TEST_ALBO } from '../../test/factories.ts';
import { openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;

beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

describe('settings API', () => {
  it('shows the contact rules in force (the law’s defaults until set) and lets only an administrator change letterhead, albo and rules', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/settings' })).statusCode).toBe(401);
    const first = await ctx.supervisor({ method: 'GET', url: '/api/settings' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ letterhead: null, albo: TEST_ALBO, complianceIsDefault: true, compliance: { maxConversationsPerDay: 1 } });
    expect((await ctx.viewer({ method: 'GET', url: '/api/settings' })).statusCode).toBe(403);

    const body = {
      letterhead: { name: 'Riscossioni Valdoria S.r.l.', lines: ['Via Roma 1', '00100 Valdoria (RM)'], vatNumber: '12345678903' },
      albo: { section: 'ordinary', number: '123', registeredOn: '2023-05-10' },
    };
    expect((await ctx.supervisor({ method: 'PATCH', url: '/api/settings', payload: body })).statusCode).toBe(403);
    const saved = await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ letterhead: { name: 'Riscossioni Valdoria S.r.l.', country: 'IT' }, albo: { number: '123' } });
    const rules = { ...first.json().compliance, maxConversationsPerWeek: 2 };
    const stricter = await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { compliance: rules } });
    expect(stricter.json()).toMatchObject({ complianceIsDefault: false, compliance: { maxConversationsPerWeek: 2 }, albo: { number: '123' } });

    const bad = await ctx.admin({
      method: 'PATCH',
      url: '/api/settings',
      payload: { albo: { section: 'third', number: '', registeredOn: 'ieri' }, letterhead: { lines: [] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['albo.number', 'albo.registeredOn', 'albo.section', 'letterhead.name']);

    const cleared = await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { compliance: null } });
    expect(cleared.json()).toMatchObject({ complianceIsDefault: true, albo: { number: '123' } });
    // Another tenant's settings are its own.
    expect((await ctx.outsider({ method: 'GET', url: '/api/settings' })).json()).toMatchObject({ albo: TEST_ALBO, letterhead: null });
    const audit = await auditOf(ctx.db, ctx.t.tenantId, ctx.t.tenantId);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['settings.updated', 'settings.updated', 'settings.updated']);
  });
});
