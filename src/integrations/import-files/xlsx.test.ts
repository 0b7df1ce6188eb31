import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Message } from '../../domain/messages/index.ts';
import { DEFAULT_LIMITS, TableFileError, openTable, type TableItem } from './index.ts';
import { allItems, buildZip, scratchDir, type ZipFile } from './test-fixtures.ts';
import { inspectZip, readZipEntry } from './zip-guard.ts';

const scratch = scratchDir();
const MiB = 1024 * 1024;
/** Dense 3-byte UTF-8: most 16 KiB chunk boundaries of the shared strings fall inside a character. */
const EUROS = '€'.repeat(20);
let workbookPath = '';
let namesPath = '';

/** exceljs's own temporary files of this process (it parks sheets there; they must not be left behind). */
const ourTempFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

/** A portfolio workbook written with exceljs: a hidden sheet first, then "Crediti" and "Altro". */
async function writePortfolio(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Nascosto', { state: 'hidden' }).addRow(['non leggere']);
  const sheet = wb.addWorksheet('Crediti');
  sheet.addRow(['Codice', 'Scadenza', 'Importo', 'Doppio', 'Pagato', 'Nota', 'Sito', 'Errore']);
  sheet.addRow([
    'A1',
    new Date(Date.UTC(2025, 2, 31)),
    1234.5,
    { formula: 'C2*2', result: 2469 },
    true,
    { richText: [{ text: 'Via ' }, { font: { bold: true }, text: 'Roma' }] },
    { text: 'sito', hyperlink: 'https://example.org' },
    { error: '#N/A' },
  ]);
  sheet.addRow([]);
  sheet.getRow(4).values = ['A2', null, 0.1, { formula: 'C4*2' }, false, 'Società €'];
  sheet.getRow(5).values = ['A3', new Date(Date.UTC(1999, 11, 31, 18, 30)), 1e21, { formula: 'B5', result: 36525 }, null, 'Città'];
  sheet.getCell('D5').numFmt = 'dd/mm/yyyy';
  wb.addWorksheet('Altro').addRows([
    ['Nome', 'Valore'],
    ['x', -12.25],
  ]);
  await wb.xlsx.writeFile(file);
}

/** The entries of an archive, uncompressed, in archive order. */
async function entriesOf(path: string): Promise<ZipFile[]> {
  const entries = await inspectZip(path, statSync(path).size, DEFAULT_LIMITS);
  return Promise.all(entries.map(async (e) => ({ name: e.name, data: await readZipEntry(path, e, 64 * MiB), deflate: true })));
}

