import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DISCHARGE_CSV_COLUMNS } from '../../domain/discharge/csv.ts';
import { msg, translate, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import type { DischargeDocumentInput } from './discharge-header.ts';
import { fixZipDates } from './zip-dates.ts';

/**
 * The discharge report as a workbook: "Summary" (totals per revenue × tax year and in all, with the
 * identity), "Positions" (the CSV's columns, same codes, amounts as numbers with two decimals) and
 * "Components" (per position and component kind). Written with exceljs' streaming writer, each row
 * committed as it is made (strings inline, no shared-strings table): memory does not grow with the
 * positions, only the finished file is held. Reproducible: created/modified are the as-of date and the
 * archive's entry times are fixed to it (`fixZipDates`).
 */
export async function renderDischargeXlsx(input: DischargeDocumentInput): Promise<Buffer> {
  const { head, locale } = input;
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const when = new Date(`${head.asOf}T00:00:00Z`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'incasso';
  wb.lastModifiedBy = 'incasso';
  wb.created = when;
  wb.modified = when;
  wb.title = `${t('discharge.title')} – ${input.creditorName}`;
  const num = (s: string) => Number(s);
  const fmt = '#,##0.00';
  const money = (ws: ExcelJS.Worksheet, cols: number[]) => {
    for (const c of cols) ws.getColumn(c).numFmt = fmt;
  };

  const summary = wb.addWorksheet(t('discharge.sheet_summary'));
  // Column formats before the first row: each cell takes its column's style as it is made.
  money(summary, [5, 6, 7, 8]);
  const put = (ws: ExcelJS.Worksheet, values: unknown[]) => ws.addRow(values).commit();
  put(summary, [t('discharge.title')]);
  put(summary, [input.creditorName, input.load === null ? t('discharge.scope_mandate') : t('discharge.scope_load', { load: input.load }), head.asOf]);
  put(summary, [t('discharge.identity')]);
  put(summary, []);
  put(summary, [t('discharge.col_revenue'), t('discharge.col_year'), t('discharge.col_currency'), t('discharge.col_positions'), t('discharge.col_loaded'), t('discharge.col_collected'), t('discharge.col_annulled'), t('discharge.col_residual')]);
  for (const g of head.groups) put(summary, [g.revenue, g.taxYear, g.currency, g.positions, num(g.loaded), num(g.collected), num(g.annulled), num(g.residual)]);
  for (const x of head.totals) put(summary, [t('discharge.total'), null, x.currency, x.positions, num(x.loaded), num(x.collected), num(x.annulled), num(x.residual)]);
  summary.commit();

  const positions = wb.addWorksheet(t('discharge.sheet_positions'));
  money(positions, [9, 10, 11, 12, 13]);
  put(positions, [...DISCHARGE_CSV_COLUMNS]);
  for await (const rows of input.rows()) {
    for (const r of rows) {
      put(positions, [
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
  }
  positions.commit();

  const comps = wb.addWorksheet(t('discharge.sheet_components'));
  money(comps, [3, 4, 5, 6]);
  put(comps, ['reference', 'component', 'loaded', 'collected', 'annulled', 'residual']);
  for await (const rows of input.rows()) {
    for (const r of rows) for (const c of r.components) put(comps, [r.reference, c.kind, num(c.loaded), num(c.collected), num(c.annulled), num(c.residual)]);
  }
  comps.commit();

  await wb.commit();
  await finished;
  return fixZipDates(Buffer.concat(chunks), head.asOf);
}
