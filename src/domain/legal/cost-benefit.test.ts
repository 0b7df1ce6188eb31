import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costTableProblems, feeFor, legalSheet, type LegalCostTable, type SheetInput } from './cost-benefit.ts';
import { betreibungsbegehren, dayAfter, jurisdictionForm, mahnantrag, type ClaimFacts } from './forms.ts';

const table = (JSON.parse(fs.readFileSync(new URL('../../../data/legal/legal-costs.json', import.meta.url), 'utf8')) as { jurisdictions: LegalCostTable }).jurisdictions;
const base: SheetInput = {
  jurisdiction: 'IT',
  currency: 'EUR',
  components: [{ kind: 'principal', due: '4000.00' }],
  interestDue: '123.45',
  costsDue: '10.00',
  costs: table.IT,
  debtor: { kind: 'company', deceased: false, ceased: false, hardship: false, insolvency: null },
  guarantees: null,
  day: '2026-12-06',
};

describe('legal cost table (data/legal/legal-costs.json)', () => {
  it('has ascending bands, an open last band, a status and a source on every row', () => {
    expect(costTableProblems(table)).toEqual([]);
  });
  it('finds the band of an amount, bounds inclusive', () => {
    expect(feeFor(table.CH.courtFees, '100.00').amount).toBe('20.30');
    expect(feeFor(table.CH.courtFees, '100.01').amount).toBe('33.30');
    expect(feeFor(table.CH.courtFees, '5000.00').amount).toBe('73.30');
    expect(feeFor(table.CH.courtFees, '2000000.00').amount).toBe('413.30');
  });
});

describe('legalSheet', () => {
  it('adds the components, interest and costs, and proceeds when the claim is worth several times the costs', () => {
    const s = legalSheet(base);
    expect(s).toMatchObject({ principalDue: '4000.00', amountDue: '4133.45', courtFee: { amount: '76.00', status: 'UNVERIFIED' }, lawyerFee: { amount: '600.00' }, expectedCosts: '676.00', ratio: '6.11', recommendation: 'proceed', costsUnverified: true });
    expect(s.reasons.map((r) => r.code)).toEqual(['legal.reason.amount_covers_costs', 'legal.reason.insolvency_unknown', 'legal.reason.guarantees_unknown', 'legal.reason.costs_unverified']);
  });
  it('advises against a small claim whose costs eat it', () => {
    const s = legalSheet({ ...base, components: [{ kind: 'principal', due: '600.00' }], interestDue: '0.00', costsDue: '0.00' });
    expect(s).toMatchObject({ expectedCosts: '320.50', ratio: '1.87', recommendation: 'not_worth_it' });
    expect(s.reasons[0]!.code).toBe('legal.reason.costs_too_high');
  });
  it('advises against a deceased debtor or a ceased company, unless a guarantee in force covers the claim', () => {
    expect(legalSheet({ ...base, debtor: { ...base.debtor, deceased: true } }).recommendation).toBe('not_worth_it');
    expect(legalSheet({ ...base, debtor: { ...base.debtor, ceased: true, insolvency: false } }).reasons.map((r) => r.code)).toEqual(['legal.reason.ceased', 'legal.reason.guarantees_unknown', 'legal.reason.costs_unverified']);
    const guaranteed = legalSheet({ ...base, debtor: { ...base.debtor, ceased: true }, guarantees: [{ kind: 'bank_guarantee', amount: '10000.00', currency: 'EUR', validUntil: '2027-01-31' }] });
    expect(guaranteed).toMatchObject({ recommendation: 'proceed', guaranteeCover: '4133.45' });
    // An expired guarantee, or one in another currency, covers nothing.
    const expired = legalSheet({ ...base, debtor: { ...base.debtor, ceased: true }, guarantees: [{ kind: 'deposit', amount: '500.00', currency: 'EUR', validUntil: '2026-12-05' }, { kind: 'deposit', amount: '500.00', currency: 'CHF', validUntil: null }] });
    expect(expired).toMatchObject({ recommendation: 'not_worth_it', guaranteeCover: '0.00' });
  });
  it('treats a Swiss claim with the Zahlungsbefehl fee and no lawyer', () => {
    const s = legalSheet({ ...base, jurisdiction: 'CH', currency: 'CHF', costs: table.CH });
    expect(s).toMatchObject({ courtFee: { amount: '73.30', status: 'PARTIAL' }, lawyerFee: { amount: '0.00' }, expectedCosts: '73.30', recommendation: 'proceed' });
  });
});

const facts: ClaimFacts = {
  jurisdiction: 'CH',
  creditor: { name: 'Muster AG', street: 'Bahnhofstrasse 1', postcode: '8001', town: 'Zürich', country: 'CH', taxCode: null, vatNumber: 'CHE-123.456.789', birthDate: null },
  debtor: { name: 'Hans Meier', street: 'Dorfweg 2', postcode: '3000', town: 'Bern', country: 'CH', taxCode: null, vatNumber: null, birthDate: '1970-05-01' },
  currency: 'CHF',
  externalRef: 'R-2026-17',
  description: 'Wartung',
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  contractDate: null,
  principalDue: '1949.75',
  interestDue: '66.57',
  costsDue: '20.00',
  interestRate: '5.00',
  interestFrom: '2026-04-01',
  handedOn: '2026-12-06',
};

describe('jurisdiction forms', () => {
  it('fills a Betreibungsbegehren: amount, rate and from-date, cause and title', () => {
    const b = betreibungsbegehren(facts);
    expect(b.forderungen[0]).toEqual({ betrag: '1949.75', waehrung: 'CHF', zinssatz: '5.00', zinsAb: '2026-04-01', grund: 'Rechnung R-2026-17 vom 2026-03-01 — Wartung; fällig am 2026-03-31' });
    expect(b.forderungen[1]).toMatchObject({ betrag: '20.00', zinssatz: null });
    expect(b.forderungsurkunde).toBe('Rechnung R-2026-17');
  });
  it('names the file per jurisdiction and fills a Mahnantrag', () => {
    expect(jurisdictionForm({ ...facts, jurisdiction: 'IT' }).fileName).toBe('ricorso-decreto-ingiuntivo.json');
    expect(jurisdictionForm({ ...facts, jurisdiction: 'FR' }).fileName).toBe('requete-injonction-de-payer.json');
    expect(mahnantrag({ ...facts, jurisdiction: 'DE', currency: 'EUR' }).zinsen).toEqual({ zinssatzProzent: '5.00', ab: '2026-04-01', bisHeute: '66.57' });
  });
  it('counts interest from the day after the due date, across a month and a year end', () => {
    expect(dayAfter('2026-03-31')).toBe('2026-04-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
