import { describe, expect, it } from 'vitest';
import { claimReferences, PLAN_INSTALMENT_REFERENCE_PREFIX } from '../../domain/dunning/references.ts';
import { LetterPaymentError } from '../letters/qr-bill.ts';
import { pdfText } from '../letters/test-pdf-tools.ts';
import { renderPlanDocumentPdf, type PlanDocumentInput } from './plan-document-pdf.ts';

const payee = { name: 'Forniture Srl', lines: ['Via Roma 1', '20121 Milano'], country: 'IT' };
const input = (over: Partial<PlanDocumentInput> = {}): PlanDocumentInput => ({
  language: 'it',
  date: '2026-12-06',
  state: 'active',
  closedOn: null,
  planReference: 'ABCD1234',
  currency: 'EUR',
  creditor: payee,
  debtor: { name: 'Anna Bianchi', lines: ['Via Verdi 7', '20100 Milano'], country: 'IT' },
  agency: null,
  positions: [{ reference: 'FT-1', description: null, amount: '250.00' }],
  total: '250.00',
  instalments: [1, 2].map((n) => {
    const rf = claimReferences(String(40 + n), PLAN_INSTALMENT_REFERENCE_PREFIX).rf;
    const amount = '125.00';
    return { number: n, dueOn: `2027-0${n}-28`, amount, reference: rf, slip: { kind: 'transfer', payment: { iban: 'IT60X0542811101000000123456', payee, referenceType: 'SCOR', reference: rf, payBy: `2027-0${n}-28`, amount, message: `FT-1 · ${n}/2` } } };
  }),
  rules: { comune: false, missed: 2, withinMonths: 6, afterReminder: true, extension: true },
  ...over,
});

describe('renderPlanDocumentPdf', () => {
  it('the same plan gives the same bytes (no clock, no random id)', async () => {
    const a = await renderPlanDocumentPdf(input());
    const b = await renderPlanDocumentPdf(input());
    expect(a.equals(b)).toBe(true);
    expect((await renderPlanDocumentPdf(input({ total: '250.01' }))).equals(a)).toBe(false);
  });

  it('a lapsed plan says so and prints no slip', async () => {
    const text = (await pdfText(await renderPlanDocumentPdf(input({ state: 'lapsed', closedOn: '2027-08-31' })))).replace(/\s+/g, ' ');
    expect(text).toContain('Il piano è decaduto il 31 agosto 2027: l’intero importo residuo è dovuto in un’unica soluzione.');
    expect(text).not.toContain('Rata 1 di 2 —');
  });

  it('a wrong IBAN is refused before anything is drawn, naming the field', async () => {
    const bad = input();
    const first = bad.instalments[0]!;
    if (first.slip.kind !== 'transfer') throw new Error('fixture');
    first.slip.payment.iban = 'IT60X0542811101000000123457';
    await expect(renderPlanDocumentPdf(bad)).rejects.toThrow(LetterPaymentError);
  });
});
