import { beforeAll, describe, expect, it } from 'vitest';
import { openApiContext, pathsOf, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';

/** Scheduled reports over HTTP (issue 16 item 3): who sets them, who reads them, outsiders get 404. */
let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});

describe('/api/reports/schedules', () => {
  it('a supervisor schedules a creditor’s weekly report; its viewer reads it, cannot change it; outsiders see nothing', async () => {
    const created = await ctx.supervisor({
      method: 'POST',
      url: '/api/reports/schedules',
      payload: { creditorId: ctx.t.creditor.id, frequency: 'weekly', language: 'fr', recipients: ['compta@client.test'] },
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ creditorId: ctx.t.creditor.id, frequency: 'weekly', language: 'fr', recipients: ['compta@client.test'], active: true, runs: [] });
    // Weekly reports are made on Mondays.
    expect(new Date(`${s.nextRunOn}T12:00:00Z`).getUTCDay()).toBe(1);

    const seen = await ctx.viewer({ method: 'GET', url: '/api/reports/schedules' });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/reports/schedules/${s.id}`, payload: { version: s.version, active: false } })).statusCode).toBe(403);
    expect((await ctx.operator({ method: 'POST', url: '/api/reports/schedules', payload: { creditorId: ctx.t.creditor.id, frequency: 'weekly', recipients: ['x@y.test'] } })).statusCode).toBe(403);

    expect((await ctx.outsider({ method: 'GET', url: '/api/reports/schedules' })).json().items).toEqual([]);
    expect((await ctx.outsider({ method: 'PATCH', url: `/api/reports/schedules/${s.id}`, payload: { version: s.version, active: false } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: '/api/reports/schedules', payload: { creditorId: ctx.t.creditor.id, frequency: 'weekly', recipients: ['x@y.test'] } })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/reports/runs/${UNKNOWN_ID}/file?format=pdf` })).statusCode).toBe(404);

    const paused = await ctx.admin({ method: 'PATCH', url: `/api/reports/schedules/${s.id}`, payload: { version: s.version, active: false, recipients: ['compta@client.test', 'direction@client.test'] } });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ active: false, recipients: ['compta@client.test', 'direction@client.test'], version: s.version + 1 });
  });

  it('refuses an address that is not one, by field', async () => {
    const res = await ctx.admin({ method: 'POST', url: '/api/reports/schedules', payload: { creditorId: ctx.t.creditor.id, frequency: 'monthly', recipients: ['tributi@comune'] } });
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res)).toEqual(['recipients.0']);
  });
});
