import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCHARGE_CSV_COLUMNS } from '../../domain/discharge/csv.ts';
import { today } from '../../domain/dates.ts';
import { createTestDebtor, TEST_PASSWORD, uniq } from '../../test/factories.ts';
import { as, openApiContext, sessionCookie, type ApiContext, type Client } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';
import { systemActor } from '../../domain/policies.ts';
import { inReportSnapshot, openDischargeReport, resolveDischargeScope } from '../../usecases/reports/discharge-data.ts';
import { renderDischargeFile, type DischargeFile } from '../../usecases/reports/discharge-file.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';

/**
 * The discharge report (issue 16 item 6) of a generated comune mandate: six positions — paid in full,
 * paid in part, annulled (IMU 2021), in a plan, unreachable after two failed calls, deceased (TARI 2022).
 * Hand-derived totals, per revenue and tax year:
 *
 *   IMU 2021   loaded 520 + 300 + 325 = 1,145.00; collected 520 + 100 = 620.00; annulled 325.00; residual 200.00
 *   TARI 2022  loaded 600 + 180 + 90  =   870.00; collected 0.00; annulled 0.00; residual 870.00
 *   total      loaded 2,015.00 = collected 620.00 + annulled 325.00 + residual 1,070.00
 */
let ctx: ApiContext;
let comuneId: string;
let comuneViewer: Client;
const refs: Record<string, string> = {};
const day = () => today().toString();

beforeAll(async () => {
  ctx = await openApiContext();
  const comune = await ctx.admin({
    method: 'POST',
    url: '/api/creditors',
    payload: { name: `Comune di Scarico ${uniq()}`, kind: 'public_entity', taxCode: fakePartitaIva(Date.now() % 100000), cadastralCode: 'B123' },
  });
  if (comune.statusCode !== 201) throw new Error(comune.body);
  comuneId = comune.json().id;
  // The comune's own read-only user.
  const hash = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', ctx.t.users.viewer.id).executeTakeFirstOrThrow();
  const email = `comune-${uniq()}@${ctx.t.slug}.test`;
  await ctx.db.insertInto('users').values({ tenant_id: ctx.t.tenantId, email, name: 'Ufficio Tributi', password_hash: hash.password_hash, role: 'viewer', creditor_id: comuneId }).execute();
  expect(TEST_PASSWORD).toBeTruthy();
  comuneViewer = as(ctx.app, await sessionCookie(ctx.app, email));

  const position = async (key: string, kind: 'imu' | 'tari', taxYear: number, components: { kind: string; amount: string }[]) => {
    const debtor = await createTestDebtor(ctx.db, ctx.t, { lastName: `Contribuente${key}${uniq()}` });
    const res = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      // Due in the future: no interest runs, every payment goes to the act's components.
      payload: { creditorId: comuneId, debtorId: debtor.id, externalRef: `${kind.toUpperCase()}-${taxYear}-${key}-${uniq()}`, kind, currency: 'EUR', dueDate: '2027-12-31', taxYear, components },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    refs[key] = res.json().id;
    return { debtorId: debtor.id, claimId: res.json().id as string, version: res.json().version as number };
  };
  const pay = async (p: { debtorId: string; claimId: string }, amount: string) => {
    const res = await ctx.admin({ method: 'POST', url: '/api/payments', payload: { debtorId: p.debtorId, creditorId: comuneId, amount, currency: 'EUR', valueDate: day(), method: 'bank_transfer', claimIds: [p.claimId] } });
    if (res.statusCode !== 201) throw new Error(res.body);
  };

  const paid = await position('P1', 'imu', 2021, [{ kind: 'tax', amount: '400.00' }, { kind: 'sanctions', amount: '120.00' }]);
  await pay(paid, '520.00');
  const part = await position('P2', 'imu', 2021, [{ kind: 'tax', amount: '300.00' }]);
  await pay(part, '100.00');
  const annulled = await position('P3', 'imu', 2021, [{ kind: 'tax', amount: '250.00' }, { kind: 'sanctions', amount: '75.00' }]);
  const w = await ctx.admin({ method: 'PATCH', url: `/api/claims/${annulled.claimId}`, payload: { status: 'written_off' } });
  if (w.statusCode !== 200) throw new Error(w.body);

  const planned = await position('P4', 'tari', 2022, [{ kind: 'tax', amount: '600.00' }]);
  const plan = await ctx.admin({ method: 'POST', url: '/api/plans', payload: { claimIds: [planned.claimId], count: 3 } });
  if (plan.statusCode !== 201) throw new Error(plan.body);
  if (plan.json().state === 'proposed') {
    const ok = await ctx.admin({ method: 'POST', url: `/api/plans/${plan.json().id}/approve`, payload: {} });
    if (ok.statusCode !== 200) throw new Error(ok.body);
  }

  const unreachable = await position('P5', 'tari', 2022, [{ kind: 'tax', amount: '180.00' }]);
  await ctx.db
    .insertInto('contacts')
    .values({ tenant_id: ctx.t.tenantId, debtor_id: unreachable.debtorId, channel: 'mobile', value: '+393331234567', status: 'invalid' })
    .execute();
  for (const outcome of ['NON_RISPONDE', 'NUMERO_INESISTENTE'])
    await ctx.db
      .insertInto('contact_log')
      .values({ tenant_id: ctx.t.tenantId, debtor_id: unreachable.debtorId, channel: 'desk', kind: 'phone_attempt', local_date: day(), local_time: '10:00', allowed: true, actor_label: 'test', outcome })
      .execute();

  const deceased = await position('P6', 'tari', 2022, [{ kind: 'tax', amount: '90.00' }]);
  await ctx.db.updateTable('debtors').set({ deceased: true }).where('tenant_id', '=', ctx.t.tenantId).where('id', '=', deceased.debtorId).execute();
});
afterAll(async () => {
  await ctx.app.close();
});

