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

describe('renderStatementPdf — interest pauses', () => {
  it('names the days no interest accrued while a plan with interest on the deferral ran', async () => {
    const paused: Statement = { ...statement, pauses: [{ from: '2026-06-11', to: '2026-09-02' }, { from: '2026-10-01', to: null }] };
    const t = (await pdfText(await renderStatementPdf(paused, { language: 'it' }))).replace(/\s+/g, ' ');
    expect(t).toContain('Interessi sospesi (piano di rateizzazione con interessi di dilazione): dal 11/06/2026 al 02/09/2026');
    expect(t).toContain('dal 01/10/2026 (in corso)');
  });
});

describe('renderStatementPdf — reproducible when dated', () => {
  it('gives the same bytes twice for the same statement and day (the legal dossier relies on it)', async () => {
    const a = await renderStatementPdf(statement, { language: 'it', created: '2026-12-06' });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderStatementPdf(statement, { language: 'it', created: '2026-12-06' });
    expect(a.equals(b)).toBe(true);
  });
});
