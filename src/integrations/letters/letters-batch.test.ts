import { describe, expect, it } from 'vitest';
import { manifestHeader, renderLetterBatch } from './letters-batch.ts';
import { pageCount, pdfText } from './test-pdf-tools.ts';
import { frenchLetter, italianLetter, swissGermanLetter } from './test-fixtures.ts';

const rows = (manifest: string) =>
  manifest
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'));

describe('renderLetterBatch', () => {
  it('merges the letters, each from a new page, and writes the manifest with first pages', async () => {
    const letters = [italianLetter(), swissGermanLetter(), frenchLetter()];
    const { pdf, manifest } = await renderLetterBatch(letters);
    const [header, ...data] = rows(manifest);
    expect(header).toEqual(manifestHeader('it'));
    // Headers a person reads, in the user's language (Italian by default), never internal field names.
    expect(manifest.startsWith('Documento;Destinatario;Indirizzo;CAP;Località;Paese;Prima pagina;Pagine;Fogli;Valuta;Importo\r\n')).toBe(true);
    expect(data.map((r) => r[0])).toEqual(['L-2025-000123', 'L-2025-000124', 'L-2025-000125']);
    expect(data[0]).toEqual(['L-2025-000123', 'Niccolò Müller-Sàntoro', '"Via Sant’Agnese 7, Scala B, interno 12"', '10121', 'Torino TO', 'IT', '1', '2', '2', 'EUR', '1234.56']);
    expect(data[1]!.slice(1, 6)).toEqual(['Jürg Bösch-Égloff', 'Rue du Marché 5', '1204', 'Genève', 'CH']);

    const pages = data.map((r) => Number(r[7]));
    const first = data.map((r) => Number(r[6]));
    expect(first).toEqual([1, 1 + pages[0]!, 1 + pages[0]! + pages[1]!]);
    expect(await pageCount(pdf)).toBe(pages.reduce((a, b) => a + b, 0));
    // Each letter's first page is its own: its document number with "page 1/n".
    for (const [i, r] of data.entries()) {
      const t = (await pdfText(pdf, { first: first[i]!, last: first[i]! })).replace(/\s+/g, ' ');
      expect(t).toContain(r[0]!);
      expect(t).toMatch(new RegExp(`(Pagina|Seite|Page) 1/${pages[i]}`));
    }
    // The Swiss letter's QR-bill sits on its last page.
    const swissLast = first[1]! + pages[1]! - 1;
    expect(await pdfText(pdf, { first: swissLast, last: swissLast })).toContain('Zahlteil');
  });

  it('writes the manifest header in the language of the user and counts the pages', async () => {
    const first = (m: string) => m.split('\r\n')[0];
    expect(first((await renderLetterBatch([italianLetter()], { language: 'en' })).manifest)).toBe('Document;Recipient;Address;Postal code;City;Country;First page;Pages;Sheets;Currency;Amount');
    expect(first((await renderLetterBatch([italianLetter()], { language: 'de' })).manifest)).toBe('Dokument;Empfänger;Adresse;PLZ;Ort;Land;Erste Seite;Seiten;Blätter;Währung;Betrag');
    const fr = await renderLetterBatch([italianLetter(), frenchLetter()], { language: 'fr', duplex: true });
    expect(first(fr.manifest)).toBe('Document;Destinataire;Adresse;Code postal;Localité;Pays;Première page;Pages;Feuilles;Devise;Montant');
    expect(fr.pages).toBe(await pageCount(fr.pdf));
  });

  it('pads every letter to an even page count for duplex printing', async () => {
    const { pdf, manifest } = await renderLetterBatch([frenchLetter(), italianLetter(), frenchLetter()], { duplex: true });
    const data = rows(manifest).slice(1);
    expect(data.map((r) => [r[6], r[7], r[8]])).toEqual([
      ['1', '2', '1'],
      ['3', '2', '1'],
      ['5', '2', '1'],
    ]);
    expect(await pageCount(pdf)).toBe(6);
    // The padding page is blank: the second letter starts on page 3 with its own header.
    expect((await pdfText(pdf, { first: 2, last: 2 })).trim()).toBe('');
    expect(await pdfText(pdf, { first: 3, last: 3 })).toContain('L-2025-000123');
  });

  it('neutralises formulas in manifest cells', async () => {
    const letter = frenchLetter();
    letter.recipient = { name: '=HYPERLINK("http://evil.example";"x")', lines: ['+33 rue du Calcul', '-1 allée', '69003 @Lyon'], country: 'FR' };
    letter.documentId = '@L-1';
    const { manifest } = await renderLetterBatch([letter]);
    const line = manifest.split('\r\n')[1]!;
    expect(line).toBe(`'@L-1;"'=HYPERLINK(""http://evil.example"";""x"")";"'+33 rue du Calcul, -1 allée";69003;'@Lyon;FR;1;1;1;EUR;1234.56`);
  });

  it('renders the same batch to the same bytes, and refuses an empty batch', async () => {
    const a = await renderLetterBatch([italianLetter(), swissGermanLetter()], { duplex: true });
    const b = await renderLetterBatch([italianLetter(), swissGermanLetter()], { duplex: true });
    expect(a.pdf.equals(b.pdf)).toBe(true);
    expect(a.manifest).toBe(b.manifest);
    await expect(renderLetterBatch([])).rejects.toThrow(RangeError);
  });
});
