import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { claimReferences, formatQrr, formatRf, PLAN_INSTALMENT_REFERENCE_PREFIX } from '../../domain/dunning/references.ts';
import { parseNotice, printedNotice } from '../../domain/municipal/pagopa.ts';
import { properCaseName } from '../../domain/names.ts';
import { decodeQrBill, decodeQrs, pageCount, pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { shortDate } from '../../integrations/letters/format.ts';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';
import { createCreditor } from '../../usecases/creditors/create-creditor.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
  // The company's bank account and address (its slips: IBAN + RF); the comune generates its pagoPA notices.
  await ctx.db.updateTable('creditors').set({ iban: 'IT60X0542811101000000123456', address_line1: 'Via Roma 1', postal_code: '20121', city: 'Milano' }).where('id', '=', t.creditor.id).execute();
  await ctx.db
    .updateTable('creditors')
    .set({ tax_code: fakePartitaIva(4242), pagopa: JSON.stringify({ noticeMode: 'generated', segregationCode: '07' }), address_line1: 'Piazza del Municipio 1', postal_code: '00100', city: 'Valdoria' })
    .where('id', '=', t.otherCreditor.id)
    .execute();
}, 120_000);
afterAll(async () => {
  await ctx.app.close();
});

const day = (offset: number) => today().add({ days: offset }).toString();

async function debtorWithAddress(lastName: string, address: { line1: string; postal_code: string; city: string; country?: string } = { line1: 'Via Verdi 7', postal_code: '20100', city: 'Milano' }) {
  const d = await createTestDebtor(ctx.db, t, { lastName, firstName: 'Anna' });
  await ctx.db
    .insertInto('addresses')
    .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: address.line1, postal_code: address.postal_code, city: address.city, country: address.country ?? 'IT' })
    .execute();
  return d;
}

