import { createHash } from 'node:crypto';
import { dischargeCsv } from '../../domain/discharge/csv.ts';
import type { DischargeReport } from '../../domain/discharge/report.ts';
import type { Locale } from '../../domain/messages/index.ts';
import { renderDischargePdf } from '../../integrations/reports/discharge-pdf.ts';
import { renderDischargeXlsx } from '../../integrations/reports/discharge-xlsx.ts';
import type { DischargeScope } from './discharge-data.ts';
import type { DischargeFormat } from './schema.ts';

export const DISCHARGE_CONTENT_TYPES: Record<DischargeFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface DischargeFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

/** The report as a file; the same report, scope, language and format give the same bytes. */
export async function renderDischargeFile(report: DischargeReport, scope: DischargeScope, format: DischargeFormat, locale: Locale): Promise<DischargeFile> {
  const input = { report, locale, creditorName: scope.creditorName, load: scope.loadLabel };
  const content = format === 'csv' ? dischargeCsv(report) : format === 'xlsx' ? await renderDischargeXlsx(input) : await renderDischargePdf(input);
  const stem = `scarico-${scope.asOf}${scope.loadId ? `-${scope.loadId.slice(0, 8)}` : ''}`;
  return { fileName: `${stem}.${format}`, contentType: DISCHARGE_CONTENT_TYPES[format], content, sha256: createHash('sha256').update(content).digest('hex') };
}
