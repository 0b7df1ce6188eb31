import ExcelJS from 'exceljs';
import { msg, translate, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import type { PeriodicDocumentInput } from './periodic-pdf.ts';
import { fixZipDates } from './zip-dates.ts';

/**
 * The periodic report as a workbook: "Summary" (period, desk, plans, statements), "Positions" (by status)
 * and "Collected" (by revenue and tax year). Reproducible: dates are the day it was made and the archive's
 * entry times are fixed to it. Amounts are numbers with two decimals for the reader's own sums.
 */
export async function renderPeriodicXlsx(input: PeriodicDocumentInput): Promise<Buffer> {
  const { report, locale } = input;
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);
  const wb = new ExcelJS.Workbook();
  const when = new Date(`${report.madeOn}T00:00:00Z`);
  wb.creator = 'incasso';
  wb.lastModifiedBy = 'incasso';
  wb.created = when;
  wb.modified = when;
  wb.title = `${t('periodic.title')} – ${report.creditorName}`;
  const num = (s: string) => Number(s);
  const fmt = '#,##0.00';

  const summary = wb.addWorksheet(t('periodic.sheet_summary'));
  summary.addRow([`${t('periodic.title')} ${t(`periodic.${input.frequency}`)}`]);
  summary.addRow([report.creditorName, report.period.from, report.period.to, report.madeOn]);
  summary.addRow([t('periodic.desk', { calls: report.desk.calls, rightParty: report.desk.rightParty, reached: report.desk.debtorsReached })]);
  for (const p of report.plans) summary.addRow([t('periodic.plans', { active: p.active, currency: p.currency, expected: p.expectedNext3Months })]);
  summary.addRow([]);
  summary.addRow([t('periodic.col_statement'), t('periodic.col_period'), null, t('periodic.col_currency'), t('periodic.col_to_remit'), t('periodic.col_to_invoice')]);
  for (const s of report.statements) summary.addRow([`${s.number}/${s.year}`, s.periodFrom, s.periodTo, s.currency, num(s.toRemit), num(s.toInvoice)]);
  for (const c of [5, 6]) summary.getColumn(c).numFmt = fmt;

  const portfolio = wb.addWorksheet(t('periodic.sheet_portfolio'));
  portfolio.addRow([t('periodic.col_status'), 'status', t('periodic.col_currency'), t('periodic.col_positions'), t('periodic.col_loaded'), t('periodic.col_due')]);
  for (const p of report.portfolio) portfolio.addRow([t(`periodic.status.${p.status}` as MessageCode), p.status, p.currency, p.count, num(p.loaded), num(p.totalDue)]);
  for (const c of [5, 6]) portfolio.getColumn(c).numFmt = fmt;

  const collected = wb.addWorksheet(t('periodic.sheet_collected'));
  collected.addRow([t('periodic.col_revenue'), t('periodic.col_year'), t('periodic.col_currency'), t('periodic.col_payments'), t('periodic.col_collected'), t('periodic.col_reversed'), t('periodic.col_net')]);
  for (const c of report.collected) collected.addRow([c.revenue, c.taxYear, c.currency, c.payments, num(c.collected), num(c.reversed), num(c.net)]);
  for (const c of [5, 6, 7]) collected.getColumn(c).numFmt = fmt;

  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(buf, report.madeOn);
}
