import { utimesSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { translate, type Message } from '../../domain/messages/index.ts';
import { TableFileError, openTable, type TableItem } from './index.ts';
import { RecordScanner, type ScanEvent } from './record-scanner.ts';
import { allItems, scratchDir } from './test-fixtures.ts';

const scratch = scratchDir();
afterAll(() => scratch.remove());

let counter = 0;
/** Writes a fixture and opens it. */
async function openText(content: string | Buffer, opts: Parameters<typeof openTable>[1] = {}) {
  const file = scratch.write(`f${++counter}.csv`, content);
  return openTable(file, opts);
}

/** A reader's message as an Italian reader sees it. */
const italian = (m: Message) => translate(m, 'it');

/** The error code `openTable` fails with, and its message (Italian). */
async function refusal(content: string | Buffer, opts: Parameters<typeof openTable>[1] = {}) {
  try {
    await openText(content, opts);
  } catch (err) {
    if (err instanceof TableFileError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('the file was accepted');
}

const rows = (items: TableItem[]) => items.filter((i) => i.kind === 'row').map((i) => [i.line, ...i.cells]);
const problems = (items: TableItem[]) => items.flatMap((i) => (i.kind === 'problem' ? [[i.line, italian(i.message)]] : []));
const warningsOf = (table: { warnings(): Message[] }) => table.warnings().map(italian);
const cp1252 = (text: string) => Buffer.from([...text].map((c) => ({ '€': 0x80, '’': 0x92 })[c] ?? c.charCodeAt(0)));

describe('delimiters and quoting', () => {
  it('reads a `;` file with decimal commas kept as text', async () => {
    const table = await openText('Codice;Nome;Importo\r\nA1;Rossi Mario;1.234,56\r\nA2; Bianchi ;-7,5\r\n');
    expect(table).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', sheet: null, headers: ['Codice', 'Nome', 'Importo'] });
    expect(rows(await allItems(table))).toEqual([
      [2, 'A1', 'Rossi Mario', '1.234,56'],
      [3, 'A2', ' Bianchi ', '-7,5'],
    ]);
  });

  it('reads a `,` file: delimiters, doubled quotes and newlines inside quotes; lines are physical', async () => {
    const table = await openText('codice,nome,note\nA1,"Rossi, Mario","disse ""ciao""\nseconda riga"\n\nA2,Bianchi,x\n');
    expect(table.delimiter).toBe(',');
    expect(rows(await allItems(table))).toEqual([
      [2, 'A1', 'Rossi, Mario', 'disse "ciao"\nseconda riga'],
      [5, 'A2', 'Bianchi', 'x'],
    ]);
  });

  it('reads a tab file', async () => {
    const table = await openText('codice\tnome\timporto\nA1\tRossi, Mario\t10,00\n');
    expect(table.delimiter).toBe('\t');
    expect(rows(await allItems(table))).toEqual([[2, 'A1', 'Rossi, Mario', '10,00']]);
  });

  it('prefers `;` when decimal commas make `,` look plausible', async () => {
    const table = await openText('codice;importo\nA1;1,50\nA2;2,75\n');
    expect(table.delimiter).toBe(';');
  });

  it("follows Excel's sep= hint line and skips it", async () => {
    const table = await openText('sep=,\r\na;b,c\r\n1;2,3\r\n');
    expect(table).toMatchObject({ delimiter: ',', headers: ['a;b', 'c'] });
    expect(rows(await allItems(table))).toEqual([[3, '1;2', '3']]);
  });

  it('reads old Mac files that end lines with CR only', async () => {
    const table = await openText('a;b\r1;2\r3;4');
    expect(rows(await allItems(table))).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
  });
});

describe('encodings', () => {
  it('strips a UTF-8 BOM', async () => {
    const table = await openText('\uFEFFCodice;Città\nA1;Società\n');
    expect(table.headers).toEqual(['Codice', 'Città']);
    expect(table.encoding).toBe('utf-8');
    expect(rows(await allItems(table))).toEqual([[2, 'A1', 'Società']]);
  });

  it('reads UTF-8 without BOM', async () => {
    const table = await openText('Codice;Ragione sociale\nA1;Società Ünïcode €\n');
    expect(table.encoding).toBe('utf-8');
    expect(rows(await allItems(table))).toEqual([[2, 'A1', 'Società Ünïcode €']]);
    expect(warningsOf(table)).toEqual([]);
  });

  it('reads a Windows-1252 file ("Società", € as 0x80) and says which lines', async () => {
    const table = await openText(cp1252('Codice;Ragione sociale;Importo\r\nA1;Società Rossi;€ 10\r\nA2;Bianchi;5\r\nA3;Città dell’Aquila;€ 3\r\n'));
    expect(table.encoding).toBe('windows-1252');
    expect(rows(await allItems(table))).toEqual([
      [2, 'A1', 'Società Rossi', '€ 10'],
      [3, 'A2', 'Bianchi', '5'],
      [4, 'A3', 'Città dell’Aquila', '€ 3'],
    ]);
    expect(warningsOf(table)).toEqual(['Righe non UTF-8 lette come Windows-1252: 2, 4']);
  });

  it('reads a file mixing UTF-8 and Windows-1252 lines, line by line', async () => {
    const file = Buffer.concat([Buffer.from('Codice;Nome\nA1;Società\n'), cp1252('A2;Città\n'), Buffer.from('A3;Perù\n')]);
    const table = await openText(file);
    expect(table.encoding).toBe('mixed');
    expect(rows(await allItems(table))).toEqual([
      [2, 'A1', 'Società'],
      [3, 'A2', 'Città'],
      [4, 'A3', 'Perù'],
    ]);
    expect(warningsOf(table)).toEqual(['Righe non UTF-8 lette come Windows-1252: 3']);
    expect(table.warnings()).toEqual([{ code: 'import.file.cp1252_lines', params: { lines: '3' } }]);
  });

  it('refines the encoding while reading past the first 64 KiB', async () => {
    const filler = 'A0;Rossi\n'.repeat(10_000);
    const table = await openText(Buffer.concat([Buffer.from(`Codice;Nome\n${filler}`), cp1252('A1;Città\n')]));
    expect(table.encoding).toBe('utf-8');
    const items = await allItems(table);
    expect(items.at(-1)).toEqual({ kind: 'row', line: 10_002, cells: ['A1', 'Città'] });
    expect(table.encoding).toBe('windows-1252');
  });

  it('reads UTF-16LE without BOM, recognised by its zero bytes', async () => {
    const table = await openText(Buffer.from('Codice;Nome\r\nA1;Società\r\n', 'utf16le'));
    expect(table.encoding).toBe('utf-16le');
    expect(rows(await allItems(table))).toEqual([[2, 'A1', 'Società']]);
    expect(warningsOf(table)).toEqual(['File UTF-16 senza BOM riconosciuto dal contenuto']);
  });

  it('reads UTF-16LE with BOM', async () => {
    const table = await openText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Codice\tNome\r\nA1\tSocietà €\r\n', 'utf16le')]));
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['Codice', 'Nome'] });
    expect(rows(await allItems(table))).toEqual([[2, 'A1', 'Società €']]);
  });
});

describe('broken records', () => {
  it('reports an unclosed quote and keeps the rows before and after it', async () => {
    const table = await openText('codice;nome;importo\nA1;Rossi;10,00\nA2;"Bianchi;20,00\nA3;Verdi;30,00\nA4;"Neri";40,00\nA5;Gialli;50,00\n');
    const items = await allItems(table);
    expect(problems(items)).toEqual([[3, 'Virgolette non chiuse alla riga 3']]);
    expect(rows(items).map((r) => r[1])).toEqual(['A1', 'A3', 'A4', 'A5']);
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('recovers from a quote left open up to the end of the file', async () => {
    const items = await allItems(await openText('codice;nome\nA1;"Rossi\nA2;Verdi\nA3;Neri'));
    expect(problems(items)).toEqual([[2, 'Virgolette non chiuse alla riga 2']]);
    expect(rows(items)).toEqual([
      [3, 'A2', 'Verdi'],
      [4, 'A3', 'Neri'],
    ]);
  });

  it('reports a misplaced quote on its line only', async () => {
    const items = await allItems(await openText('codice;nome\nA1;"Pizzeria "Da Mario"";x\nA2;12" monitor\n'));
    expect(problems(items)).toEqual([[2, 'Virgolette non valide alla riga 2']]);
    expect(rows(items)).toEqual([[3, 'A2', '12" monitor']]);
  });

  it('turns a 10 MB field into a problem without holding it, then goes on', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const items = await allItems(await openText(`codice;nota\nA1;${huge}\nA2;"${huge}"\nA3;ok\n`));
    expect(problems(items)).toEqual([
      [2, 'Campo oltre 10000 caratteri alla riga 2'],
      [3, 'Campo oltre 10000 caratteri alla riga 3'],
    ]);
    expect(rows(items)).toEqual([[4, 'A3', 'ok']]);
  });

  it('turns an over-long quoted field spanning many lines into one problem, not one per line', async () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `riga ${i} della nota`).join('\n');
    const items = await allItems(await openText(`codice;nota\nA1;"${long}"\nA2;ok\n`, { limits: { maxColumns: 2, maxFieldChars: 100 } }));
    expect(problems(items)).toEqual([[2, 'Campo oltre 100 caratteri alla riga 2']]);
    expect(rows(items)).toEqual([[20_002, 'A2', 'ok']]);
  });

  it('still recovers the rows after a quote left open when they pass the record size limit', async () => {
    const after = Array.from({ length: 100 }, (_, i) => `B${i};riga ${i}`).join('\n');
    const items = await allItems(await openText(`codice;nota\nA1;"aperta\n${after}\n`, { limits: { maxColumns: 2, maxFieldChars: 100 } }));
    expect(problems(items)).toEqual([[2, 'Virgolette non chiuse alla riga 2']]);
    expect(rows(items)).toHaveLength(100);
  });

  it('reports a cell over maxFieldChars that is below the record size limit', async () => {
    const items = await allItems(await openText(`codice;nota\nA1;${'y'.repeat(10_001)}\nA2;ok\n`));
    expect(problems(items)).toEqual([[2, 'Campo oltre 10000 caratteri alla riga 2, colonna 2']]);
    expect(rows(items)).toEqual([[3, 'A2', 'ok']]);
  });
});