const propose = async (payload: Record<string, unknown>) => {
  const res = await ctx.operator({ method: 'POST', url: '/api/plans', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string; version: number; instalments: { number: number; dueOn: string; amount: string }[] };
};
const document = (id: string, lang?: string, client = ctx.operator) => client({ method: 'GET', url: `/api/plans/${id}/document${lang ? `?lang=${lang}` : ''}` });
const instalmentRows = (planId: string) => ctx.db.selectFrom('plan_instalments').select(['number', 'ref_no', 'notice_code']).where('plan_id', '=', planId).orderBy('number').execute();
/** A text as pdftotext -layout prints it, every run of white space (line ends too) as one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const nameOf = async (debtorId: string) => properCaseName((await ctx.db.selectFrom('debtors').select('display_name').where('id', '=', debtorId).executeTakeFirstOrThrow()).display_name);

describe('GET /api/plans/:id/document — the plan as a PDF with a payment slip per instalment (issue 15 item 1)', () => {
  it('a company plan of 12 instalments: 12 slips with IBAN and 12 distinct RF references, amounts and dates per language (it, de)', async () => {
    const d = await debtorWithAddress('Dodici');
    const claim = await createTestClaim(ctx.db, t, d.id, { principal: '1200.00', dueDate: day(10), interestRegime: 'none', externalRef: 'FT-PLAN-0012', description: 'Fornitura di giugno' });
    const plan = await propose({ claimIds: [claim.id], count: 12, firstDueOn: '2027-01-31' });
    expect(plan.state).toBe('active');
    const rows = await instalmentRows(plan.id);
    const rfs = rows.map((r) => formatRf(claimReferences(r.ref_no, PLAN_INSTALMENT_REFERENCE_PREFIX).rf));
    expect(new Set(rfs).size).toBe(12);

    const res = await document(plan.id, 'it');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="piano-[0-9A-F]{8}-it\.pdf"$/);
    const pdf = res.rawPayload;
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Piano di rateizzazione');
    expect(text).toContain(t.creditor.name);
    expect(text).toContain('Via Roma 1');
    expect(text).toContain(await nameOf(d.id));
    expect(text).toContain('Via Verdi 7');
    expect(text).toContain('FT-PLAN-0012');
    expect(text).toContain('Fornitura di giugno');
    expect(text).toMatch(/Totale rateizzato 1\.200,00 €/);
    // The schedule: each instalment's number, due date (dd/mm/yyyy) and amount, and its reference.
    for (const [k, i] of plan.instalments.entries()) {
      expect(i.amount).toBe('100.00');
      expect(text).toContain(`${i.number} ${shortDate(i.dueOn, 'it')} 100,00 € ${rfs[k]}`);
    }
    expect(shortDate(plan.instalments[0]!.dueOn, 'it')).toBe('31/01/2027');
    expect(text).toContain('31/01/2027 100,00 €');
    expect(text).toContain('31/12/2027 100,00 €');
    // Twelve slips, one per instalment, each with the IBAN and its own RF.
    const slips = [...text.matchAll(/Rata (\d+) di 12 — Da pagare entro il/g)].map((m) => Number(m[1]));
    expect(slips).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(text.split('IT60 X054 2811 1010 0000 0123 456').length - 1).toBe(12);
    for (const rf of rfs) expect(text.split(rf).length - 1).toBe(2); // the schedule's line and the slip
    expect(text).toContain('Condizioni del creditore: se 2 rate, anche non consecutive, restano non pagate entro 6 mesi dopo un sollecito espresso');

    const de = flat(await pdfText((await document(plan.id, 'de')).rawPayload));
    expect(de).toContain('Ratenplan');
    expect(shortDate(plan.instalments[0]!.dueOn, 'de')).toBe('31.01.2027');
    for (const [k, i] of plan.instalments.entries()) expect(de).toContain(`${i.number} ${shortDate(i.dueOn, 'de')} 100,00 € ${rfs[k]}`);
    expect([...de.matchAll(/Rate (\d+) von 12 — /g)].length).toBe(12);
    expect(de).toContain('Gesamtbetrag in Raten 1.200,00 €');

    // Audited: who printed which document, in which language.
    const audit = (await auditOf(ctx.db, t.tenantId, plan.id)).filter((e) => e.action === 'plan.document_printed');
    expect(audit).toHaveLength(2);
  });

  it('a comune’s plan: a pagoPA notice per instalment with its own codice avviso, amount and QR code', async () => {
    const d = await debtorWithAddress('Comunale');
    const claim = await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal: '450.00', dueDate: day(20), externalRef: 'TARI-2025-77' });
    const plan = await propose({ claimIds: [claim.id], count: 4 });
    expect(plan.state).toBe('active');
    // Issued when the plan became active: four distinct, valid notice codes of the comune.
    const rows = await instalmentRows(plan.id);
    const notices = rows.map((r) => r.notice_code!);
    expect(new Set(notices).size).toBe(4);
    for (const n of notices) expect(parseNotice(n)).toMatchObject({ ok: true, value: { aux: 3, segregationCode: '07' } });

    const res = await document(plan.id);
    expect(res.statusCode, res.body).toBe(200);
    const text = flat(await pdfText(res.rawPayload));
    expect(text).toContain('Decadenza (art. 1 c.800 L. 160/2019): in caso di mancato pagamento, dopo espresso sollecito, di 2 rate anche non consecutive nell’arco di 6 mesi');
    expect(text).toContain('art. 1 c.798 L. 160/2019');
    for (const [k, i] of plan.instalments.entries()) {
      expect(i.amount).toBe('112.50');
      expect(text).toContain(`${i.number} ${shortDate(i.dueOn, 'it')} 112,50 € ${printedNotice(notices[k]!)}`);
    }
    expect([...text.matchAll(/Rata (\d) di 4 — Pagamento con avviso pagoPA Ente creditore/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect([...text.matchAll(/Importo 112,50 € Da pagare entro il (\d+ \w+ 2027)/g)].length).toBe(4);
    for (const n of notices) expect(text.split(printedNotice(n)).length - 1).toBe(2);
    // Each slip's QR code is the pagoPA payload of its instalment: its notice, the comune, 112.50.
    const pages = await pageCount(res.rawPayload);
    const found: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const qr = await decodeQrs(res.rawPayload, p);
      expect(qr.stderr).toBe('');
      found.push(...qr.payloads);
    }
    expect(found.sort()).toEqual(notices.map((n) => `PAGOPA|002|${n}|${fakePartitaIva(4242)}|11250`).sort());

    // A plan from before migration 0030 (no codes yet) gets them on its first document.
    await ctx.db.updateTable('plan_instalments').set({ notice_code: null }).where('plan_id', '=', plan.id).execute();
    expect((await document(plan.id)).statusCode).toBe(200);
    const again = (await instalmentRows(plan.id)).map((r) => r.notice_code);
    expect(again.every((n) => n !== null && !notices.includes(n))).toBe(true);
  });

  it('a comune whose regulation asks interest on the deferral: capital, interest and amount per instalment, the rate, slips for the amount with interest', async () => {
    const comune = await createCreditor(ctx.db, t.users.admin.actor, { name: 'Comune di Dilazione', kind: 'public_entity' } as never);
    await ctx.db
      .updateTable('creditors')
      .set({ tax_code: fakePartitaIva(4343), pagopa: JSON.stringify({ noticeMode: 'generated', segregationCode: '07' }), plan_rules: JSON.stringify({ interestPoints: '1' }), address_line1: 'Piazza Grande 1', postal_code: '00100', city: 'Dilazione' })
      .where('id', '=', comune.id)
      .execute();
    const d = await debtorWithAddress('Interessata');
    const claim = await createTestClaim(ctx.db, t, d.id, { creditorId: comune.id, kind: 'tari', taxYear: 2025, principal: '450.00', dueDate: day(20), externalRef: 'TARI-2025-88' });
    const plan = (await propose({ claimIds: [claim.id], count: 4 })) as unknown as {
      id: string;
      state: string;
      total: string;
      capital: string;
      interest: string;
      deferralRate: string;
      instalments: { number: number; dueOn: string; amount: string; capital: string; interest: string }[];
    };
    expect(plan).toMatchObject({ state: 'active', capital: '450.00' });
    expect(Number(plan.interest)).toBeGreaterThan(0);
    const notices = (await instalmentRows(plan.id)).map((r) => r.notice_code!);
    const eur = (a: string) => `${a.replace('.', ',')} €`;
    const res = await document(plan.id);
    expect(res.statusCode, res.body).toBe(200);
    const text = flat(await pdfText(res.rawPayload));
    const rate = plan.deferralRate.replace('.', ',');
    expect(text).toContain(`Totale rateizzato 450,00 € Interessi di dilazione al ${rate}% annuo ${eur(plan.interest)} Totale da pagare ${eur(plan.total)}`);
    expect(text).toContain('Rata Scadenza Capitale Interessi Importo');
    for (const [k, i] of plan.instalments.entries()) {
      expect(i.capital).toBe('112.50');
      expect(text).toContain(`${i.number} ${shortDate(i.dueOn, 'it')} 112,50 € ${eur(i.interest)} ${eur(i.amount)} ${printedNotice(notices[k]!)}`);
    }
    expect(text).toContain(`Totale da pagare 450,00 € ${eur(plan.interest)} ${eur(plan.total)}`);
    // Each pagoPA notice asks the instalment's amount with its interest.
    for (const i of plan.instalments) expect(text).toContain(`Importo ${eur(i.amount)} Da pagare entro il`);
    const found: string[] = [];
    for (let p = 1; p <= (await pageCount(res.rawPayload)); p++) found.push(...(await decodeQrs(res.rawPayload, p)).payloads);
    expect(found.sort()).toEqual(notices.map((n, k) => `PAGOPA|002|${n}|${fakePartitaIva(4343)}|${plan.instalments[k]!.amount.replace('.', '')}`).sort());
  });

  it('a comune that supplies its own notices: no bank transfer, each instalment’s notice follows', async () => {
    const supplied = await createCreditor(ctx.db, t.users.admin.actor, { name: 'Comune di Fornite', kind: 'public_entity', taxCode: fakePartitaIva(777), iban: 'IT60X0542811101000000123456', pagopa: { noticeMode: 'supplied' } } as never);
    const d = await debtorWithAddress('Fornita');
    const claim = await createTestClaim(ctx.db, t, d.id, { creditorId: supplied.id, kind: 'tari', taxYear: 2025, principal: '300.00', dueDate: day(20) });
    const plan = await propose({ claimIds: [claim.id], count: 3 });
    expect(plan.state).toBe('active');
    expect((await instalmentRows(plan.id)).every((r) => r.notice_code === null)).toBe(true);
    const text = flat(await pdfText((await document(plan.id)).rawPayload));
    expect(text.split('L’avviso di pagamento di questa rata Le sarà inviato a parte.').length - 1).toBe(3);
    expect(text).not.toContain('IT60 X054');
    expect(text).not.toMatch(/RF\d\d/);
  });

  it('in CHF: a Swiss QR-bill per instalment whose QR reference names the instalment', async () => {
    const chf = await createCreditor(ctx.db, t.users.admin.actor, { name: 'Elvetia SA', kind: 'company', country: 'CH', iban: 'CH44 3199 9123 0008 8901 2', defaultCurrency: 'CHF' } as never);
    await ctx.db.updateTable('creditors').set({ address_line1: 'Bahnhofstrasse 1', postal_code: '8001', city: 'Zürich' }).where('id', '=', chf.id).execute();
    const d = await debtorWithAddress('Svizzera', { line1: 'Via Nassa 5', postal_code: '6900', city: 'Lugano', country: 'CH' });
    const claim = await createTestClaim(ctx.db, t, d.id, { creditorId: chf.id, currency: 'CHF', principal: '300.00', dueDate: day(10), interestRegime: 'none' });
    const plan = await propose({ claimIds: [claim.id], count: 3, firstDueOn: '2027-02-28' });
    expect(plan.state).toBe('active');
    const qrrs = (await instalmentRows(plan.id)).map((r) => claimReferences(r.ref_no, PLAN_INSTALMENT_REFERENCE_PREFIX).qrr);
    const res = await document(plan.id, 'de');
    expect(res.statusCode, res.body).toBe(200);
    const pages = await pageCount(res.rawPayload);
    const text = flat(await pdfText(res.rawPayload));
    for (const q of qrrs) expect(text).toContain(formatQrr(q));
    // The last three pages are the three bills, each with its instalment's amount and reference.
    for (let k = 0; k < 3; k++) {
      const bill = await decodeQrBill(res.rawPayload, pages - 2 + k);
      expect(bill.stderr).toBe('');
      const lines = bill.payload!.split(/\r?\n/);
      expect(lines).toContain('100.00');
      expect(lines).toContain(qrrs[k]);
      expect(lines).toContain('CHF');
    }
  });

  it('a proposal prints as a draft without slips; rejected → 409; another tenant → 404; hostile names print as text', async () => {
    const d = await debtorWithAddress('O’Brien (\\) <b>&%PDF');
    const claim = await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal: '450.00', dueDate: day(20) });
    const plan = await propose({ claimIds: [claim.id], count: 6 });
    expect(plan.state).toBe('proposed');
    const res = await document(plan.id, 'fr');
    expect(res.statusCode, res.body).toBe(200);
    const text = flat(await pdfText(res.rawPayload));
    expect(text).toContain('PROPOSITION – PROJET');
    expect(await nameOf(d.id)).toContain('(\\) <b>&%PDF');
    expect(text).toContain(await nameOf(d.id));
    expect(text).not.toContain('Échéance 1 sur 6 —');
    expect((await instalmentRows(plan.id)).every((r) => r.notice_code === null)).toBe(true);

    expect((await document(plan.id, undefined, ctx.outsider)).statusCode).toBe(404);
    expect((await document(plan.id, undefined, ctx.viewer)).statusCode).toBe(404); // the viewer's creditor is the company
    expect((await document('00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await document(plan.id, 'xx')).statusCode).toBe(400);
    const rejected = await ctx.supervisor({ method: 'POST', url: `/api/plans/${plan.id}/reject`, payload: { reason: 'Nessuna garanzia' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const refused = await document(plan.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Un piano rejected non ha un documento da stampare');
  });
});
