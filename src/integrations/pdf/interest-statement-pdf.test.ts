import { describe, expect, it } from 'vitest';
import type { Statement } from '../../domain/interest/compute.ts';
import { pdfText } from '../letters/test-pdf-tools.ts';
import { PDF_LANGUAGES, renderStatementPdf } from './interest-statement-pdf.ts';

const statement: Statement = {
  interest: '43.08',
  currency: 'EUR',
  regime: 'it-commercial',
  dayCount: 'act365',
  due: '2024-10-31',
  paid: '2025-03-15',
  principal: '1000.00',
  interestPaid: '0.00',
  interestDue: '43.08',
  costs: '40.00',
  costsPaid: '0.00',
  costsDue: '40.00',
  principalPaid: '0.00',
  principalDue: '1000.00',
  totalDue: '1083.08',
  periods: [
    { from: '2024-11-01', to: '2024-12-31', days: 61, rate: '12.25', principal: '1000.00', amount: '20.47' },
    { from: '2025-01-01', to: '2025-03-15', days: 74, rate: '11.15', principal: '1000.00', amount: '22.61' },
  ],
  payments: [],
  costItems: [{ date: '2024-11-01', label: 'Risarcimento forfettario (Flat compensation)', amount: '40.00', code: 'flat_compensation' }],
  basis: ['Art. 5 D.Lgs. 231/2002'],
  basisCodes: [{ code: 'it-231-5', params: { points: '8' } }, { code: 'it-231-6' }],
};

describe('renderStatementPdf — words, not internal codes', () => {
  it.each(PDF_LANGUAGES)('names the regime and the day count in words (%s)', async (language) => {
    const t = (await pdfText(await renderStatementPdf(statement, { language }))).replace(/\s+/g, ' ');
    expect(t).not.toMatch(/it-commercial|act365|it-231|flat_compensation|debtorKind/);
    const words = { it: 'Interessi di mora commerciali (D.Lgs. 231/2002)', en: 'Late-payment interest, commercial (IT)', de: 'Verzugszinsen im Geschäftsverkehr (IT)', fr: 'Intérêts de retard commerciaux (IT)' }[language];
    expect(t).toContain(words);
    expect(t).toContain({ it: 'giorni effettivi / 365', en: 'actual days / 365', de: 'tatsächliche Tage / 365', fr: 'jours réels / 365' }[language]);
  });
});
