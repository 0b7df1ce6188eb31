import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARANTOR_CHANNELS, guarantorChannel, guarantorEmailText, guarantorLetterText } from './letter.ts';
import { daysToExpiry, demandAmount, enforceProblem, expiresWithin, expiryWindowEnd, guaranteeState, issuerFits } from './rules.ts';

describe('guarantee rules', () => {
  it('reads expired from the last day of validity; enforced and released stay', () => {
    expect(guaranteeState('active', '2026-12-31', '2026-12-31')).toBe('active');
    expect(guaranteeState('active', '2026-12-31', '2027-01-01')).toBe('expired');
    expect(guaranteeState('active', null, '2090-01-01')).toBe('active');
    expect(guaranteeState('enforced', '2020-01-01', '2026-01-01')).toBe('enforced');
    expect(guaranteeState('released', null, '2026-01-01')).toBe('released');
  });

  it('lists what expires within the window, today included, expired excluded', () => {
    expect(daysToExpiry('2027-01-05', '2026-12-06')).toBe(30);
    expect(expiresWithin('active', '2027-01-05', '2026-12-06', 30)).toBe(true);
    expect(expiresWithin('active', '2027-01-06', '2026-12-06', 30)).toBe(false);
    expect(expiresWithin('active', '2026-12-06', '2026-12-06', 30)).toBe(true);
    expect(expiresWithin('active', '2026-12-05', '2026-12-06', 30)).toBe(false);
    expect(expiresWithin('released', '2026-12-10', '2026-12-06', 30)).toBe(false);
    expect(expiresWithin('active', null, '2026-12-06', 30)).toBe(false);
    expect(expiryWindowEnd('2026-12-06', 30)).toBe('2027-01-05');
  });

  it('asks the guarantor for what is due, never more than the guaranteed amount', () => {
    expect(demandAmount('5000.00', ['1200.10', '800.05'])).toBe('2000.15');
    expect(demandAmount('1500.00', ['1200.10', '800.05'])).toBe('1500.00');
    expect(demandAmount('1500.00', [])).toBe('0.00');
  });

  it('enforces only an active guarantee in its validity with something due', () => {
    const g = { state: 'active' as const, validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(enforceProblem(g, '2026-06-01', '10.00')).toBeNull();
    expect(enforceProblem(g, '2027-01-01', '10.00')).toBe('expired');
    expect(enforceProblem(g, '2025-12-31', '10.00')).toBe('not_yet_valid');
    expect(enforceProblem(g, '2026-06-01', '0.00')).toBe('nothing_due');
    expect(enforceProblem({ ...g, state: 'released' }, '2026-06-01', '10.00')).toBe('not_active');
  });

  it('matches issuers to kinds', () => {
    expect(issuerFits('bank_guarantee', 'bank')).toBe(true);
    expect(issuerFits('bank_guarantee', 'person')).toBe(false);
    expect(issuerFits('personal_guarantee', 'person')).toBe(true);
    expect(issuerFits('insurance_guarantee', 'insurer')).toBe(true);
  });

  it('words the demand with the guarantee, the debtor, the covered claims and the amount only', () => {
    const text = guarantorLetterText(
      {
        guarantorName: 'Banca Alpina S.p.A.',
        debtorName: 'Edilnord S.r.l.',
        creditorName: 'Laterizi Rossi S.p.A.',
        kind: 'bank_guarantee',
        reference: 'FB-77',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        guaranteed: '€ 5.000,00',
        demanded: '€ 2.000,15',
        references: 'FT-1, FT-2',
        validFromText: '1 gennaio 2026',
        validToText: '31 dicembre 2026',
        payByText: '21 dicembre 2026',
        senderContact: '02 1234567',
        jurisdiction: 'IT',
      },
      'it',
    );
    expect(text.subject).toBe('Richiesta di pagamento in forza della fideiussione bancaria n. FB-77');
    expect(text.paragraphs[0]).toBe('con la fideiussione bancaria n. FB-77 valida dal 1 gennaio 2026 al 31 dicembre 2026, Lei ha garantito a Laterizi Rossi S.p.A. le obbligazioni di Edilnord S.r.l. fino all’importo massimo di € 5.000,00.');
    expect(text.paragraphs[1]).toContain('(FT-1, FT-2)');
    expect(text.paragraphs[1]).toContain('€ 2.000,15 entro il 21 dicembre 2026');
    expect(text.legalNotice).toEqual(['Richiesta formulata ai sensi della garanzia prestata e dell’art. 1944 c.c.']);
  });
});

describe('how a demand reaches the guarantor', () => {
  const full = { email: 'garanzie@banca.example', addressLine1: 'Piazza Affari 1', postalCode: '20123', city: 'Milano' };
  const noMail = { ...full, email: null };
  it('takes the first channel of the order the guarantor can be reached by', () => {
    expect(guarantorChannel(DEFAULT_GUARANTOR_CHANNELS, full)).toBe('email');
    expect(guarantorChannel(DEFAULT_GUARANTOR_CHANNELS, noMail)).toBe('registered_letter');
    expect(guarantorChannel(['letter', 'email'], full)).toBe('letter');
    expect(guarantorChannel(['pec'], full)).toBe('email');
    expect(guarantorChannel(['pec', 'email'], noMail)).toBeNull();
    // A letter needs street, postal code and city; SMS and calls never carry a demand.
    expect(guarantorChannel(['registered_letter'], { ...noMail, postalCode: ' ' })).toBeNull();
    expect(guarantorChannel(['sms', 'phone_task'], full)).toBeNull();
  });

  it('words the e-mail with the letter’s own text and the attachment’s mention', () => {
    const text = { subject: 'S', salutation: 'Spettabile Banca,', paragraphs: ['Primo.', 'Secondo.'], legalNotice: ['Art. 1944 c.c.'], closing: ['Distinti saluti', 'Mandante'] };
    expect(guarantorEmailText(text, 'it')).toBe('Spettabile Banca,\n\nPrimo.\n\nSecondo.\n\nLa richiesta è allegata in PDF, con le coordinate per il pagamento.\n\nArt. 1944 c.c.\n\nDistinti saluti\nMandante');
  });
});
