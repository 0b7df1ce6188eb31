import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../letters/test-pdf-tools.ts';
import { renderStatementXlsx } from '../xlsx/remittance-statement-xlsx.ts';
import { renderStatementPdf, type StatementDocumentInput } from './remittance-statement-pdf.ts';

const input = (over: Partial<StatementDocumentInput> = {}): StatementDocumentInput => ({
  language: 'it',
  date: '2026-12-02',
  number: { number: 7, year: 2026 },
  corrects: null,
  agencyName: 'Recuperi Nord S.r.l.',
  creditorName: 'Comune di Valdoria',
  currency: 'EUR',
  periodFrom: '2026-11-01',
  periodTo: '2026-11-30',
  lines: [
    { kind: 'payment', valueDate: '2026-11-03', reversedOn: null, debtorName: 'Bianchi Anna', claimRef: 'TARI-2023-1', collected: '120.00', base: '110.00', percent: '8.5', commission: '9.35', reimbursed: '0.00', unpriced: null },
    { kind: 'reversal', valueDate: '2026-10-05', reversedOn: '2026-11-25', debtorName: 'Verdi Luca', claimRef: 'IMU-2022-9', collected: '-50.00', base: '-50.00', percent: '8.5', commission: '-4.25', reimbursed: '0.00', unpriced: null },
  ],
  totals: {
    collected: '70.00',
    commissionLines: '5.10',
    capAdjustment: '0.00',
    commission: '5.10',
    positions: 1,
    positionFees: '0.00',
    contacts: 0,
    contactFees: '0.00',
    fees: '5.10',
    vatPercent: '22',
    vat: '1.12',
    reimbursed: '0.00',
    dueToAgency: '6.22',
    toRemit: '0.00',
    toInvoice: '6.22',
    remittance: 'gross',
    paymentsReceivedBy: 'creditor',
  },
  cap: null,
  feePerPosition: null,
  feePerContact: null,
  ...over,
});

describe('remittance statement documents', () => {
  it('the same statement gives the same PDF bytes', async () => {
    const a = await renderStatementPdf(input());
    expect(a.equals(await renderStatementPdf(input()))).toBe(true);
  });

  it('reads in Italian first, and in English, German and French', async () => {
    const it_ = (await pdfText(await renderStatementPdf(input()))).replace(/\s+/g, ' ');
    expect(it_).toContain('Rendiconto e fattura provvigioni');
    expect(it_).toContain('N. 7/2026');
    expect(it_).toContain('Storno del 25/11/2026');
    expect(it_).toContain('Importo da fatturare al mandante 6,22 €');
    expect(it_).toContain('I pagamenti sono stati versati direttamente al mandante');
    const words = { en: 'Amount to invoice to the creditor €6.22', de: 'Dem Auftraggeber in Rechnung zu stellen 6,22 €', fr: 'Montant à facturer au mandant 6,22 €' } as const;
    for (const [language, text] of Object.entries(words)) {
      const t = (await pdfText(await renderStatementPdf(input({ language: language as 'en' | 'de' | 'fr' })))).replace(/\s+/g, ' ');
      expect(t).toContain(text);
    }
  });

  it('a payment reported as paid to the creditor directly is marked as such, with its total apart', async () => {
    const direct = input({
      lines: [
        ...input().lines,
        { kind: 'payment', valueDate: '2026-11-20', reversedOn: null, paidToCreditor: true, debtorName: 'Neri Paolo', claimRef: 'TARI-2023-4', collected: '80.00', base: '80.00', percent: '8.5', commission: '6.80', reimbursed: '0.00', unpriced: null },
      ],
      totals: { ...input().totals, collected: '150.00', collectedByCreditor: '80.00' },
    });
    const text = (await pdfText(await renderStatementPdf(direct))).replace(/\s+/g, ' ');
    expect(text).toContain('20/11/2026 Pagato all’ente Neri Paolo');
    expect(text).toContain('Totale riscosso nel periodo 150,00 € di cui pagato direttamente all’ente 80,00 €');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderStatementXlsx(direct)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Righe')!.getRow(4).values).toEqual([undefined, '2026-11-20', 'Pagato all’ente', 'Neri Paolo', 'TARI-2023-4', 80, 80, 8.5, 6.8, 0]);
    // Without such payments the documents are as before: no row for them.
    expect((await pdfText(await renderStatementPdf(input()))).replace(/\s+/g, ' ')).not.toContain('di cui pagato');
  });

  it('the workbook has the lines as numbers and the totals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderStatementXlsx(input())) as unknown as ArrayBuffer);
    const lines = wb.getWorksheet('Righe')!;
    expect(lines.getRow(3).values).toEqual([undefined, '2026-10-05', 'Storno del 25/11/2026', 'Verdi Luca', 'IMU-2022-9', -50, -50, 8.5, -4.25, 0]);
    const totals = wb.getWorksheet('Totali')!;
    const rows = totals.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Importo da fatturare al mandante', 6.22]);
  });
});
