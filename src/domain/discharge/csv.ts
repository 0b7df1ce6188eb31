import type { DischargeReport, PositionRow } from './report.ts';

/**
 * The discharge report as CSV, one row per position (layout documented in docs/discharge-report.md).
 * RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break, CRLF line
 * ends, UTF-8 without BOM; amounts with a dot and two decimals, never grouped. Text that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe (OWASP CSV
 * injection). The column names are stable codes: a program reads them, people read the docs.
 */
export const DISCHARGE_CSV_COLUMNS = [
  'reference',
  'taxpayer',
  'tax_id',
  'revenue',
  'tax_year',
  'currency',
  'final_state',
  'reason',
  'loaded',
  'collected',
  'annulled',
  'residual',
  'other_collected',
  'call_attempts',
  'right_party_contacts',
  'letters',
  'plans',
] as const;

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(r: PositionRow): string {
  return [
    r.reference,
    r.taxpayer,
    r.taxId,
    r.revenue,
    r.taxYear,
    r.currency,
    r.state,
    r.reason,
    r.loaded,
    r.collected,
    r.annulled,
    r.residual,
    r.otherCollected,
    r.attempts,
    r.rightParty,
    r.letters,
    r.plans,
  ]
    .map(csvField)
    .join(',');
}

export function dischargeCsv(report: Pick<DischargeReport, 'rows'>): Buffer {
  const lines = [DISCHARGE_CSV_COLUMNS.join(','), ...report.rows.map(csvRow)];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
