import { describe, expect, it } from 'vitest';
import { buildDischargeReport, type PositionInput } from '../../domain/discharge/report.ts';
import { pdfText } from '../../test/pdf.ts';
import { inMemory } from './discharge-header.ts';
import { renderDischargePdf } from './discharge-pdf.ts';
import { renderDischargeXlsx } from './discharge-xlsx.ts';
import ExcelJS from 'exceljs';

const position = (i: number): PositionInput => ({
  claimId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
  reference: `R-${String(i).padStart(5, '0')}`,
  taxpayer: `Contribuente ${i}`,
  taxId: null,
  revenue: i % 2 ? 'tari' : 'imu',
  taxYear: 2020 + (i % 3),
  currency: 'EUR',
  loaded: '100.00',
  storedPaid: i % 4 === 0 ? '100.00' : '0.00',
  status: i % 4 === 0 ? 'paid' : 'in_collection',
  writtenOffBy: null,
  components: [{ kind: 'tax', amount: '100.00', collected: i % 4 === 0 ? '100.00' : '0', waived: '0' }],
  otherCollected: '0',
  debtor: { deceased: false, ceased: false, hardship: false, debtorId: `d${i}` },
  activity: { attempts: 0, rightParty: 0, letters: 0, plans: 0 },
  planRunning: false,
  noCallableContact: false,
  lastOutcomeEffect: null,
});

describe('discharge report files, streamed', () => {
  const report = buildDischargeReport('2026-12-31', Array.from({ length: 250 }, (_, i) => position(i + 1)), true);
  const chunked = (size: number) => {
    const doc = inMemory(report);
    return {
      ...doc,
      rows: async function* () {
        for (let i = 0; i < report.rows.length; i += size) yield report.rows.slice(i, i + size);
      },
    };
  };
  const common = { locale: 'it' as const, creditorName: 'Comune di Prova', load: null };

  it('counts the pages before drawing them: every page says "x of y" with the right y, every position is printed once', async () => {
    const pdf = await renderDischargePdf({ ...chunked(7), ...common });
    // Every page has text: no blank page (each footer used to push one after its page).
    const pages = pdfText(pdf).split('\f').slice(0, -1);
    expect(pages.every((p) => p.trim() !== '')).toBe(true);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`));
    const text = pages.join('\n');
    for (const r of report.rows) expect(text.split(r.reference).length - 1, r.reference).toBe(1);
    // The chunking does not show in the bytes.
    expect((await renderDischargePdf({ ...chunked(250), ...common })).equals(pdf)).toBe(true);
  });

  it('writes every position in the workbook, the same bytes whatever the chunking', async () => {
    const xlsx = await renderDischargeXlsx({ ...chunked(7), ...common });
    expect((await renderDischargeXlsx({ ...chunked(1000), ...common })).equals(xlsx)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.rowCount)).toEqual([5 + report.groups.length + 1, 251, 251]);
    expect(wb.getWorksheet('Posizioni')!.getRow(2).values).toEqual([undefined, report.rows[0]!.reference, report.rows[0]!.taxpayer, undefined, 'imu', 2020, 'EUR', report.rows[0]!.state, report.rows[0]!.reason, 100, Number(report.rows[0]!.collected), 0, Number(report.rows[0]!.residual), 0, 0, 0, 0, 0]);
  });
});
