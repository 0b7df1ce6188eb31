import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDebtor, uniq } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let debtorId: string;

const comune = async (over: Record<string, unknown> = {}) => {
  const res = await ctx.admin({
    method: 'POST',
    url: '/api/creditors',
    payload: { name: `Comune di Ravvedimento ${uniq()}`, kind: 'public_entity', taxCode: fakePartitaIva(Date.now() % 100000), cadastralCode: 'B123', ...over },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
};

const position = async (creditorId: string, over: Record<string, unknown> = {}) => {
  const res = await ctx.admin({
    method: 'POST',
    url: '/api/claims',
    payload: {
      creditorId,
      debtorId,
      externalRef: `IMU-${uniq()}`,
      kind: 'imu',
      currency: 'EUR',
      dueDate: '2024-12-16',
      taxYear: 2024,
      act: { kind: 'bonario', number: 'SOL/2025/1', date: '2025-01-05' },
      components: [{ kind: 'tax', amount: '1000.00', tributeCode: '3918' }],
      ...over,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
};

beforeAll(async () => {
  ctx = await openApiContext();
  debtorId = (await createTestDebtor(ctx.db, ctx.t, { lastName: `Contribuente${uniq()}` })).id;
});
afterAll(async () => {
  await ctx.app.close();
});

describe('ravvedimento operoso versus the assessment that would follow (GET /api/claims/:id/ravvedimento)', () => {
  it('IMU 2024 €1,000 due 16/12/2024 paid 10/01/2025: sanction €12.50, interest €1.58, one F24 line 3918 of €1,014.08 (municipal-notes §6.7)', async () => {
    const id = await position(await comune({ revenueRules: { interestPoints: '1' } }));
    const res = await ctx.viewer({ method: 'GET', url: `/api/claims/${id}/ravvedimento?payOn=2025-01-10` });
    // The viewer sees only its own creditor: a comune's position is not among them.
    expect(res.statusCode).toBe(404);
    const r = await ctx.operator({ method: 'GET', url: `/api/claims/${id}/ravvedimento?payOn=2025-01-10` });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v).toMatchObject({
      payOn: '2025-01-10',
      dueDate: '2024-12-16',
      tax: '1000.00',
      ravvedimento: {
        daysLate: 25,
        sanctionRate: '12.5',
        fraction: '1/10',
        letter: 'a',
        reducedRate: '1.25',
        sanction: '12.50',
        interest: '1.58',
        tax: '1000.00',
        total: '1014.08',
        f24: [{ cadastralCode: 'B123', tributeCode: '3918', year: '2024', amount: '1014.08', reconsideration: true }],
        f24Problem: null,
      },
      // Assessment: 25 % sanction; legal rate + 1 point: 1,000 × 3.5 % × 15/365 + 1,000 × 3 % × 10/365 = 1.44 + 0.82.
      assessment: {
        tax: '1000.00',
        sanctionRate: '25',
        sanction: '250.00',
        interestPoints: '1',
        interest: '2.26',
        charges: { amount: '0.00', band: 'none' },
        total: '1252.26',
        // Unpaid beyond 60 days after enforceability: 6 % of 1,252.26.
        chargesIfUnpaid: { amount: '75.14', band: 'late', capped: false, base: '1252.26' },
        totalIfUnpaid: '1327.40',
      },
      saving: '238.18',
    });
    expect(v.ravvedimento.interestPeriods.map((p: { from: string; to: string; days: number; rate: string }) => [p.from, p.to, p.days, p.rate])).toEqual([
      ['2024-12-17', '2024-12-31', 15, '2.50'],
      ['2025-01-01', '2025-01-10', 10, '2.00'],
    ]);
    expect(v.ravvedimento.reasons.join(' ')).toContain('1/10');
  });

  it('IMU 2022 €1,000 due 16/12/2022, paid 30/06/2025: 1/6 of 30 % (lett. b-ter) against the assessment of €300 sanction and €85.50 interest (§6.7)', async () => {
    const id = await position(await comune(), { dueDate: '2022-12-16', taxYear: 2022, act: null });
    const v = (await ctx.admin({ method: 'GET', url: `/api/claims/${id}/ravvedimento?payOn=2025-06-30` })).json();
    expect(v.ravvedimento).toMatchObject({ fraction: '1/6', letter: 'b-ter', sanction: '50.00', interest: '85.50', total: '1135.50' });
    expect(v.assessment).toMatchObject({ sanction: '300.00', interestPoints: '0', interest: '85.50', total: '1385.50' });
    expect(v.saving).toBe('250.00');
  });

  it('a TARI position with no cadastral code: the figures without F24 lines, and why', async () => {
    const id = await position(await comune({ cadastralCode: null }), { kind: 'tari', components: [{ kind: 'tax', amount: '200.00' }] });
    const v = (await ctx.admin({ method: 'GET', url: `/api/claims/${id}/ravvedimento?payOn=2025-01-10`, headers: { 'accept-language': 'en' } })).json();
    expect(v.ravvedimento).toMatchObject({ sanction: '2.50', f24: null, f24Problem: 'No F24: the comune’s cadastral code is missing' });
  });

  it('answers only for a comune’s tax position not yet assessed, late, with tax to pay', async () => {
    const c = await comune();
    const assessed = await position(c, { act: { kind: 'accertamento_esecutivo', number: 'ACC/1' } });
    const r1 = await ctx.admin({ method: 'GET', url: `/api/claims/${assessed}/ravvedimento?payOn=2025-01-10` });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.code).toBe('conflict');

    const inTime = await position(c);
    const r2 = await ctx.admin({ method: 'GET', url: `/api/claims/${inTime}/ravvedimento?payOn=2024-12-16` });
    expect(r2.statusCode).toBe(409);
    expect(r2.json().error.message).toContain('16');

    const cup = await position(c, { kind: 'cup', act: null, components: [{ kind: 'principal', amount: '100.00' }] });
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${cup}/ravvedimento?payOn=2025-01-10` })).statusCode).toBe(404);

    const invoice = await position(ctx.t.creditor.id, { kind: 'invoice', act: null, taxYear: null, components: undefined, principal: '100.00' });
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${invoice}/ravvedimento?payOn=2025-01-10` })).statusCode).toBe(404);

    // Another tenant does not see the position at all.
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims/${inTime}/ravvedimento?payOn=2025-01-10` })).statusCode).toBe(404);
    // A malformed day is a field error.
    const bad = await ctx.admin({ method: 'GET', url: `/api/claims/${inTime}/ravvedimento?payOn=2025-02-30` });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the call script of a comune’s position (GET /api/claims/:id/call-script)', () => {
  it('fits the act and the amount owed today, in the taxpayer’s language or the one asked; company claims and outsiders get 404', async () => {
    const creditorId = await comune({ pagopa: { noticeMode: 'supplied' } });
    const id = await position(creditorId, {
      externalRef: `ACC-${uniq()}`,
      dueDate: '2025-03-10',
      taxYear: 2022,
      act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/118', date: '2024-12-20', notifiedOn: '2025-01-08', enforceableOn: '2025-03-10' },
      noticeCode: '312000000000004260',
      components: [
        { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
        { kind: 'sanctions', amount: '300.00', tributeCode: '3924' },
      ],
    });
    const claim = (await ctx.operator({ method: 'GET', url: `/api/claims/${id}` })).json() as { balance: { totalDue: string } };
    const r = await ctx.operator({ method: 'GET', url: `/api/claims/${id}/call-script` });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { language: string; sections: { key: string; title: string; lines: string[] }[] };
    expect(body.language).toBe('it');
    expect(body.sections.map((s) => s.key)).toEqual(['opening', 'identity', 'explain', 'amount', 'instalments', 'care']);
    const all = body.sections.flatMap((s) => s.lines).join(' ');
    expect(all).toContain('avviso di accertamento esecutivo n. ACC/2025/118 del 20/12/2024 per l’anno 2022, esecutivo dal 10/03/2025');
    const [units = '', cents = ''] = claim.balance.totalDue.split('.');
    expect(all).toMatch(new RegExp(`L’importo dovuto oggi è ${units.replace(/\B(?=(\d{3})+$)/g, '\\.')},${cents}\\s€\\.`));
    expect(all).toContain('codice avviso 3120 0000 0000 0042 60');
    expect(all).toContain('modello F24');
    expect(all).not.toContain('si evitano l’avviso');
    const de = (await ctx.operator({ method: 'GET', url: `/api/claims/${id}/call-script?lang=de` })).json() as { sections: { lines: string[] }[] };
    expect(de.sections.flatMap((s) => s.lines).join(' ')).toContain('Feststellungsbescheid Nr. ACC/2025/118');

    const company = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: { creditorId: ctx.t.creditor.id, debtorId, externalRef: `FT-${uniq()}`, kind: 'invoice', currency: 'EUR', principal: '100.00', dueDate: '2025-01-31' },
    });
    expect((await ctx.operator({ method: 'GET', url: `/api/claims/${company.json().id}/call-script` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims/${id}/call-script` })).statusCode).toBe(404);
  });
});
