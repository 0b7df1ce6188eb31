import { createHash } from 'node:crypto';
import { csvRow, DISCHARGE_CSV_COLUMNS } from '../../domain/discharge/csv.ts';
import type { Locale } from '../../domain/messages/index.ts';
import type { DischargeDocumentInput } from '../../integrations/reports/discharge-header.ts';
import { renderDischargePdf } from '../../integrations/reports/discharge-pdf.ts';
import { renderDischargeXlsx } from '../../integrations/reports/discharge-xlsx.ts';
import type { DischargeScope, DischargeSource } from './discharge-data.ts';
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

/** The CSV (layout: domain/discharge/csv.ts), written a chunk of rows at a time. */
async function streamCsv(input: DischargeDocumentInput): Promise<Buffer> {
  const parts = [Buffer.from(DISCHARGE_CSV_COLUMNS.join(',') + '\r\n', 'utf8')];
  for await (const rows of input.rows()) if (rows.length) parts.push(Buffer.from(rows.map(csvRow).join('\r\n') + '\r\n', 'utf8'));
  return Buffer.concat(parts);
}

/**
 * The report as a file; the same report, scope, language and format give the same bytes. The rows
 * are read from the source as the file is written (never all at once); only the finished file is held.
 */
export async function renderDischargeFile(source: DischargeSource, scope: DischargeScope, format: DischargeFormat, locale: Locale): Promise<DischargeFile> {
  const input: DischargeDocumentInput = {
    head: source.head,
    rows: () => source.chunks(),
    rowsDigest: source.rowsDigest,
    locale,
    creditorName: scope.creditorName,
    load: scope.loadLabel,
  };
  const content = format === 'csv' ? await streamCsv(input) : format === 'xlsx' ? await renderDischargeXlsx(input) : await renderDischargePdf(input);
  const stem = `scarico-${scope.asOf}${scope.loadId ? `-${scope.loadId.slice(0, 8)}` : ''}`;
  return { fileName: `${stem}.${format}`, contentType: DISCHARGE_CONTENT_TYPES[format], content, sha256: createHash('sha256').update(content).digest('hex') };
}