describe('header and rows', () => {
  it('refuses an empty file, and one with only a BOM and whitespace', async () => {
    expect(await refusal('')).toEqual({ code: 'empty', message: 'File vuoto' });
    expect((await refusal('\uFEFF \r\n\n\t')).code).toBe('empty');
  });

  it('accepts a header without data rows', async () => {
    const table = await openText('Codice;Nome\n');
    expect(table.headers).toEqual(['Codice', 'Nome']);
    expect(await allItems(table)).toEqual([]);
  });

  it('takes the first non-blank record as the header, trimmed, dropping trailing empty columns and their cells', async () => {
    const table = await openText('\n;;\n Codice ; Nome ;;\nA1;Rossi;;\n;;;\nA2;Verdi\nA3;Neri;;x\n');
    expect(table.headers).toEqual(['Codice', 'Nome']);
    expect(rows(await allItems(table))).toEqual([
      [4, 'A1', 'Rossi'],
      [6, 'A2', 'Verdi'],
      [7, 'A3', 'Neri', '', 'x'],
    ]);
    expect(warningsOf(table)).toEqual([
      "Colonne vuote in fondo all'intestazione ignorate: 2",
      "Righe con celle oltre l'ultima colonna dell'intestazione: 7",
    ]);
  });

  it('refuses duplicated headers, ignoring case and spaces, and names them', async () => {
    const { code, message } = await refusal('Codice;Nome;Codice fiscale;CODICE;codice  fiscale;;\n');
    expect(code).toBe('duplicate_headers');
    expect(message).toBe('Intestazioni ripetute (tra parentesi le colonne): "Codice" (1, 4); "Codice fiscale" (3, 5)');
  });

  it('refuses a file whose records are all empty cells', async () => {
    expect((await refusal(';;\n;;;\n')).code).toBe('no_header');
  });

  it('refuses a header it cannot read', async () => {
    expect(await refusal('"codice;nome\n')).toEqual({
      code: 'no_header',
      message: 'Intestazione non leggibile: Virgolette non chiuse alla riga 1',
    });
  });

  it('refuses more columns than maxColumns in the header, and reports them in a row', async () => {
    expect((await refusal('a;b;c;d;e\n', { limits: { maxColumns: 4 } })).code).toBe('too_many_columns');
    const items = await allItems(await openText('a;b\n1;2;3;4;5\n6;7\n', { limits: { maxColumns: 4 } }));
    expect(problems(items)).toEqual([[2, 'Oltre 4 colonne alla riga 2']]);
    expect(rows(items)).toEqual([[3, '6', '7']]);
  });

  it('stops after maxRows data rows with a final problem', async () => {
    const items = await allItems(await openText('a;b\n1;1\n2;2\n\n3;3\n4;4\n5;5\n', { limits: { maxRows: 3 } }));
    expect(rows(items).map((r) => r[1])).toEqual(['1', '2', '3']);
    expect(items.at(-1)).toEqual({ kind: 'problem', line: 6, message: { code: 'import.file.row_limit', params: { max: 3 } } });
    expect(italian((items.at(-1) as { message: Message }).message)).toBe('Oltre 3 righe: il resto del file non è stato letto');
  });

  it('refuses a file over maxFileBytes', async () => {
    expect((await refusal('a;b\n1;2\n', { limits: { maxFileBytes: 5 } })).code).toBe('too_large');
  });
});

