import { calculateQRReferenceChecksum } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from './letter-pdf.ts';
import { buildQrBill, LetterPaymentError, qrAmount, qrBillData, qrText } from './qr-bill.ts';
import { italianLetter, swissGermanLetter } from './test-fixtures.ts';
import type { LetterInput } from './types.ts';

const refused = (letter: LetterInput): LetterPaymentError => {
  try {
    buildQrBill(letter);
  } catch (e) {
    if (e instanceof LetterPaymentError) return e;
    throw e;
  }
  throw new Error('the QR-bill was accepted');
};

describe('QR-bill data', () => {
  it('maps the letter: creditor = payee, debtor = recipient, exact amount, QR reference, message', () => {
    expect(qrBillData(swissGermanLetter())).toEqual({
      currency: 'CHF',
      amount: 1234.56,
      creditor: { name: 'Inkassobüro Zürcher AG', address: 'Bahnhofstrasse 12', zip: '8001', city: 'Zürich', country: 'CH', account: 'CH4431999123000889012' },
      debtor: { name: 'Jürg Bösch-Égloff', address: 'Rue du Marché 5', zip: '1204', city: 'Genève', country: 'CH' },
      reference: '210000000003139471430009017',
      message: 'Rechnung R-2024-881',
    });
  });

  it('accepts a computed QR reference and spaces in IBAN and reference', () => {
    const letter = swissGermanLetter();
    const base = '00000000000000000000123456';
    letter.payment.reference = `${base}${calculateQRReferenceChecksum(base)}`.replace(/(\d{5})/g, '$1 ');
    letter.payment.iban = 'CH44 3199 9123 0008 8901 2';
    expect(qrBillData(letter).reference).toBe(`${base}${calculateQRReferenceChecksum(base)}`);
  });

  it('writes names the QR-bill font cannot print without their accents, in the slip and the code alike', () => {
    expect(qrText('Łukasz Ștefan Őrs Đorđe')).toBe('Lukasz Stefan Ors Dorde');
    expect(qrText('Jürg Bösch-Égloff, Friedrichstraße, Œuvre, Søren € ’')).toBe('Jürg Bösch-Égloff, Friedrichstraße, Œuvre, Søren € ’');
    expect(qrText('Tab\tand\nnewline  and 中文')).toBe('Tab and newline and');
    const letter = swissGermanLetter();
    letter.recipient.name = 'Łukasz Ștefan';
    expect(qrBillData(letter).debtor!.name).toBe('Lukasz Stefan');
  });

  it('keeps the digits of the amount exactly, and refuses what cannot be paid', () => {
    expect(qrAmount('1234.5')).toBe(1234.5);
    expect(qrAmount('999999999.99').toFixed(2)).toBe('999999999.99');
    expect(qrAmount('0.10').toFixed(2)).toBe('0.10');
    for (const bad of ['0.00', '-5.00', '12.345', '1e3', '1000000000.00', 'abc']) expect(() => qrAmount(bad), bad).toThrow(LetterPaymentError);
  });

  it('refuses an invalid QR reference with a clear error', () => {
    const letter = swissGermanLetter();
    letter.payment.reference = '210000000003139471430009018';
    const e = refused(letter);
    expect(e.field).toBe('payment.reference');
    expect(e.msg).toEqual({ code: 'letters.qr_reference_invalid', params: { reference: '"210000000003139471430009018"' } });
    expect(e.message).toMatch(/^Riferimento QR non valido: "210000000003139471430009018"/);
  });

  it('refuses mismatched IBAN and reference types, bad IBANs and addresses without a postal line', () => {
    const qrrOnIban = swissGermanLetter();
    qrrOnIban.payment.iban = 'CH9300762011623852957';
    expect(refused(qrrOnIban).msg.code).toBe('letters.qr_reference_needs_qr_iban');
    expect(refused(qrrOnIban).message).toBe('Un riferimento QR richiede un QR-IBAN: CH9300762011623852957');

    const scorOnQrIban = swissGermanLetter();
    scorOnQrIban.payment.referenceType = 'SCOR';
    scorOnQrIban.payment.reference = 'RF18539007547034';
    expect(refused(scorOnQrIban).msg.code).toBe('letters.qr_iban_needs_qr_reference');

    const badRf = swissGermanLetter();
    badRf.payment = { ...badRf.payment, iban: 'CH9300762011623852957', referenceType: 'SCOR', reference: 'RF19539007547034' };
    expect(refused(badRf).field).toBe('payment.reference');

    const badIban = swissGermanLetter();
    badIban.payment.iban = 'CH4431999123000889013';
    expect(refused(badIban).field).toBe('payment.iban');

    const noPostal = swissGermanLetter();
    noPostal.recipient.lines = ['Rue du Marché 5', 'Genève'];
    expect(refused(noPostal).field).toBe('recipient');
  });

  it('passes on what swissqrbill itself refuses, naming the QR-bill', () => {
    const letter = swissGermanLetter();
    letter.recipient.country = 'CHE';
    const e = refused(letter);
    expect(e.message).toMatch(/^QR-fattura rifiutata: Debtor country must be 2 characters\./);
  });

  it('refuses a CHF letter with bad payment data before drawing anything, and checks the IBAN of EUR letters too', async () => {
    const letter = swissGermanLetter();
    letter.payment.reference = '210000000003139471430009018';
    await expect(renderLetterPdf(letter)).rejects.toThrow(LetterPaymentError);
    const eur = italianLetter();
    eur.payment.reference = 'RF19539007547034';
    await expect(renderLetterPdf(eur)).rejects.toThrow(/^Riferimento RF \(ISO 11649\) non valido/);
  });
});
