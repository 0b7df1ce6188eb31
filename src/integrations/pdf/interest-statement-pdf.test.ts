import { describe, expect, it } from 'vitest';
import type { Statement } from '../../domain/interest/compute.ts';
import { italianStatement } from '../letters/test-fixtures.ts';
import { pdfText } from '../letters/test-pdf-tools.ts';
import { PDF_LANGUAGES, renderStatementPdf } from './interest-statement-pdf.ts';

const statement: Statement = italianStatement();

describe('renderStatementPdf — words, not internal codes', () => {
  it.each(PDF_LANGUAGES)('names the regime and the day count in words (%s)', async (language) => {
    const t = (await pdfText(await renderStatementPdf(statement, { language }))).replace(/\s+/g, ' ');
    expect(t).not.toMatch(/it-commercial|act365|it-231|flat_compensation|debtorKind/);
    const words = { it: 'Interessi di mora commerciali (D.Lgs. 231/2002)', en: 'Late-payment interest, commercial (IT)', de: 'Verzugszinsen im Geschäftsverkehr (IT)', fr: 'Intérêts de retard commerciaux (IT)' }[language];
    expect(t).toContain(words);
    expect(t).toContain({ it: 'giorni effettivi / 365', en: 'actual days / 365', de: 'tatsächliche Tage / 365', fr: 'jours réels / 365' }[language]);
  });
});
