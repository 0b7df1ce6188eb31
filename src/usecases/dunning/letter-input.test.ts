import { describe, expect, it } from 'vitest';
import { claimBalance } from '../../domain/interest/claim-ledger.ts';
import { STRATEGY_TEMPLATES } from '../../domain/dunning/strategy.ts';
import { pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { renderEmail, renderLetterPdf } from '../../integrations/letters/index.ts';
import type { ClaimLedger } from '../claims/ledger.ts';
import { shippedRateBook } from '../interest/rate-book.ts';
import type { DebtorPlan } from './decide.ts';
import { buildLetter, type LetterContext } from './letter-input.ts';
import type { DebtorContext } from './load-context.ts';

/** A letter of the shipped it-b2b strategy's step `stepKey` about one overdue invoice of € 1.000 (due 31/10/2024). */
function letterAt(stepKey: string, language = 'it', displayName = 'MARIO ROSSI') {
  const book = shippedRateBook();
  const step = STRATEGY_TEMPLATES['it-b2b'].steps.find((s) => s.key === stepKey)!;
  const ledger = {
    id: 'c1',
    externalRef: '2024/117',
    terms: {
      principal: '1000.00',
      currency: 'EUR',
      dueDate: '2024-10-31',
      jurisdiction: 'IT',
      kind: 'invoice',
      debtorKind: 'sole_trader',
      interestRegime: null,
      contractDate: null,
      judicialClaimDate: null,
      interestRate: null,
      interestBase: null,
      interestSpread: null,
      dayCount: 'act365',
      flatCompensation: true,
      allocationOrder: 'costs,interest,principal',
    },
    payments: [],
    costs: [{ date: '2025-01-15', amount: '5.00', label: 'Spese di sollecito n. 2' }],
  } as unknown as ClaimLedger;
  const date = '2025-03-15';
  const balance = claimBalance(book, ledger.terms, ledger.payments, ledger.costs, date);
  const creditor = { name: 'Ferramenta Dell’Orto S.r.l.', address_line1: 'Via Garibaldi 3', postal_code: '20121', city: 'Milano', province: 'MI', country: 'IT', email: null, phone: null, vat_number: null, iban: 'IT60X0542811101000000123456' };
  const ctx = {
    tenant: { settings: {} },
    debtor: { id: 'd1', display_name: displayName, language },
    address: { line1: 'VIA ROMA 1', line2: null, postal_code: '10121', city: 'Torino', province: 'TO', country: 'IT' },
    creditors: new Map([['cr1', creditor]]),
    claims: [],
  } as unknown as DebtorContext;
  const planned = { claimId: 'c1', reference: '2024/117', refNo: '117', stepNo: 1, stepKey, step, received: 0, nextOn: null };
  const plan = { creditorId: 'cr1', audience: 'debtor', step, stepNo: 1, currency: 'EUR', channel: null, blocked: null, leadClaimId: 'c1', claims: [planned] } as unknown as DebtorPlan;
  const row = { id: 'c1', external_ref: '2024/117', description: 'Fornitura utensili', issue_date: '2024-09-30', due_date: '2024-10-31', ref_no: '117' };
  const l: LetterContext = { ctx, plan, book, date, interest: step.interest, claims: [{ claim: planned, row: row as never, ledger, balance }], communicationRefNo: '900', documentId: 'C-900' };
  return { letter: buildLetter(l), balance };
}

describe('buildLetter — the €40 of art. 6 D.Lgs. 231/2002 follows the step', () => {
  it('the friendly first reminder (interest: none) shows neither interest nor the flat compensation', async () => {
    const { letter, balance } = letterAt('soft-1');
    expect(balance.costs).toBe('45.00'); // the engine's costs: the €40 and a booked fee of €5
    const claim = letter.claims[0]!;
    expect(claim.costs).toBe('5.00');
    expect(claim.totalDue).toBe('1005.00');
    expect(claim.flatCompensation).toBeUndefined();
    expect(letter.payment.amount).toBe('1005.00');
    const t = (await pdfText(await renderLetterPdf(letter))).replace(/\s+/g, ' ');
    expect(t).not.toMatch(/40,00|231\/2002|forfettari/);
  });

  it.each([
    ['it', /di cui risarcimento forfettario dei costi di recupero \(art\. 6 D\.Lgs\. 231\/2002\): 40,00 €/],
    ['en', /including flat compensation for recovery costs \(art\. 6 Italian Legislative Decree 231\/2002\): €40\.00/],
    ['de', /davon Pauschale für Beitreibungskosten \(Art\. 6 ital\. D\.Lgs\. 231\/2002\): 40,00 €/],
    ['fr', /dont indemnité forfaitaire pour frais de recouvrement \(art\. 6 D\.Lgs\. italien 231\/2002\) : 40,00 €|dont indemnité forfaitaire pour frais de recouvrement \(art\. 6 D\.Lgs\. italien 231\/2002\): 40,00 €/],
  ])('a step that charges interest names the €40 with its law as its own line (%s)', async (language, line) => {
    const { letter } = letterAt('formal-2', language);
    const claim = letter.claims[0]!;
    expect(claim.costs).toBe('45.00');
    expect(claim.flatCompensation).toEqual({ amount: '40.00', label: expect.stringContaining('231/2002') as string });
    const t = (await pdfText(await renderLetterPdf(letter))).replace(/\s+/g, ' ');
    expect(t).toMatch(line);
    // The e-mail of the same step names it the same way.
    expect(renderEmail(letter).text.replace(/\s+/g, ' ')).toMatch(line);
    // No internal code reaches the reader: regimes, day counts, basis codes, steps, strategies.
    expect(t).not.toMatch(/it-commercial|act365|it-231|flat_compensation|debtorKind|sole_trader|formal-2|it-b2b|final-notice-it/);
  });

  it('addresses a name imported in capitals in proper case, and leaves a company with its legal form as it is', () => {
    const person = letterAt('soft-1', 'it', 'MARIO ROSSI').letter;
    expect(person.salutation).toBe('Gentile Mario Rossi,');
    expect(person.recipient.name).toBe('Mario Rossi');
    const company = letterAt('soft-1', 'it', 'EDILIZIA BIANCHI S.R.L.').letter;
    expect(company.recipient.name).toBe('EDILIZIA BIANCHI S.R.L.');
  });
});
