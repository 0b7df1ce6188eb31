import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiContext, pathsOf, type ApiContext } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

const ROOT = path.resolve(import.meta.dirname, '../../..');
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/incasso.mjs', 'interest', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 30_000,
    // No embedded database here: the CLI computes on the shipped tables (or on DATABASE_URL's, like the API).
    env: { ...process.env, INCASSO_DATA_DIR: path.join(os.tmpdir(), 'incasso-no-such-db', 'db') },
  });

const TV_IT_04 = { principal: '10000', due: '2023-01-01', paid: '2024-01-01', regime: 'it-commercial' };

describe('interest calculator: API, CLI and batch give the same amounts', () => {
  it('should require authentication', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/interest/calculate', payload: TV_IT_04 });
    expect(res.statusCode).toBe(401);
  });

  it('computes TV-IT-04 identically through the API, the CLI and the batch mode', async () => {
    const api = await ctx.viewer({ method: 'POST', url: '/api/interest/calculate', payload: TV_IT_04 });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ interest: '1126.16', currency: 'EUR', costs: '40.00', totalDue: '11166.16' });
    expect(api.json().periods.map((p: { amount: string }) => p.amount)).toEqual(['517.81', '604.93', '3.42']);

    const single = cli(['--principal', '10000', '--due', '2023-01-01', '--paid', '2024-01-01', '--regime', 'it-commercial', '--json']);
    expect(single.status, single.stderr).toBe(0);
    expect(JSON.parse(single.stdout)).toEqual(api.json());

    const lines = [
      JSON.stringify(TV_IT_04),
      '{not json',
      JSON.stringify({ ...TV_IT_04, debtorKind: 'consumer' }),
      JSON.stringify({ ...TV_IT_04, regime: 'it-legal', payments: [{ date: '2023-06-30', amount: '5000' }] }),
    ].join('\n');
    const batch = cli(['--batch', '-'], `${lines}\n`);
    expect(batch.status, batch.stderr).toBe(0);
    const out = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual(api.json());
    expect(out[1]!.error).toContain('JSON non valido');
    expect(out[2]!.error).toContain('consumatore');
    expect(out[3]).toMatchObject({ interest: expect.any(String), principalDue: expect.any(String) });
  });

  it('human output is a table with the legal basis', () => {
    const r = cli(['--principal', '10000', '--due', '2024-12-31', '--paid', '2025-12-31', '--regime', 'it-legal']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2025-01-01  2025-12-31');
    expect(r.stdout).toContain('200.00');
    expect(r.stdout).toContain('Art. 1284');
  });

  it('refuses bad input with specific field errors', async () => {
    const bad = async (payload: Record<string, unknown>) => {
      const res = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: { ...TV_IT_04, ...payload } });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      return pathsOf(res);
    };
    expect(await bad({ regime: 'it-usury' })).toEqual(['regime']);
    expect(await bad({ debtorKind: 'consumer' })).toEqual(['regime']);
    expect(await bad({ paid: '2022-12-31' })).toEqual(['paid']);
    expect(await bad({ paid: '2030-01-01' })).toEqual(['paid']);
    expect(await bad({ principal: '10.001' })).toEqual(['principal']);
    const cliBad = cli(['--principal', '10000', '--due', '2023-01-01', '--paid', '2022-01-01', '--regime', 'it-legal']);
    expect(cliBad.status).toBe(2);
    expect(cliBad.stderr).toContain('precede la scadenza');
  });
});

describe('the interest statement as a PDF', () => {
  it('should require authentication', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/interest/statement.pdf', payload: TV_IT_04 })).statusCode).toBe(401);
  });

  it('reads back with every period, the payments’ allocation, € and accented letters (Italian)', async () => {
    const res = await ctx.operator({
      method: 'POST',
      url: '/api/interest/statement.pdf?lang=it',
      payload: { ...TV_IT_04, payments: [{ date: '2023-09-30', amount: '2000' }] },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Prospetto di calcolo degli interessi');
    // The periods with their days, rates and amounts, Italian formats.
    expect(text).toMatch(/02\/01\/2023\s+30\/06\/2023\s+180\s+10,50 %/);
    expect(text).toContain('517,81 €');
    expect(text).toContain('10.000,00 €');
    // The payment allocated to costs (the €40), then interest, then principal.
    expect(text).toContain('Pagamenti e imputazione');
    expect(text).toContain('40,00 €');
    expect(text).toContain('Base giuridica');
    expect(text).toContain('D.Lgs. 231/2002');
    expect(text).toMatch(/è esposto non arrotondato/);
  });

  it('speaks German and French, and prints Swiss francs the Swiss way', async () => {
    const chf = { principal: '10000', due: '2025-01-01', paid: '2025-01-20', regime: 'ch', currency: 'CHF' };
    const de = pdfText((await ctx.operator({ method: 'POST', url: '/api/interest/statement.pdf?lang=de', payload: chf })).rawPayload);
    expect(de).toContain('Zinsberechnung');
    expect(de).toContain('CHF 26.03');
    expect(de).toContain('CHF 10’000.00');
    expect(de).toContain('Fälligkeit');
    const fr = pdfText((await ctx.operator({ method: 'POST', url: '/api/interest/statement.pdf?lang=fr', payload: TV_IT_04 })).rawPayload);
    expect(fr).toContain('Décompte des intérêts');
    expect(fr).toMatch(/1\s?126,16\s€/);
    const bad = await ctx.operator({ method: 'POST', url: '/api/interest/statement.pdf?lang=xx', payload: TV_IT_04 });
    expect(bad.statusCode).toBe(400);
  });
});

describe('empty optional fields', () => {
  it('an empty contract date is no date (the +8 rate stays), not a contract from before 2013', async () => {
    const res = await ctx.operator({ method: 'POST', url: '/api/interest/calculate', payload: { ...TV_IT_04, contractDate: '', judicialClaimDate: '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().interest).toBe('1126.16');
  });
});

describe('several bad part payments', () => {
  it('are all reported at once, each on its own row', async () => {
    const res = await ctx.operator({
      method: 'POST',
      url: '/api/interest/calculate',
      payload: { ...TV_IT_04, payments: [{ date: '2023-02-30', amount: '10' }, { date: '2023-03-01', amount: '1e2' }, { date: '2023-03-02', amount: '5' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res)).toEqual(['payments.0.date', 'payments.1.amount']);
  });
});
