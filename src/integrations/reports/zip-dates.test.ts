import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixZipDates } from './zip-dates.ts';

describe('fixZipDates', () => {
  it('stamps every entry of a workbook with the given day, so two writes at different times are the same bytes', async () => {
    const write = async () => {
      const wb = new ExcelJS.Workbook();
      wb.created = wb.modified = new Date('2026-12-31T00:00:00Z');
      wb.addWorksheet('A').addRow(['x', 1]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const a = await write();
    await new Promise((r) => setTimeout(r, 2100));
    const b = await write();
    expect(a.equals(b)).toBe(false);
    expect(fixZipDates(a, '2026-12-31').equals(fixZipDates(b, '2026-12-31'))).toBe(true);
    // Still a workbook exceljs reads.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(fixZipDates(b, '2026-12-31') as unknown as ArrayBuffer);
    expect(back.getWorksheet('A')!.getRow(1).values).toEqual([undefined, 'x', 1]);
  });
});
