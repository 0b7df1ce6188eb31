import ExcelJS from 'exceljs';
import { shortDate } from '../letters/format.ts';
import { lineKind, settlementNote, statementWords, totalsRows, type StatementDocumentInput } from '../pdf/remittance-statement-pdf.ts';

/**
 * The remittance statement as a workbook (issue 16 item 2): a sheet of lines (one per payment share
 * and reversal, amounts as numbers with two decimals) and a sheet of totals — the same figures as the
 * PDF, for the creditor's accounting. Created and modified are the issue day, not the clock.
 */
export async function renderStatementXlsx(input: StatementDocumentInput): Promise<Buffer> {
  const w = statementWords(input.language);
  const wb = new ExcelJS.Workbook();
  const day = new Date(`${input.date}T00:00:00Z`);
  wb.creator = input.agencyName;
  wb.created = day;
  wb.modified = day;
  const num = (v: string) => Number(v);
  const lines = wb.addWorksheet(w('commission.sheet_lines'));
  lines.addRow([
    w('commission.col_date'),
    w('commission.col_kind'),
    w('commission.col_debtor'),
    w('commission.col_ref'),
    w('commission.col_collected'),
    w('commission.col_base'),
    w('commission.col_rate'),
    w('commission.col_commission'),
    w('commission.col_reimbursed'),
  ]).font = { bold: true };
  for (const l of input.lines) {
    lines.addRow([l.valueDate, lineKind(input, l), l.debtorName, l.claimRef, num(l.collected), num(l.base), l.unpriced ? null : num(l.percent), num(l.commission), num(l.reimbursed)]);
  }
  for (const c of [5, 6, 8, 9]) lines.getColumn(c).numFmt = '#,##0.00';
  lines.getColumn(3).width = 32;
  lines.getColumn(2).width = 22;
  const totals = wb.addWorksheet(w('commission.sheet_totals'));
  totals.addRow([w('commission.doc_title'), input.number ? w('commission.doc_number', { number: input.number.number, year: input.number.year }) : w('commission.doc_preview')]).font = { bold: true };
  totals.addRow([w('commission.doc_agency'), input.agencyName]);
  totals.addRow([w('commission.doc_creditor'), input.creditorName]);
  totals.addRow([w('commission.doc_period', { from: shortDate(input.periodFrom, input.language), to: shortDate(input.periodTo, input.language) }), input.currency]);
  if (input.corrects) totals.addRow([w('commission.doc_corrects', { number: input.corrects.number, year: input.corrects.year })]);
  totals.addRow([]);
  for (const [label, value] of totalsRows(input)) totals.addRow([label, num(value)]);
  totals.addRow([]);
  totals.addRow([settlementNote(input)]);
  totals.getColumn(1).width = 60;
  totals.getColumn(2).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
