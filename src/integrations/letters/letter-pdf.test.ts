import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from './letter-pdf.ts';
import { decodeQrBill, pageCount, pdfInfo, pdfText } from './test-pdf-tools.ts';
import { englishSwissLetter, frenchLetter, italianLetter, swissGermanLetter } from './test-fixtures.ts';
import type { LetterInput } from './types.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Whitespace runs as one space: pdftotext -layout pads columns. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('renderLetterPdf — deterministic bytes', () => {
  // First test of the file on purpose: the first render of the process reads the font files, later
  // ones reuse the parsed fonts and word caches; both must give the same bytes.
  it('renders the same input to byte-identical PDFs (cold and warm, and from a copy)', async () => {
    const first = await renderLetterPdf(italianLetter());
    const second = await renderLetterPdf(italianLetter());
    const copy = await renderLetterPdf(structuredClone(italianLetter()));
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(copy)).toBe(sha256(first));
    const chf = [await renderLetterPdf(swissGermanLetter()), await renderLetterPdf(swissGermanLetter())];
    expect(chf[0]!.equals(chf[1]!)).toBe(true);
  });

  it('dates the file from the letter, not the clock, and gives other content another file ID', async () => {
    const a = await renderLetterPdf(italianLetter());
    const other = italianLetter();
    other.documentId = 'L-2025-000999';
    const b = await renderLetterPdf(other);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(b)).not.toBe(id(a));
    expect(a.toString('latin1')).toContain('(D:20250315000000Z)');
    expect((await pdfInfo(a)).Title).toBe('Sollecito di pagamento – fatture 2024/117 e 2025/008');
  });
});

describe('renderLetterPdf — EUR, Italian, interest charged', () => {
  it('shows the amounts the Italian way, the accented names, the RF reference and the interest statements', async () => {
    const pdf = await renderLetterPdf(italianLetter());
    const text = await pdfText(pdf);
    const t = flat(text);
    expect(t).toContain('Niccolò Müller-Sàntoro');
    expect(t).toContain('Via Sant’Agnese 7');
    expect(t).toContain('Studio Legale Bàrberi & Associati');
    expect(t).toContain('Milano, 15 marzo 2025');
    expect(t).toContain('Sollecito di pagamento – fatture 2024/117 e 2025/008');
    // Claims table and totals (formatMoneyText: "1.234,56 €").
    expect(t).toMatch(/2024\/117 31\/10\/2024 1\.000,00 € 43,08 € 55,00 € 0,00 € 1\.098,08 €/);
    expect(t).toMatch(/Totale 1\.120,00 € 44,66 € 69,90 € 0,00 € 1\.234,56 €/);
    // Interest statement: periods with days and rates.
    expect(t).toContain('Calcolo degli interessi — 2024/117');
    expect(t).toMatch(/01\/11\/2024 31\/12\/2024 61 12,25 % 1\.000,00 € 20,47 €/);
    expect(t).toContain('Art. 5 D.Lgs. 231/2002');
    // Payment block: IBAN in fours, RF reference, amount, date.
    expect(t).toContain('IT60 X054 2811 1010 0000 0123 456');
    expect(t).toContain('RF18 5390 0754 7034');
    expect(t).toMatch(/Importo 1\.234,56 €/);
    expect(t).toContain('Da pagare entro il 31 marzo 2025');
    expect(t).toContain('art. 1219 c.c.');
    expect(t).toContain('Avv. Chiara Bàrberi');
    // No QR-bill for euros; the footer on every page.
    expect(t).not.toContain('Sezione pagamento');
    const pages = await pageCount(pdf);
    for (let p = 1; p <= pages; p++) expect(flat(await pdfText(pdf, { first: p, last: p }))).toContain(`Documento L-2025-000123 Pagina ${p}/${pages}`);
  });

  it('prints no interest column when interestMode is none', async () => {
    const letter = italianLetter();
    letter.interestMode = 'none';
    const t = flat(await pdfText(await renderLetterPdf(letter)));
    expect(t).toMatch(/Riferimento Scadenza Capitale Spese Pagato Totale dovuto/);
    expect(t).not.toContain('Calcolo degli interessi');
  });
});

