import ExcelJS from 'exceljs';
import { fixZipDates } from '../reports/zip-dates.ts';

/**
 * A table as a one-sheet workbook, reproducible: created and modified are `day`, the ZIP entries carry
 * that day too (exceljs stamps them with the clock otherwise), so the same table gives the same bytes.
 * Columns named in `numeric` are written as numbers with two decimals.
 */
export async function renderTableXlsx(sheet: string, header: readonly string[], rows: readonly (string | number | null)[][], numeric: ReadonlySet<string>, day: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const at = new Date(`${day}T00:00:00Z`);
  wb.creator = 'incasso';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...header]).font = { bold: true };
  const num = header.map((h) => numeric.has(h));
  for (const r of rows) ws.addRow(r.map((v, i) => (num[i] && typeof v === 'string' ? Number(v) : v)));
  header.forEach((h, i) => {
    if (num[i]) ws.getColumn(i + 1).numFmt = '#,##0.00';
  });
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), day);
}