describe('not a CSV', () => {
  it('refuses binary junk with NUL bytes', async () => {
    let seed = 42;
    const junk = Buffer.from(Buffer.alloc(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));
    junk[100] = 0;
    const { code, message } = await refusal(junk);
    expect(code).toBe('binary');
    expect(message).toContain('dati binari');
  });

  it('rejects only the row with a NUL in one cell, with its reason', async () => {
    const items = await allItems(await openText('codice;nome;importo\nA1;Rossi;10,00\nA2;Bian\u0000chi;20,00\nA3;Verdi;30,00\n'));
    expect(problems(items)).toEqual([[3, 'Carattere NUL (codice 0) alla riga 3: riga scartata']]);
    expect(rows(items).map((r) => r[1])).toEqual(['A1', 'A3']);
  });

  it('refuses text full of control characters', async () => {
    expect((await refusal(`a;b\n${'\x01\x02\x03x'.repeat(200)}\n`)).code).toBe('binary');
  });

  it('names legacy .xls and PDF files', async () => {
    expect((await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).code).toBe('unsupported');
    expect(await refusal('%PDF-1.7\n...')).toEqual({ code: 'binary', message: 'Il file è un PDF, non un CSV o un Excel' });
  });
});

describe('streaming contract', () => {
  it('gives items once', async () => {
    const table = await openText('a\n1\n');
    await allItems(table);
    expect(() => table.items()).toThrow(/single-use/);
  });

  it('stops with a problem when the file changed after opening', async () => {
    const file = scratch.write('changed.csv', 'a;b\n1;2\n');
    const table = await openTable(file);
    writeFileSync(file, 'x;y;z\n1;2;3\n4;5;6\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const items = await allItems(table);
    expect(items).toEqual([{ kind: 'problem', line: 1, message: expect.objectContaining({ code: 'import.file.reading_stopped' }) }]);
    expect(problems(items)).toEqual([[1, "Lettura interrotta dopo la riga 1: Il file è cambiato dopo l'apertura: riaprirlo"]]);
    expect(translate((items[0] as { message: Message }).message, 'en')).toBe(
      'Reading stopped after line 1: The file changed after it was opened: open it again',
    );
  });

  it('splits records the same way whatever the chunk boundaries', () => {
    const text = Buffer.from('h1;h2\r\nA;"x\r\ny"\r\nB;"Pizza "x""\r\nC;"aa""b"\r\n"D\r\nE;e\r\n\r\nF;f', 'utf8');
    const scan = (size: number) => {
      const scanner = new RecordScanner({ delimiter: 0x3b, eol: 0x0a, maxRecordBytes: 1000, maxFieldChars: 10 });
      const out: ScanEvent[] = [];
      for (let i = 0; i < text.length; i += size) scanner.push(Buffer.from(text.subarray(i, i + size)), out);
      scanner.end(out);
      return out.map((e) => (e.kind === 'record' ? `${e.line}:${e.bytes.toString()}` : `${e.line}!${italian(e.message)}`));
    };
    const whole = scan(text.length);
    expect(whole).toEqual([
      '1:h1;h2',
      '2:A;"x\r\ny"',
      '4!Virgolette non valide alla riga 4',
      '5:C;"aa""b"',
      '6!Virgolette non chiuse alla riga 6',
      '7:E;e',
      '9:F;f',
    ]);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(scan(size)).toEqual(whole);
  });
});
