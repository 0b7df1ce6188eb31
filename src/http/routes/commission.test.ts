import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../domain/dates.ts';
import { pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { createTestClaim, createTestDebtor } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';
import { getStatement } from '../../usecases/commission/get-statement.ts';
import { recordPayment } from '../../usecases/payments/record-payment.ts';
import { reversePayment } from '../../usecases/payments/reverse-payment.ts';

/**
 * How the agency is paid (issue 16 items 1–2): mandate terms as versions, remittance statements
 * numbered without gaps, immutable, corrected by a new statement, seen by the creditor's own users only.
 */
let ctx: ApiContext;
/** Statements are numbered in the year they are issued. */
const year = today().year;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

const terms = (over: Record<string, unknown>) => ({
  rules: [{ percent: '10' }],
  base: ['principal', 'tax', 'sanctions', 'act_interest', 'interest', 'costs', 'fees'],
  agencyComponents: [],
  capPerStatement: '60.00',
  feePerPosition: '1.00',
  vatPercent: '22',
  remittance: 'net',
  paymentsReceivedBy: 'agency',
  ...over,
});

describe('commission and remittance statements', () => {
  it('a month of payments, a reversal and a terms change equal the hand calculation; numbered, sealed, corrected', async () => {
    const { t, db } = ctx;
    const creditorId = t.creditor.id;
    // v1 from 1 Jan: 10 %, at least 5.00 and at most 40.00 per position; v2 from 16 Nov: 12 %, no bounds.
    // Both: cap 60.00 per statement, 1.00 per position collected on, VAT 22 %, net remittance.
    const v1 = await ctx.admin({ method: 'POST', url: `/api/creditors/${creditorId}/mandate-terms`, payload: { effectiveFrom: '2026-01-01', terms: terms({ rules: [{ percent: '10', minPerPosition: '5.00', maxPerPosition: '40.00' }] }) } });
    expect(v1.statusCode, v1.body).toBe(201);
    const v2 = await ctx.supervisor({ method: 'POST', url: `/api/creditors/${creditorId}/mandate-terms`, payload: { effectiveFrom: '2026-11-16', terms: terms({ rules: [{ percent: '12' }] }) } });
    expect(v2.statusCode, v2.body).toBe(201);
    const list = await ctx.viewer({ method: 'GET', url: `/api/creditors/${creditorId}/mandate-terms` });
    expect(list.json().items.map((v: { effectiveFrom: string; effectiveTo: string | null }) => [v.effectiveFrom, v.effectiveTo])).toEqual([
      ['2026-11-16', null],
      ['2026-01-01', '2026-11-15'],
    ]);
    expect((await ctx.viewer({ method: 'POST', url: `/api/creditors/${creditorId}/mandate-terms`, payload: { effectiveFrom: '2027-01-01', terms: terms({}) } })).statusCode).toBe(403);
    expect((await ctx.operator({ method: 'GET', url: `/api/creditors/${creditorId}/mandate-terms` })).statusCode).toBe(403);
    expect((await ctx.outsider({ method: 'GET', url: `/api/creditors/${creditorId}/mandate-terms` })).statusCode).toBe(404);

    const d1 = await createTestDebtor(db, t);
    const d2 = await createTestDebtor(db, t);
    await createTestClaim(db, t, d1.id, { principal: '2000.00', dueDate: '2026-01-31' });
    await createTestClaim(db, t, d2.id, { principal: '1000.00', dueDate: '2026-01-31' });
    const pay = (debtorId: string, amount: string, valueDate: string) =>
      recordPayment(db, t.users.operator.actor, { debtorId, creditorId, amount, currency: 'EUR', valueDate, method: 'bank_transfer' });
    const p0 = await pay(d1.id, '100.00', '2026-10-05');

    // October: P0 100.00 × 10 % = 10.00; 1 position × 1.00; fees 11.00; VAT 2.42; due 13.42; remit 100.00 − 13.42 = 86.58.
    const oct = await ctx.admin({ method: 'POST', url: '/api/remittance-statements', payload: { creditorId, periodFrom: '2026-10-01', periodTo: '2026-10-31' } });
    expect(oct.statusCode, oct.body).toBe(201);
    expect(oct.json()).toMatchObject({ number: 1, year, totals: { commission: '10.00', fees: '11.00', vat: '2.42', dueToAgency: '13.42', toRemit: '86.58' } });

    await pay(d1.id, '30.00', '2026-11-03');
    await pay(d1.id, '500.00', '2026-11-10');
    await pay(d2.id, '250.55', '2026-11-20');
    // The direct debit came back on 25 November, entered later: the statement counts it on its day.
    await reversePayment(db, t.users.supervisor.actor, p0.id, { reason: 'addebito respinto', on: '2026-11-25' });
    expect((await db.selectFrom('payments').select('reversed_on').where('id', '=', p0.id).executeTakeFirstOrThrow()).reversed_on).toBe('2026-11-25');

    // November, by hand:
    //   P1  3 Nov  30.00 × 10 % (v1) =  3.00 → minimum  5.00
    //   P2 10 Nov 500.00 × 10 % (v1) = 50.00 → maximum 40.00
    //   P3 20 Nov 250.55 × 12 % (v2) = 30.066 →         30.07
    //   P0 reversed 25 Nov: October charged 10.00 →    −10.00
    //   lines 65.07; cap 60.00 → −5.07; commission 60.00; 2 positions × 1.00 = 2.00; fees 62.00
    //   VAT 22 % = 13.64; due 75.64; collected 30.00 + 500.00 + 250.55 − 100.00 = 680.55; remit 604.91
    const preview = await ctx.admin({ method: 'GET', url: `/api/remittance-statements/preview?creditorId=${creditorId}&periodFrom=2026-11-01&periodTo=2026-11-30` });
    expect(preview.statusCode, preview.body).toBe(200);
    const pv = preview.json();
    expect(pv.lines.map((l: { kind: string; collected: string; commission: string }) => [l.kind, l.collected, l.commission])).toEqual([
      ['payment', '30.00', '5.00'],
      ['payment', '500.00', '40.00'],
      ['payment', '250.55', '30.07'],
      ['reversal', '-100.00', '-10.00'],
    ]);
    expect(pv.totals).toMatchObject({ collected: '680.55', commissionLines: '65.07', capAdjustment: '-5.07', commission: '60.00', positions: 2, positionFees: '2.00', fees: '62.00', vat: '13.64', dueToAgency: '75.64', toRemit: '604.91', toInvoice: '0.00' });
    expect(pv.number).toBeNull();

    // A failed issue (no terms for the comune) takes no number.
    const noTerms = await ctx.admin({ method: 'POST', url: '/api/remittance-statements', payload: { creditorId: t.otherCreditor.id, periodFrom: '2026-11-01', periodTo: '2026-11-30' } });
    expect(noTerms.statusCode).toBe(422);

    const nov = await ctx.admin({ method: 'POST', url: '/api/remittance-statements', payload: { creditorId, periodFrom: '2026-11-01', periodTo: '2026-11-30' } });
    expect(nov.statusCode, nov.body).toBe(201);
    const issued = nov.json();
    expect(issued).toMatchObject({ number: 2, year, corrects: null, totals: pv.totals });
    expect(issued.lines.map((l: { commission: string }) => l.commission)).toEqual(['5.00', '40.00', '30.07', '-10.00']);

    // The files: the PDF reads the figures (Italian), the XLSX has a row per line; both match their SHA-256.
    const pdf = await ctx.viewer({ method: 'GET', url: `/api/remittance-statements/${issued.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(issued.pdfSha256);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Rendiconto e fattura provvigioni');
    expect(text).toContain(`N. 2/${year}`);
    expect(text).toContain('Storno del 25/11/2026');
    expect(text).toContain('Riduzione per tetto massimo di 60,00 €');
    expect(text).toMatch(/Netto da riversare al mandante 604,91/);
    const xlsx = await ctx.admin({ method: 'GET', url: `/api/remittance-statements/${issued.id}/xlsx` });
    expect(createHash('sha256').update(xlsx.rawPayload).digest('hex')).toBe(issued.xlsxSha256);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Righe')!.rowCount).toBe(5);
    expect(wb.getWorksheet('Righe')!.getRow(5).getCell(8).value).toBe(-10);

    // Issued once: the period again is refused; terms cannot reach back into it.
    expect((await ctx.admin({ method: 'POST', url: '/api/remittance-statements', payload: { creditorId, periodFrom: '2026-11-15', periodTo: '2026-11-30' } })).statusCode).toBe(409);
    const retro = await ctx.admin({ method: 'POST', url: `/api/creditors/${creditorId}/mandate-terms`, payload: { effectiveFrom: '2026-11-20', terms: terms({ rules: [{ percent: '1' }] }) } });
    expect(retro.statusCode).toBe(422);

    // Immutable: the database refuses to change or delete an issued statement or its lines.
    await expect(db.updateTable('remittance_statements').set({ pdf_sha256: 'x' }).where('id', '=', issued.id).execute()).rejects.toThrow(/cannot change/);
    await expect(db.deleteFrom('remittance_statement_lines').where('statement_id', '=', issued.id).execute()).rejects.toThrow(/cannot change/);

    // A correction (in English): a new number, naming the old one; the old one says it was corrected.
    await pay(d2.id, '10.00', '2026-11-28');
    const fix = await ctx.admin({ method: 'POST', url: `/api/remittance-statements/${issued.id}/correction`, payload: { language: 'en' } });
    expect(fix.statusCode, fix.body).toBe(201);
    // + 10.00 × 12 % = 1.20 on the lines (66.27), still capped at 60.00: fees and VAT as before; remit 614.91.
    expect(fix.json()).toMatchObject({ number: 3, year, corrects: { id: issued.id, number: 2, year }, totals: { collected: '690.55', commissionLines: '66.27', commission: '60.00', toRemit: '614.91' } });
    const fixPdf = (await pdfText((await ctx.admin({ method: 'GET', url: `/api/remittance-statements/${fix.json().id}/pdf` })).rawPayload)).replace(/\s+/g, ' ');
    expect(fixPdf).toContain(`Correction of statement no. 2/${year}`);
    expect((await ctx.admin({ method: 'GET', url: `/api/remittance-statements/${issued.id}` })).json().correctedBy).toMatchObject({ number: 3 });
    expect((await ctx.admin({ method: 'POST', url: `/api/remittance-statements/${issued.id}/correction`, payload: {} })).statusCode).toBe(409);

    // Numbers 1, 2, 3: no gap (the failed issue took none).
    const all = (await ctx.admin({ method: 'GET', url: '/api/remittance-statements' })).json().items;
    expect(all.map((s: { number: number }) => s.number)).toEqual([3, 2, 1]);

    // Another tenant's user gets 404, by HTTP and by the use case.
    expect((await ctx.outsider({ method: 'GET', url: `/api/remittance-statements/${issued.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/remittance-statements/${issued.id}/pdf` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: '/api/remittance-statements' })).json().items).toEqual([]);
    await expect(getStatement(db, ctx.other.users.admin.actor, issued.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a creditor with a commission percentage gets it as its first terms version (creditors.commission_percent, migration 0038)', async () => {
    const made = await ctx.admin({ method: 'POST', url: '/api/creditors', payload: { name: 'Ferramenta Aggio', kind: 'company', vatNumber: '01234567897', commissionPercent: '8.5', mandateStartsOn: '2026-03-01' } });
    expect(made.statusCode, made.body).toBe(201);
    const versions = (await ctx.admin({ method: 'GET', url: `/api/creditors/${made.json().id}/mandate-terms` })).json().items;
    expect(versions).toMatchObject([{ effectiveFrom: '2026-03-01', effectiveTo: null, terms: { rules: [{ percent: '8.5' }], vatPercent: '22', remittance: 'gross', paymentsReceivedBy: 'agency', period: 'monthly' } }]);
  });

  it('a creditor user sees its own statements only and cannot issue', async () => {
    const { t } = ctx;
    // The comune (the viewer's other creditor): paid to its treasury, gross, an empty October.
    const ct = await ctx.admin({ method: 'POST', url: `/api/creditors/${t.otherCreditor.id}/mandate-terms`, payload: { effectiveFrom: '2026-01-01', terms: terms({ remittance: 'gross', paymentsReceivedBy: 'creditor' }) } });
    expect(ct.statusCode, ct.body).toBe(201);
    const net = await ctx.admin({ method: 'POST', url: `/api/creditors/${t.otherCreditor.id}/mandate-terms`, payload: { effectiveFrom: '2026-02-01', terms: terms({ remittance: 'net', paymentsReceivedBy: 'creditor' }) } });
    expect(net.statusCode).toBe(400);
    const theirs = await ctx.admin({ method: 'POST', url: '/api/remittance-statements', payload: { creditorId: t.otherCreditor.id, periodFrom: '2026-10-01', periodTo: '2026-10-31' } });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().totals).toMatchObject({ toRemit: '0.00', toInvoice: '0.00', paymentsReceivedBy: 'creditor' });
    const id = theirs.json().id;
    expect((await ctx.viewer({ method: 'GET', url: `/api/remittance-statements/${id}` })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/remittance-statements/${id}/xlsx` })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/creditors/${t.otherCreditor.id}/mandate-terms` })).statusCode).toBe(404);
    const mine = (await ctx.viewer({ method: 'GET', url: '/api/remittance-statements' })).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s: { creditorId: string }) => s.creditorId === t.creditor.id)).toBe(true);
    expect((await ctx.viewer({ method: 'POST', url: '/api/remittance-statements', payload: { creditorId: t.creditor.id, periodFrom: '2026-09-01', periodTo: '2026-09-30' } })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'GET', url: `/api/remittance-statements/preview?creditorId=${t.creditor.id}&periodFrom=2026-09-01&periodTo=2026-09-30` })).statusCode).toBe(403);
    expect((await ctx.operator({ method: 'GET', url: '/api/remittance-statements' })).statusCode).toBe(403);
  });
});