describe('renderLetterPdf — CHF with Swiss QR-bill', () => {
  it('puts a decodable QR-bill on the last page, in German, with the QR reference', async () => {
    const pdf = await renderLetterPdf(swissGermanLetter());
    const pages = await pageCount(pdf);
    const last = flat(await pdfText(pdf, { first: pages, last: pages }));
    expect(last).toContain('Empfangsschein');
    expect(last).toContain('Zahlteil');
    expect(last).toContain('21 00000 00003 13947 14300 09017');
    const t = flat(await pdfText(pdf));
    expect(t).toContain('Jürg Bösch-Égloff');
    expect(t).toContain('CHF 1’234.56');
    expect(t).toContain('Zürich, 15. März 2025');
    expect(t).toContain('CH44 3199 9123 0008 8901 2');

    const { payload, stderr } = await decodeQrBill(pdf, pages);
    expect(stderr).toBe('');
    expect(payload).not.toBeNull();
    const lines = payload!.split(/\r?\n/);
    expect(payload!.startsWith('SPC\n0200\n1\n') || payload!.startsWith('SPC\r\n0200\r\n1\r\n')).toBe(true);
    expect(lines[3]).toBe('CH4431999123000889012');
    expect(lines.slice(4, 11)).toEqual(['S', 'Inkassobüro Zürcher AG', 'Bahnhofstrasse 12', '', '8001', 'Zürich', 'CH']);
    expect(lines).toContain('1234.56');
    expect(lines[lines.indexOf('1234.56') + 1]).toBe('CHF');
    expect(lines).toEqual(expect.arrayContaining(['Jürg Bösch-Égloff', 'Rue du Marché 5', '1204', 'Genève', 'QRR', '210000000003139471430009017', 'Rechnung R-2024-881', 'EPD']));
  });

  it('English letter with an RF reference on an ordinary IBAN, a recipient abroad and the right window', async () => {
    const pdf = await renderLetterPdf(englishSwissLetter());
    expect(await pageCount(pdf)).toBe(1);
    const t = flat(await pdfText(pdf));
    expect(t).toContain('DEUTSCHLAND');
    expect(t).toContain('Payment part');
    expect(t).toMatch(/Reference Due date Principal Costs Paid Total due/);
    const { payload } = await decodeQrBill(pdf, 1);
    const lines = payload!.split(/\r?\n/);
    expect(lines[3]).toBe('CH9300762011623852957');
    expect(lines).toEqual(expect.arrayContaining(['987.65', 'CHF', 'SCOR', 'RF18539007547034', 'Oliver O’Brien', '10117', 'Berlin', 'DE']));
  });

  it('starts a new page for the QR-bill when the letter leaves no room for it', async () => {
    const letter = swissGermanLetter();
    letter.paragraphs = Array.from({ length: 9 }, (_x, i) => `Absatz ${i + 1}: ${'Lorem ipsum dolor sit amet. '.repeat(8)}`);
    const pdf = await renderLetterPdf(letter);
    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const last = flat(await pdfText(pdf, { first: pages, last: pages }));
    expect(last).toContain('Zahlteil');
    expect(last).toContain(`Seite ${pages}/${pages}`);
    expect(flat(await pdfText(pdf, { first: 1, last: pages - 1 }))).not.toContain('Zahlteil');
  });
});

describe('renderLetterPdf — French, user data', () => {
  it('writes French amounts, dates and labels', async () => {
    const t = flat(await pdfText(await renderLetterPdf(frenchLetter())));
    expect(t).toContain('Élodie Ève Château');
    expect(t).toContain('Paris, 1er avril 2025');
    expect(t).toMatch(/Total 2 500,00 € 0,00 € 40,00 € 1 305,44 € 1 234,56 €/);
    expect(t).toContain('RF97 INV2 0250 17');
    expect(t).toContain('À payer au plus tard le 15 avril 2025');
  });

  it('draws user text literally, cuts over-long names and keeps amounts whole', async () => {
    const letter: LetterInput = frenchLetter();
    const long = 'Établissements Très-Long-Nom-Sans-Espaces-'.repeat(8);
    letter.recipient = { ...letter.recipient, name: long, lines: ['x'.repeat(300), ...Array.from({ length: 12 }, (_x, i) => `Ligne ${i}`), '69003 Lyon'] };
    letter.paragraphs = ['<b>gras?</b> & {{nom}} %PDF-1.7 ) ( \\ \u0000\u0007 € ’ ÀÉÎÕÜ'];
    letter.claims[0]!.reference = `REF-${'9'.repeat(200)}`;
    letter.claims[0]!.totalDue = '123456789.12';
    const pdf = await renderLetterPdf(letter);
    const t = flat(await pdfText(pdf));
    expect(t).toContain('<b>gras?</b> & {{nom}} %PDF-1.7 ) ( \\ € ’ ÀÉÎÕÜ');
    expect(t).toContain('…');
    // The postal line survives even when the window has no room for every line.
    expect(t).toContain('69003 Lyon');
    expect(t).toContain('123 456 789,12 €');
    expect(t).not.toContain('9'.repeat(200));
  });
});
