import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiContext, pathsOf, messageFor, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

type Overview = { series: { series: string; lastFrom: string; lastTo: string | null; rate: string }[] };
const overview = async () => (await ctx.viewer({ method: 'GET', url: '/api/rates' })).json() as Overview;
const endOf = async (series: string) => (await overview()).series.find((s) => s.series === series)!;
const nextDay = (d: string) => Temporal.PlainDate.from(d).add({ days: 1 }).toString();
const semesterEnd = (from: string) => {
  const d = Temporal.PlainDate.from(from);
  return Temporal.PlainDate.from({ year: d.year, month: d.month === 1 ? 6 : 12, day: d.month === 1 ? 30 : 31 }).toString();
};

describe('statutory rate periods', () => {
  it('should require authentication', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/rates' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/rates', payload: {} })).statusCode).toBe(401);
  });

  it('lists every series with its last known period and source-backed rate', async () => {
    const o = await overview();
    expect(o.series.map((s) => s.series)).toEqual(['it-legal', 'it-commercial-reference', 'ecb-mro', 'de-basiszins', 'fr-legal']);
    const legal = o.series.find((s) => s.series === 'it-legal')!;
    expect(legal.lastTo === null || legal.lastTo >= '2026-12-31').toBe(true);
  });

  it('lets an administrator add the next semester; the calculator then reaches it, and says so before', async () => {
    const ref = await endOf('it-commercial-reference');
    expect(ref.lastTo).not.toBeNull();
    const from = nextDay(ref.lastTo!);
    const to = semesterEnd(from);
    const calc = { principal: '10000', due: ref.lastFrom, paid: to, regime: 'it-commercial' };

    const before = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: calc });
    expect(before.statusCode).toBe(400);
    expect(messageFor(before, 'paid')).toContain(`noto fino al ${ref.lastTo}`);

    const body = { series: 'it-commercial-reference', from, to, rate: '2.65', source: 'MEF comunicato GU (test)' };
    for (const client of [ctx.supervisor, ctx.operator, ctx.viewer]) {
      expect((await client({ method: 'POST', url: '/api/rates', payload: body })).statusCode).toBe(403);
    }
    const added = await ctx.admin({ method: 'POST', url: '/api/rates', payload: body });
    expect(added.statusCode, added.body).toBe(201);
    expect(await endOf('it-commercial-reference')).toMatchObject({ lastFrom: from, lastTo: to, rate: '2.65' });

    const after = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: calc });
    expect(after.statusCode, after.body).toBe(200);
    const last = after.json().periods.at(-1);
    expect(last).toMatchObject({ from, to, rate: '10.65' }); // reference + 8
    // The same period twice is refused: periods follow each other.
    const again = await ctx.admin({ method: 'POST', url: '/api/rates', payload: body });
    expect(again.statusCode).toBe(400);
    expect(messageFor(again, 'from')).toContain('esiste già');
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'after']).where('tenant_id', '=', ctx.t.tenantId).where('action', '=', 'rate_period.added').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses gaps, wrong start days, bad rates and missing sources with specific messages', async () => {
    const de = await endOf('de-basiszins');
    const next = nextDay(de.lastTo!);
    const bad = async (payload: Record<string, unknown>) => {
      const res = await ctx.admin({ method: 'POST', url: '/api/rates', payload: { series: 'de-basiszins', from: next, rate: '1.5', source: 'Bundesbank (test)', ...payload } });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      return res;
    };
    const gap = Temporal.PlainDate.from(next).add({ months: 6 }).toString();
    expect(messageFor(await bad({ from: gap }), 'from')).toContain(`deve iniziare il ${next}`);
    expect(messageFor(await bad({ from: Temporal.PlainDate.from(next).add({ days: 14 }).toString() }), 'from')).toContain('1° luglio');
    expect(pathsOf(await bad({ rate: 'abc' }))).toEqual(['rate']);
    expect(pathsOf(await bad({ source: '' }))).toEqual(['source']);
    expect(pathsOf(await bad({ series: 'fr-legal', from: '2026-07-01' }))).toEqual(['rate2']);
    expect(pathsOf(await bad({ series: 'it-usury' }))).toEqual(['series']);
    expect(await endOf('de-basiszins')).toEqual(de);
  });
});