async function refusal(path: string, opts: Parameters<typeof openTable>[1] = {}) {
  try {
    await openTable(path, opts);
  } catch (err) {
    if (err instanceof TableFileError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('the file was accepted');
}

const rows = (items: TableItem[]) => items.filter((i) => i.kind === 'row').map((i) => [i.line, ...i.cells]);

beforeAll(async () => {
  workbookPath = scratch.path('portfolio.xlsx');
  await writePortfolio(workbookPath);
  namesPath = scratch.path('names.xlsx');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Nomi');
  sheet.addRow(['Nome']);
  for (let i = 0; i < 3000; i++) sheet.addRow([`Società àèìòù ${EUROS} ${i}`]);
  await wb.xlsx.writeFile(namesPath);
});
afterAll(() => scratch.remove());

describe('xlsx', () => {
  it('reads the first visible worksheet, every kind of cell as text', async () => {
    const table = await openTable(workbookPath);
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Crediti' });
    expect(table.headers).toEqual(['Codice', 'Scadenza', 'Importo', 'Doppio', 'Pagato', 'Nota', 'Sito', 'Errore']);
    expect(rows(await allItems(table))).toEqual([
      [2, 'A1', '2025-03-31', '1234.5', '2469', 'true', 'Via Roma', 'sito', ''],
      [4, 'A2', '', '0.1', '', 'false', 'Società €', '', ''],
      [5, 'A3', '1999-12-31', '1000000000000000000000', '1999-12-31', '', 'Città', '', ''],
    ]);
    expect(table.warnings().map((w) => translate(w, 'it'))).toEqual(['Letto solo il foglio "Crediti"; altri fogli: "Nascosto", "Altro"']);
    expect(table.warnings().map((w) => translate(w, 'de'))).toEqual(['Nur das Blatt "Crediti" gelesen; weitere Blätter: "Nascosto", "Altro"']);
  });

  it('reads strings from the shared string table', async () => {
    const entries = await entriesOf(workbookPath);
    const shared = entries.find((e) => e.name === 'xl/sharedStrings.xml')!.data.toString('utf8');
    expect(shared).toContain('Società €');
    expect(entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')!.data.toString('utf8')).toContain('t="s"');
  });

  it('reads a sheet by name, and lists the sheets when the name is unknown', async () => {
    const table = await openTable(workbookPath, { sheet: 'altro' });
    expect(table.sheet).toBe('Altro');
    expect(rows(await allItems(table))).toEqual([[2, 'x', '-12.25']]);
    expect(await refusal(workbookPath, { sheet: 'Incassi' })).toEqual({
      code: 'no_sheet',
      message: 'Foglio "Incassi" non trovato; fogli presenti: "Nascosto", "Crediti", "Altro"',
    });
  });

  it('stops after maxRows rows with a final problem', async () => {
    const items = await allItems(await openTable(workbookPath, { limits: { maxRows: 1 } }));
    expect(items).toEqual([
      { kind: 'row', line: 2, cells: expect.any(Array) },
      { kind: 'problem', line: 4, message: { code: 'import.file.row_limit', params: { max: 1 } } },
    ]);
  });

  it('keeps accented text intact across exceljs chunk boundaries, and leaves no temporary files', async () => {
    const items = await allItems(await openTable(namesPath));
    expect(items).toHaveLength(3000);
    expect(items.filter((i) => i.kind !== 'row' || i.cells[0] !== `Società àèìòù ${EUROS} ${i.line - 2}`)).toEqual([]);
    const partial = await openTable(namesPath);
    for await (const item of partial.items()) if (item.line > 10) break;
    // exceljs deletes its temporary copies asynchronously, once its iteration has ended.
    for (let wait = 0; wait < 50 && ourTempFiles().length > 0; wait++) await new Promise((r) => setTimeout(r, 20));
    expect(ourTempFiles()).toEqual([]);
  });

  it('reads a workbook whose sheet follows the shared strings (exceljs streams it directly)', async () => {
    const entries = await entriesOf(workbookPath);
    const sheets = entries.filter((e) => e.name.startsWith('xl/worksheets/'));
    const reordered = scratch.write('reordered.xlsx', buildZip([...entries.filter((e) => !sheets.includes(e)), ...sheets]));
    const items = await allItems(await openTable(reordered, { sheet: 'Crediti' }));
    expect(rows(items).map((r) => r[1])).toEqual(['A1', 'A2', 'A3']);
  });

  it('refuses a sheet damaged before its header, and ends with a problem when damaged further on', async () => {
    const entries = await entriesOf(workbookPath);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    sheet.data = Buffer.from(sheet.data.toString('utf8').replace('<row r="4"', '<row r="4"><<<'));
    expect(await refusal(scratch.write('damaged-early.xlsx', buildZip(entries)))).toMatchObject({
      code: 'bad_xlsx',
      message: expect.stringContaining('File Excel non leggibile'),
    });
    const names = await entriesOf(namesPath);
    const long = names.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    long.data = Buffer.from(long.data.toString('utf8').replace('<row r="2500"', '<row r="2500"><<<'));
    const items = await allItems(await openTable(scratch.write('damaged-late.xlsx', buildZip(names))));
    const read = rows(items);
    expect(read.length).toBeGreaterThan(100);
    expect(read.every((r) => Number(r[0]) < 2500)).toBe(true);
    const last = items.at(-1) as { kind: 'problem'; message: Message };
    expect(last).toMatchObject({ kind: 'problem', message: { code: 'import.file.reading_stopped' } });
    expect(translate(last.message, 'it')).toMatch(/^Lettura interrotta dopo la riga \d+: /);
  });
});

describe('zip checks', () => {
  it('refuses a zip bomb by its compression ratio', async () => {
    const bomb = scratch.write('bomb.xlsx', buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(20 * MiB), deflate: true }]));
    const { code, message } = await refusal(bomb);
    expect(code).toBe('zip_bomb');
    expect(message).toMatch(/"xl\/workbook.xml" è compresso \d+:1, oltre il limite di 200:1/);
    // The reason is a message inside the refusal's, rendered in the reader's language with it.
    const err = await openTable(bomb).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableFileError);
    expect((err as TableFileError).msg).toMatchObject({ code: 'import.file.zip_bomb', params: { reason: expect.stringMatching(/^i18n:import\.zip\.compression_ratio /) } });
    expect(translate((err as TableFileError).msg, 'fr')).toMatch(/^Archive \.xlsx refusée : « xl\/workbook\.xml » est compressé à \d+:1, au-delà de la limite de 200:1$/);
  });

  it('refuses an archive that would expand beyond maxUncompressedBytes', async () => {
    expect((await refusal(workbookPath, { limits: { maxUncompressedBytes: 4096 } })).code).toBe('zip_bomb');
  });

  it('catches sizes that lie, by inflating and counting', async () => {
    const liar = scratch.write('liar.xlsx', buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(5 * MiB), deflate: true, declaredSize: 4096 }]));
    expect(await refusal(liar)).toEqual({
      code: 'zip_bomb',
      message: 'Archivio .xlsx rifiutato: "xl/workbook.xml" si espande oltre la dimensione dichiarata',
    });
  });

  it('reads ZIP64 directories', async () => {
    const text = scratch.write('zip64.zip', buildZip([{ name: 'ciao.txt', data: Buffer.from('ciao') }], { zip64: true }));
    expect((await refusal(text)).code).toBe('bad_xlsx');
    const bomb = scratch.write('zip64-bomb.xlsx', buildZip([{ name: 'a.xml', data: Buffer.alloc(20 * MiB), deflate: true }], { zip64: true }));
    expect((await refusal(bomb)).code).toBe('zip_bomb');
  });

  it('refuses a zip that is not a workbook, a damaged archive and a CSV forced as xlsx', async () => {
    const notExcel = scratch.write('documents.zip', buildZip([{ name: 'lettera.txt', data: Buffer.from('Gentile cliente') }]));
    expect(await refusal(notExcel)).toEqual({
      code: 'bad_xlsx',
      message: 'Il file è un archivio ZIP ma non un foglio Excel .xlsx',
    });
    const truncated = scratch.write('truncated.xlsx', Buffer.from('PK\x03\x04 not really a zip'));
    expect(await refusal(truncated)).toMatchObject({ code: 'bad_xlsx', message: expect.stringContaining('directory centrale') });
    const csv = scratch.write('plain.csv', 'a;b\n1;2\n');
    expect((await refusal(csv, { format: 'xlsx' })).code).toBe('bad_xlsx');
    expect((await refusal(workbookPath, { format: 'csv' })).code).toBe('binary');
  });

  it('refuses an archive whose compressed data is damaged', async () => {
    const entries = await entriesOf(workbookPath);
    const archive = buildZip(entries);
    const sheetAt = archive.indexOf('xl/worksheets/sheet2.xml') + 'xl/worksheets/sheet2.xml'.length;
    for (let i = 10; i < 40; i++) archive[sheetAt + i] = 0xff - archive[sheetAt + i]!;
    expect((await refusal(scratch.write('corrupt.xlsx', archive))).code).toBe('bad_xlsx');
  });
});
