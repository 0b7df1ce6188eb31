import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { installationOperator } from '../../domain/policies.ts';
import { addRatePeriod } from '../../usecases/interest/add-rate-period.ts';
import { correctRatePeriod } from '../../usecases/interest/correct-rate-period.ts';
import { openApiContext, messageFor, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

type Overview = {
  series: { series: string; lastFrom: string; lastTo: string | null; rate: string }[];
  added: { series: string; from: string; rate: string; source: string; version: number; current: boolean; reason: string | null }[];
};
const overview = async () => (await ctx.viewer({ method: 'GET', url: '/api/rates' })).json() as Overview;
const endOf = async (series: string) => (await overview()).series.find((s) => s.series === series)!;
const nextDay = (d: string) => Temporal.PlainDate.from(d).add({ days: 1 }).toString();
const semesterEnd = (from: string) => {
  const d = Temporal.PlainDate.from(from);
  return Temporal.PlainDate.from({ year: d.year, month: d.month === 1 ? 6 : 12, day: d.month === 1 ? 30 : 31 }).toString();
};
const ops = installationOperator('ops:anna@server');
/** The error a use case throws, with its field messages. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
const fieldMessage = (e: AppError, path: string) => e.fields.find((f) => f.path === path)?.message ?? `(no ${path} in ${JSON.stringify(e.fields)})`;

describe('statutory rate periods', () => {
  it('should require authentication', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/rates' })).statusCode).toBe(401);
  });

  it('lists every series with its last known period and source-backed rate', async () => {
    const o = await overview();
    expect(o.series.map((s) => s.series)).toEqual(['it-legal', 'it-commercial-reference', 'ecb-mro', 'de-basiszins', 'fr-legal']);
    const legal = o.series.find((s) => s.series === 'it-legal')!;
    expect(legal.lastTo === null || legal.lastTo >= '2026-12-31').toBe(true);
  });

  it('no tenant user can add or change a period through the API, not even an administrator', async () => {
    const ref = await endOf('it-commercial-reference');
    const body = { series: 'it-commercial-reference', from: nextDay(ref.lastTo!), rate: '50', source: 'an attacker’s source' };
    for (const client of [ctx.admin, ctx.supervisor, ctx.operator, ctx.viewer, ctx.outsider]) {
      for (const method of ['POST', 'PUT', 'PATCH'] as const) {
        const res = await client({ method, url: '/api/rates', payload: body });
        expect(res.statusCode, `${method} ${res.body}`).toBe(404);
      }
    }
    expect(await endOf('it-commercial-reference')).toEqual(ref);
  });

  it('the installation’s operator adds the next semester; every tenant’s calculator then reaches it, and tenants never see who typed it', async () => {
    const ref = await endOf('it-commercial-reference');
    expect(ref.lastTo).not.toBeNull();
    const from = nextDay(ref.lastTo!);
    const to = semesterEnd(from);
    const calc = { principal: '10000', due: ref.lastFrom, paid: to, regime: 'it-commercial' };

    const before = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: calc });
    expect(before.statusCode).toBe(400);
    expect(messageFor(before, 'paid')).toContain(`noto fino al ${ref.lastTo!.split('-').reverse().join('/')}`);

    const added = await addRatePeriod(ctx.db, ops, { series: 'it-commercial-reference', from, to, rate: '2.65', source: 'MEF comunicato GU (test)' });
    expect(added).toMatchObject({ from, to, rate: '2.65', version: 1 });
    expect(await endOf('it-commercial-reference')).toMatchObject({ lastFrom: from, lastTo: to, rate: '2.65' });

    for (const client of [ctx.operator, ctx.outsider]) {
      const after = await client({ method: 'POST', url: '/api/interest/calculate', payload: calc });
      expect(after.statusCode, after.body).toBe(200);
      expect(after.json().periods.at(-1)).toMatchObject({ from, to, rate: '10.65' }); // reference + 8
    }
    const listing = await ctx.admin({ method: 'GET', url: '/api/rates' });
    expect(listing.body).toContain('MEF comunicato GU (test)');
    expect(listing.body).not.toContain('anna');
    expect(listing.body).not.toContain('@');
    // The same period twice is refused: periods follow each other.
    const again = await refusal(addRatePeriod(ctx.db, ops, { series: 'it-commercial-reference', from, to, rate: '2.65', source: 'MEF comunicato GU (test)' }));
    expect(fieldMessage(again, 'from')).toContain('esiste già');
    // The installation's change is in no tenant's audit log.
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('action', 'like', 'rate_period%').execute();
    expect(audit).toEqual([]);
  });

  it('a correction is a new version with its source and reason, used from the next computation; the old one stays', async () => {
    const de = await endOf('de-basiszins');
    const from = nextDay(de.lastTo!);
    const to = semesterEnd(from);
    await addRatePeriod(ctx.db, ops, { series: 'de-basiszins', from, to, rate: '1.75', source: 'Bundesbank (test, typo)' });
    const calc = { principal: '10000', due: de.lastFrom, paid: to, regime: 'de-business' };
    const first = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: calc });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().periods.at(-1)).toMatchObject({ from, rate: '10.75' }); // Basiszins + 9

    const r = await correctRatePeriod(ctx.db, installationOperator('ops:marco'), {
      series: 'de-basiszins',
      from,
      rate: '1.57',
      source: 'Deutsche Bundesbank, Pressenotiz (test)',
      reason: 'typo: 1.75 entered, the notice says 1.57',
    });
    expect(r).toMatchObject({ version: 2, before: { rate: '1.75' }, after: { rate: '1.57' } });
    const second = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: calc });
    expect(second.json().periods.at(-1)).toMatchObject({ from, rate: '10.57' });
    expect(Number(second.json().interest)).toBeLessThan(Number(first.json().interest));

    const versions = (await overview()).added.filter((a) => a.series === 'de-basiszins' && a.from === from);
    expect(versions).toEqual([
      expect.objectContaining({ version: 1, rate: '1.75', current: false, reason: null }),
      expect.objectContaining({ version: 2, rate: '1.57', current: true, reason: 'typo: 1.75 entered, the notice says 1.57', source: 'Deutsche Bundesbank, Pressenotiz (test)' }),
    ]);
    // Nothing is edited in place.
    await expect(ctx.db.updateTable('rate_periods').set({ rate_percent: '9' }).where('series', '=', 'de-basiszins').execute()).rejects.toThrow(/append-only/);

    // A correction needs a reason, must change something, and keeps the periods following each other.
    expect(fieldMessage(await refusal(correctRatePeriod(ctx.db, ops, { series: 'de-basiszins', from, rate: '1.6', source: 'Bundesbank (test)', reason: '' })), 'reason')).toBeTruthy();
    expect((await refusal(correctRatePeriod(ctx.db, ops, { series: 'de-basiszins', from, rate: '1.57', source: 'Deutsche Bundesbank, Pressenotiz (test)', reason: 'no change' }))).message).toContain('non cambia nulla');
    expect(fieldMessage(await refusal(correctRatePeriod(ctx.db, ops, { series: 'de-basiszins', from: de.lastFrom, rate: '3', source: 'Bundesbank (test)', reason: 'a shipped period' })), 'from')).toContain('rilascio');
  });

  it('refuses gaps, wrong start days, bad rates and missing sources with specific messages', async () => {
    const de = await endOf('de-basiszins');
    const next = nextDay(de.lastTo!);
    const bad = (payload: Record<string, unknown>) =>
      refusal(addRatePeriod(ctx.db, ops, { series: 'de-basiszins', from: next, rate: '1.5', source: 'Bundesbank (test)', ...payload } as never));
    const gap = Temporal.PlainDate.from(next).add({ months: 6 }).toString();
    expect(fieldMessage(await bad({ from: gap }), 'from')).toContain(`deve iniziare il ${next.split('-').reverse().join('/')}`);
    expect(fieldMessage(await bad({ from: Temporal.PlainDate.from(next).add({ days: 14 }).toString() }), 'from')).toContain('1° luglio');
    expect((await bad({ rate: 'abc' })).fields.map((f) => f.path)).toEqual(['rate']);
    expect((await bad({ source: '' })).fields.map((f) => f.path)).toEqual(['source']);
    expect((await bad({ series: 'fr-legal', from: '2026-07-01' })).fields.map((f) => f.path)).toEqual(['rate2']);
    expect((await bad({ series: 'it-usury' })).fields.map((f) => f.path)).toEqual(['series']);
    expect(await endOf('de-basiszins')).toEqual(de);
  });
});