const q = (over: Record<string, string> = {}) => new URLSearchParams({ creditorId: comuneId, ...over }).toString();

describe('the discharge report of a mandate', () => {
  it('gives each position its final state and satisfies the identity per revenue and year, matching the hand totals', async () => {
    const res = await ctx.admin({ method: 'GET', url: `/api/reports/discharge?${q()}` });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.holds).toBe(true);
    expect(r.breaks).toEqual([]);
    const state = Object.fromEntries(r.rows.map((x: { claimId: string; state: string; reason: string }) => [x.claimId, `${x.state}/${x.reason}`]));
    expect(Object.fromEntries(Object.entries(refs).map(([k, id]) => [k, state[id]]))).toEqual({
      P1: 'paid_full/paid',
      P2: 'paid_part/part_paid',
      P3: 'annulled/annulled_by_creditor',
      P4: 'in_plan/plan_running',
      P5: 'unreachable/no_valid_contact',
      P6: 'deceased/debtor_deceased',
    });
    expect(r.groups.map((g: Record<string, unknown>) => [g.revenue, g.taxYear, g.positions, g.loaded, g.collected, g.annulled, g.residual])).toEqual([
      ['imu', 2021, 3, '1145.00', '620.00', '325.00', '200.00'],
      ['tari', 2022, 3, '870.00', '0.00', '0.00', '870.00'],
    ]);
    expect(r.totals).toEqual([{ currency: 'EUR', positions: 6, loaded: '2015.00', collected: '620.00', annulled: '325.00', residual: '1070.00', otherCollected: '0.00' }]);
    expect(r.summary).toMatchObject({ attempts: 2, rightParty: 0, plans: 1, debtorsDeceased: 1 });
  });

  it('writes the CSV in the documented layout, one row per position', async () => {
    const res = await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format: 'csv' })}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('reference,taxpayer,tax_id,revenue,tax_year,currency,final_state,reason,loaded,collected,annulled,residual,other_collected,call_attempts,right_party_contacts,letters,plans');
    expect(lines[0]!.split(',')).toEqual([...DISCHARGE_CSV_COLUMNS]);
    expect(lines).toHaveLength(7);
    const p2 = lines.find((l) => l.includes('-P2-'))!.split(',');
    expect([p2[3], p2[4], p2[6], p2[7], p2[8], p2[9], p2[10], p2[11]]).toEqual(['imu', '2021', 'paid_part', 'part_paid', '300.00', '100.00', '0.00', '200.00']);
  });

  it('gives identical bytes on two generations, for each format', async () => {
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const a = await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format })}` });
      await new Promise((r) => setTimeout(r, format === 'xlsx' ? 2100 : 10)); // past a ZIP timestamp's 2 s
      const b = await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format })}` });
      expect(a.statusCode, a.body).toBe(200);
      expect(a.rawPayload.length).toBeGreaterThan(100);
      expect(createHash('sha256').update(b.rawPayload).digest('hex'), format).toBe(createHash('sha256').update(a.rawPayload).digest('hex'));
    }
  });

  it('writes the same files whatever the chunk the positions are read in (one position at a time, or all at once)', async () => {
    const actor = systemActor(ctx.t.tenantId, 'test');
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const [one, all] = await inReportSnapshot(ctx.db, async (trx) => {
        const scope = await resolveDischargeScope(trx, actor, { creditorId: comuneId });
        const bySingle = await openDischargeReport(trx, ctx.t.tenantId, scope, 1);
        const byAll = await openDischargeReport(trx, ctx.t.tenantId, scope);
        let chunks = 0;
        for await (const c of bySingle.chunks()) chunks += c.length === 1 ? 1 : 100;
        expect(chunks).toBe(6);
        expect(bySingle.head).toEqual(byAll.head);
        expect(bySingle.rowsDigest).toBe(byAll.rowsDigest);
        const files = [await renderDischargeFile(bySingle, scope, format, 'it'), await renderDischargeFile(byAll, scope, format, 'it')];
        await bySingle.close();
        await byAll.close();
        return files as [DischargeFile, DischargeFile];
      });
      expect(one.sha256, format).toBe(all.sha256);
    }
  });

  it('prints the totals in the PDF, Italian first', async () => {
    const res = await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format: 'pdf' })}` });
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Relazione di scarico');
    expect(text).toContain('Carico = riscosso + sgravi + residuo');
    expect(text).toMatch(/Totale\s+EUR\s+6\s+2\.015,00\s*€\s+620,00\s*€\s+325,00\s*€\s+1\.070,00\s*€/);
    expect(text).toContain('1 debitori deceduti');
    const en = pdfText((await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format: 'pdf', language: 'en' })}` })).rawPayload);
    expect(en).toContain('Discharge report');
  });

  it('puts the positions and the totals in the workbook', async () => {
    const res = await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format: 'xlsx' })}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Riepilogo', 'Posizioni', 'Componenti']);
    expect(wb.getWorksheet('Posizioni')!.rowCount).toBe(7);
    const totalRow = wb.getWorksheet('Riepilogo')!.getRow(8).values as unknown[];
    expect(totalRow.slice(1)).toEqual(['Totale', undefined, 'EUR', 6, 2015, 620, 325, 1070]);
  });

  it('issues a sealed report: stored with its SHA-256 and who issued it, immutable, downloadable as issued', async () => {
    const issued = await ctx.supervisor({ method: 'POST', url: '/api/reports/discharge/issued', payload: { creditorId: comuneId, format: 'pdf' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const v = issued.json();
    expect(v).toMatchObject({ creditorId: comuneId, asOf: day(), format: 'pdf', positions: 6, issuedBy: `user:${ctx.t.users.supervisor.email}` });
    const draft = await ctx.admin({ method: 'GET', url: `/api/reports/discharge/file?${q({ format: 'pdf' })}` });
    expect(v.sha256).toBe(createHash('sha256').update(draft.rawPayload).digest('hex'));

    const list = await comuneViewer({ method: 'GET', url: '/api/reports/discharge/issued' });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(v.id);
    const dl = await comuneViewer({ method: 'GET', url: `/api/reports/discharge/issued/${v.id}/file` });
    expect(dl.statusCode).toBe(200);
    expect(createHash('sha256').update(dl.rawPayload).digest('hex')).toBe(v.sha256);

    await expect(ctx.db.updateTable('discharge_reports').set({ positions: 7 }).where('id', '=', v.id).execute()).rejects.toThrow(/sealed/);
    await expect(ctx.db.deleteFrom('discharge_reports').where('id', '=', v.id).execute()).rejects.toThrow(/sealed/);
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', v.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['discharge_report.issued']);
  });

  it('lets the comune read its own report but not issue it; another creditor’s viewer and outsiders get 404', async () => {
    expect((await comuneViewer({ method: 'GET', url: `/api/reports/discharge?${q()}` })).statusCode).toBe(200);
    expect((await comuneViewer({ method: 'GET', url: `/api/reports/discharge/file?${q({ format: 'csv' })}` })).statusCode).toBe(200);
    expect((await comuneViewer({ method: 'POST', url: '/api/reports/discharge/issued', payload: { creditorId: comuneId, format: 'csv' } })).statusCode).toBe(403);
    expect((await ctx.operator({ method: 'POST', url: '/api/reports/discharge/issued', payload: { creditorId: comuneId, format: 'csv' } })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'GET', url: `/api/reports/discharge?${q()}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/reports/discharge?${q()}` })).statusCode).toBe(404);
    const mine = (await ctx.viewer({ method: 'GET', url: '/api/reports/discharge/issued' })).json().items;
    expect(mine).toEqual([]);
    const issued = (await ctx.admin({ method: 'GET', url: `/api/reports/discharge/issued?creditorId=${comuneId}` })).json().items[0];
    expect((await ctx.viewer({ method: 'GET', url: `/api/reports/discharge/issued/${issued.id}/file` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/reports/discharge/issued/${issued.id}/file` })).statusCode).toBe(404);
  });

  it('refuses to issue when the identity breaks, naming the position', async () => {
    // A component changed behind the ledger's back: the stored balances no longer match the payments.
    await ctx.db.updateTable('claims').set({ principal_paid: '99.00' }).where('tenant_id', '=', ctx.t.tenantId).where('id', '=', refs.P2!).execute();
    try {
      const res = await ctx.admin({ method: 'POST', url: '/api/reports/discharge/issued', payload: { creditorId: comuneId, format: 'csv' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toMatch(/identità.*1 posizioni.*-P2-.*pagamenti registrati non corrispondono/);
      const preview = (await ctx.admin({ method: 'GET', url: `/api/reports/discharge?${q()}` })).json();
      expect(preview.holds).toBe(false);
      expect(preview.breaks).toEqual([{ reference: expect.stringContaining('-P2-'), claimId: refs.P2, problem: 'ledger_not_balances' }]);
    } finally {
      await ctx.db.updateTable('claims').set({ principal_paid: '100.00' }).where('tenant_id', '=', ctx.t.tenantId).where('id', '=', refs.P2!).execute();
    }
  });
});
