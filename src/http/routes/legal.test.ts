import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import { pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { readZip } from '../../integrations/reports/zip-writer.ts';
import { hashPassword } from '../../usecases/auth/login.ts';
import { getClaimStatement } from '../../usecases/claims/get-claim-statement.ts';
import { insertCommunication } from '../../test/communications.ts';
import { createTestClaim, createTestDebtor, TEST_PASSWORD } from '../../test/factories.ts';
import { as, openApiContext, sessionCookie, UNKNOWN_ID, type ApiContext, type Client } from '../../test/http.ts';

/** The legal hand-off dossier over HTTP (issue 17 item 7). */
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let ctx: ApiContext;
let firm: Client;
let otherFirm: Client;
let firmUserId: string;
let claimId: string;
let otherClaimId: string;
let debtorId: string;
let noticePdf: Buffer;
let noticeRef: string;
const day = today().toString();

async function lawFirmUser(name: string): Promise<{ id: string; client: Client }> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@${ctx.t.slug}.test`;
  const u = await ctx.db
    .insertInto('users')
    .values({ tenant_id: ctx.t.tenantId, email, name, password_hash: await hashPassword(TEST_PASSWORD), role: 'law_firm', creditor_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: u.id, client: as(ctx.app, await sessionCookie(ctx.app, email)) };
}

beforeAll(async () => {
  ctx = await openApiContext();
  const a = await lawFirmUser('studio-bianchi');
  firm = a.client;
  firmUserId = a.id;
  otherFirm = (await lawFirmUser('studio-verdi')).client;
  const debtor = await createTestDebtor(ctx.db, ctx.t);
  debtorId = debtor.id;
  const claim = await createTestClaim(ctx.db, ctx.t, debtor.id, { principal: '4800.00', dueDate: '2026-01-31', description: 'Fornitura gennaio' });
  claimId = claim.id;
  otherClaimId = (await createTestClaim(ctx.db, ctx.t, debtor.id)).id;
  // The dunning strategy reached the legal tier; a formal notice was sent with its PDF and SHA-256.
  await ctx.db.updateTable('claims').set({ stage: 'legal', status: 'in_collection' }).where('id', '=', claimId).execute();
  noticePdf = Buffer.from('%PDF-1.4\n% diffida ad adempiere\n');
  const notice = await insertCommunication(ctx.db, ctx.t, debtor.id, { tier: 'formal', step_key: 'formal-1', subject: 'Diffida ad adempiere', pdf: noticePdf, channel: 'registered_letter', run_date: '2026-11-02', claims: [{ id: claimId, totalDue: '4800.00' }] });
  noticeRef = notice.refNo;
});

describe('legal hand-off', () => {
  it('prepares the sheet, refuses an operator, hands over once, and refuses a claim not at the legal tier', async () => {
    const sheet = await ctx.operator({ method: 'GET', url: `/api/claims/${claimId}/legal/sheet` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.json()).toMatchObject({ jurisdiction: 'IT', currency: 'EUR', components: [{ kind: 'principal', due: '4800.00' }], courtFee: { status: 'UNVERIFIED' }, recommendation: 'proceed' });
    expect(sheet.json().reasons[0].text).toContain('conviene');

    const body = { firmName: 'Studio legale Bianchi', firmUserId };
    expect((await ctx.operator({ method: 'POST', url: `/api/claims/${claimId}/legal/handover`, payload: body })).statusCode).toBe(403);
    expect((await ctx.supervisor({ method: 'POST', url: `/api/claims/${otherClaimId}/legal/handover`, payload: body })).statusCode).toBe(400);
    expect((await ctx.outsider({ method: 'POST', url: `/api/claims/${claimId}/legal/handover`, payload: body })).statusCode).toBe(404);
    const res = await ctx.supervisor({ method: 'POST', url: `/api/claims/${claimId}/legal/handover`, payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ claimId, firmName: 'Studio legale Bianchi', handedOn: day, outcome: null, sheet: { recommendation: 'proceed' } });
    expect((await ctx.supervisor({ method: 'POST', url: `/api/claims/${claimId}/legal/handover`, payload: body })).statusCode).toBe(409);
    const claim = await ctx.db.selectFrom('claims').select(['status', 'stage']).where('id', '=', claimId).executeTakeFirstOrThrow();
    expect(claim).toEqual({ status: 'legal', stage: 'legal' });
  });

  it('gives a ZIP with the invoice, the interest statement to the hand-off day (its total is the calculator’s) and the formal notice as stored; twice the same bytes', async () => {
    const list = (await firm({ method: 'GET', url: '/api/legal/dossiers' })).json();
    expect(list.items).toHaveLength(1);
    const id = list.items[0].id as string;
    const a = await firm({ method: 'GET', url: `/api/legal/dossiers/${id}/zip` });
    expect(a.statusCode).toBe(200);
    expect(a.headers['content-type']).toBe('application/zip');
    await new Promise((r) => setTimeout(r, 1100)); // a second later: no clock in the bytes
    const b = await ctx.supervisor({ method: 'GET', url: `/api/legal/dossiers/${id}/zip` });
    expect(b.rawPayload.equals(a.rawPayload)).toBe(true);
    expect(a.headers['x-content-sha256']).toBe(sha256(a.rawPayload));

    const entries = readZip(a.rawPayload);
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe('00-indice.pdf');
    expect(names).toContain(`02-estratto-interessi-${day}.pdf`);
    expect(names).toContain('04-ricorso-decreto-ingiuntivo.json');
    expect(names.at(-1)).toBe('SHA256SUMS');
    const invoice = entries.find((e) => /^01-FT-/.test(e.name))!;
    expect(await pdfText(invoice.data)).toContain('Fornitura gennaio');

    const statement = await getClaimStatement(ctx.db, ctx.t.users.admin.actor, claimId, { asOf: day });
    const text = (await pdfText(entries.find((e) => e.name.startsWith('02-'))!.data)).replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(Number(statement.statement.interestDue)).toBeGreaterThan(0);
    expect(text).toContain(`Totale dovuto al ${day.split('-').reverse().join('/')} ${formatMoneyText(statement.statement.totalDue, 'EUR', 'it').replace(/[\u00a0\u202f]/g, ' ')}`);

    const notice = entries.find((e) => e.name === `03-diffide/2026-11-02-${noticeRef}.pdf`)!;
    expect(notice.data.equals(noticePdf)).toBe(true);
    const stored = await ctx.db.selectFrom('communications').select('sha256').where('ref_no', '=', noticeRef).executeTakeFirstOrThrow();
    expect(sha256(notice.data)).toBe(stored.sha256);
    const index = (await pdfText(entries[0]!.data)).replace(/\s+/g, '');
    expect(index).toContain(stored.sha256);
    expect(entries.at(-1)!.data.toString()).toContain(`${stored.sha256}  03-diffide/2026-11-02-${noticeRef}.pdf`);

    const form = JSON.parse(entries.find((e) => e.name === '04-ricorso-decreto-ingiuntivo.json')!.data.toString());
    expect(form).toMatchObject({ sorteCapitale: '4800.00', interessi: { dal: '2026-02-01', maturatiAl: { data: day, importo: statement.statement.interestDue } } });
    const idx = await firm({ method: 'GET', url: `/api/legal/dossiers/${id}/index.pdf` });
    expect(idx.rawPayload.equals(entries[0]!.data)).toBe(true);
  });

  it('lets the law firm see that dossier and nothing else: every other route answers 403, another firm sees nothing', async () => {
    const id = (await firm({ method: 'GET', url: '/api/legal/dossiers' })).json().items[0].id as string;
    expect((await firm({ method: 'GET', url: `/api/legal/dossiers/${id}` })).statusCode).toBe(200);
    expect((await firm({ method: 'GET', url: '/api/auth/me' })).json().user.role).toBe('law_firm');
    // Every GET route of the API, ids filled with the handed-over claim's, its debtor's, its creditor's.
    const spec = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const allowed = /^\/api\/(auth\/|legal\/dossiers)/;
    const tried: string[] = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!ops.get || allowed.test(path)) continue;
      for (const fill of [claimId, debtorId, ctx.t.creditor.id]) {
        const url = path.replace(/\{[^}]+\}/g, (m) => (m === '{format}' || m === '{file}' ? 'pdf' : fill));
        const res = await firm({ method: 'GET', url });
        tried.push(url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(403);
        if (!path.includes('{')) break;
      }
    }
    expect(tried.length).toBeGreaterThan(60);
    expect(tried).toContain('/api/claims');
    expect(tried).toContain('/api/debtors');
    expect(tried).toContain(`/api/claims/${claimId}`);
    // Writes elsewhere too.
    expect((await firm({ method: 'POST', url: `/api/claims/${claimId}/costs`, payload: { kind: 'legal_cost', label: 'x', amount: '1.00' } })).statusCode).toBe(403);
    expect((await firm({ method: 'POST', url: `/api/claims/${claimId}/legal/handover`, payload: { firmName: 'x', firmUserId } })).statusCode).toBe(403);

    expect((await otherFirm({ method: 'GET', url: '/api/legal/dossiers' })).json().items).toEqual([]);
    expect((await otherFirm({ method: 'GET', url: `/api/legal/dossiers/${id}` })).statusCode).toBe(404);
    expect((await otherFirm({ method: 'GET', url: `/api/legal/dossiers/${id}/zip` })).statusCode).toBe(404);
    expect((await otherFirm({ method: 'POST', url: `/api/legal/dossiers/${id}/outcomes`, payload: { outcome: 'paid', occurredOn: day } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/legal/dossiers/${id}` })).statusCode).toBe(404);
    expect((await firm({ method: 'GET', url: `/api/legal/dossiers/${UNKNOWN_ID}` })).statusCode).toBe(404);
  });

  it('records the firm’s outcome and its costs as claim costs', async () => {
    const id = (await firm({ method: 'GET', url: '/api/legal/dossiers' })).json().items[0].id as string;
    const res = await firm({ method: 'POST', url: `/api/legal/dossiers/${id}/outcomes`, payload: { outcome: 'decree_issued', occurredOn: day, note: 'Decreto n. 123/2026', costs: [{ label: 'Contributo unificato', amount: '118.50' }, { label: 'Compenso', amount: '540.00' }] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'decree_issued', outcomeOn: day, outcomes: [{ outcome: 'decree_issued', note: 'Decreto n. 123/2026' }] });
    const costIds = res.json().outcomes[0].costIds as string[];
    expect(costIds).toHaveLength(2);
    const costs = await ctx.db.selectFrom('claim_costs').select(['kind', 'amount', 'label']).where('id', 'in', costIds).orderBy('amount').execute();
    expect(costs).toEqual([
      { kind: 'legal_cost', amount: '118.50', label: 'Spese legali (Studio legale Bianchi): Contributo unificato' },
      { kind: 'legal_cost', amount: '540.00', label: 'Spese legali (Studio legale Bianchi): Compenso' },
    ]);
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('entity_id', '=', claimId).where('action', 'in', ['legal.outcome_recorded', 'claim.cost_added']).execute();
    expect(audit.filter((e) => e.actor_user_id === firmUserId)).toHaveLength(3);
    expect((await firm({ method: 'POST', url: `/api/legal/dossiers/${id}/outcomes`, payload: { outcome: 'paid', occurredOn: '2020-01-01' } })).statusCode).toBe(400);
    expect((await firm({ method: 'POST', url: `/api/legal/dossiers/${id}/outcomes`, payload: { outcome: 'withdrawn', occurredOn: day } })).statusCode).toBe(201);
    expect((await firm({ method: 'POST', url: `/api/legal/dossiers/${id}/outcomes`, payload: { outcome: 'paid', occurredOn: day } })).statusCode).toBe(409);
  });
});
