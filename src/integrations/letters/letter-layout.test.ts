import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from './letter-pdf.ts';
import { pdfText } from './test-pdf-tools.ts';
import { italianLetter, swissGermanLetter } from './test-fixtures.ts';
import type { LetterInput } from './types.ts';

/** Whitespace runs as one space: pdftotext -layout pads columns and wraps lines. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The text of each page (pdftotext separates pages by form feeds). */
const pages = async (pdf: Buffer) => (await pdfText(pdf)).split('\f').filter((p) => p.trim());

describe('letter layout — nothing cut, nothing stranded', () => {
  it('wraps a long return address and long item descriptions instead of cutting them', async () => {
    const letter = italianLetter();
    letter.sender.name = 'Studio Legale Associato Bàrberi, Castiglioni, Dell’Acqua & Partner';
    letter.sender.lines = ['Corso di Porta Nuova 18, Palazzo dei Giureconsulti, scala C, terzo piano', '20121 Milano MI'];
    letter.claims[0]!.description = 'Fornitura utensili professionali per officina meccanica – ordine 4471 del 12 settembre 2024, consegna in tre lotti a Torino, Moncalieri e Chieri';
    letter.claims[1]!.description = 'Assistenza tecnica e manutenzione straordinaria del tornio a controllo numerico, intervento urgente del 3 gennaio 2025 con ricambi originali';
    const t = flat(await pdfText(await renderLetterPdf(letter)));
    // The return line in the envelope window, whole.
    // (pdftotext -layout puts the info block beside it on the same lines: its wrapped parts, in order.)
    expect(t).toMatch(/Studio Legale Associato Bàrberi, Castiglioni, Dell’Acqua & .*Partner, Corso di Porta Nuova 18, Palazzo dei Giureconsulti, .*scala C, terzo piano, 20121 Milano MI/);
    expect(t).toContain(letter.claims[0]!.description);
    expect(t).toContain(letter.claims[1]!.description);
    // The recipient still reads in full below the longer return line.
    expect(t).toMatch(/Niccolò Müller-Sàntoro .*Via Sant’Agnese 7 .*Scala B, interno 12 .*10121 Torino TO/);
  });

  it('keeps the closing and signature on the page of the payment block, whatever the length of the body', async () => {
    // One more line of body each time, around the lengths where the closing used to be pushed alone
    // onto a new page (Italian: 35 more lines; Swiss, QR-bill after it: 8).
    for (const [base, from, to] of [
      [italianLetter, 32, 39],
      [swissGermanLetter, 5, 12],
    ] as const) {
      for (let extra = from; extra < to; extra++) {
        const letter: LetterInput = base();
        for (let i = 0; i < extra; i++) letter.paragraphs.push(`Riga ${i + 1}.`);
        const closing = letter.closing[0]!;
        const texts = await pages(await renderLetterPdf(letter));
        const page = texts.find((p) => flat(p).includes(closing));
        expect(page, `${base.name} + ${extra} lines`).toBeDefined();
        // The closing's page also holds the payment block (its IBAN), not the closing alone.
        expect(flat(page!), `${base.name} + ${extra} lines`).toMatch(/Modalità di pagamento|Zahlungsangaben/);
      }
    }
  }, 60_000);
});
