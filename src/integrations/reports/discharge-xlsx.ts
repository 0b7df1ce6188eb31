import ExcelJS from 'exceljs';
import { DISCHARGE_CSV_COLUMNS } from '../../domain/discharge/csv.ts';
import { msg, translate, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import type { DischargeDocumentInput } from './discharge-header.ts';
import { fixZipDates } from './zip-dates.ts';

/**
 * The discharge report as a workbook: "Summary" (totals per revenue × tax year and in all, with the
 * identity), "Positions" (the CSV's columns, same codes, amounts as numbers with two decimals) and
 * "Components" (per position and component kind). Reproducible: created/modified are the as-of date and
 * the archive's entry times are fixed to it (`fixZipDates`).
 */
export async function renderDischargeXlsx(input: DischargeDocumentInput): Promise<Buffer> {
  const { report, locale } = input;
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);
  const wb = new ExcelJS.Workbook();
  const when = new Date(`${report.asOf}T00:00:00Z`);
  wb.creator = 'incasso';
  wb.lastModifiedBy = 'incasso';
  wb.created = when;
  wb.modified = when;
  wb.title = `${t('discharge.title')} – ${input.creditorName}`;
  const num = (s: string) => Number(s);
  const fmt = '#,##0.00';

  const summary = wb.addWorksheet(t('discharge.sheet_summary'));
  summary.addRow([t('discharge.title')]);
  summary.addRow([input.creditorName, input.load === null ? t('discharge.scope_mandate') : t('discharge.scope_load', { load: input.load }), report.asOf]);
  summary.addRow([t('discharge.identity')]);
  summary.addRow([]);
  summary.addRow([t('discharge.col_revenue'), t('discharge.col_year'), t('discharge.col_currency'), t('discharge.col_positions'), t('discharge.col_loaded'), t('discharge.col_collected'), t('discharge.col_annulled'), t('discharge.col_residual')]);
  for (const g of report.groups) summary.addRow([g.revenue, g.taxYear, g.currency, g.positions, num(g.loaded), num(g.collected), num(g.annulled), num(g.residual)]);
  for (const x of report.totals) summary.addRow([t('discharge.total'), null, x.currency, x.positions, num(x.loaded), num(x.collected), num(x.annulled), num(x.residual)]);
  for (const c of [5, 6, 7, 8]) summary.getColumn(c).numFmt = fmt;

  const positions = wb.addWorksheet(t('discharge.sheet_positions'));
  positions.addRow([...DISCHARGE_CSV_COLUMNS]);
  for (const r of report.rows) {
    positions.addRow([
      r.reference,
      r.taxpayer,
      r.taxId,
      r.revenue,
      r.taxYear,
      r.currency,
      r.state,
      r.reason,
      num(r.loaded),
      num(r.collected),
      num(r.annulled),
      num(r.residual),
      num(r.otherCollected),
      r.attempts,
      r.rightParty,
      r.letters,
      r.plans,
    ]);
  }
  for (const c of [9, 10, 11, 12, 13]) positions.getColumn(c).numFmt = fmt;

  const comps = wb.addWorksheet(t('discharge.sheet_components'));
  comps.addRow(['reference', 'component', 'loaded', 'collected', 'annulled', 'residual']);
  for (const r of report.rows) for (const c of r.components) comps.addRow([r.reference, c.kind, num(c.loaded), num(c.collected), num(c.annulled), num(c.residual)]);
  for (const c of [3, 4, 5, 6]) comps.getColumn(c).numFmt = fmt;

  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(buf, report.asOf);
}
