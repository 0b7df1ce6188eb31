import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data, Debtor } from 'swissqrbill/types';
import { isIBANValid, isQRIBAN, isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { msg, translate, type Message } from '../../domain/messages/index.ts';
import { splitAddress } from './address.ts';
import { compact } from './format.ts';
import type { LetterInput, LetterLanguage, LetterParty, LetterPayment } from './types.ts';

/**
 * The Swiss QR-bill of a CHF letter, built from `letter.payment`: creditor = payee, debtor =
 * recipient. swissqrbill validates the data when the bill is constructed; the checks it does not do
 * (RF checksum, reference type against IBAN kind, the amount's digits) are done here first, so that
 * every refusal says in plain words which field is wrong.
 */
export class LetterPaymentError extends Error {
  readonly msg: Message;
  constructor(
    message: Message,
    readonly field: string,
  ) {
    super(translate(message, 'it'));
    this.name = 'LetterPaymentError';
    this.msg = message;
  }
}

const QR_LANGUAGE: Record<LetterLanguage, 'IT' | 'EN' | 'DE' | 'FR'> = { it: 'IT', en: 'EN', de: 'DE', fr: 'FR' };
const AMOUNT = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/**
 * The amount as the number swissqrbill takes. Amounts up to 999 999 999.99 survive the trip through
 * a double exactly (it prints them with toFixed(2)); the round trip is checked anyway, because the
 * payload must carry the very digits of the letter.
 */
export function qrAmount(amount: string): number {
  const m = AMOUNT.exec(amount.trim());
  if (!m) throw new LetterPaymentError(msg('letters.qr_amount_invalid', { amount: JSON.stringify(amount) }), 'payment.amount');
  const canonical = `${m[1]}.${(m[2] ?? '').padEnd(2, '0')}`;
  const value = Number(canonical);
  if (value.toFixed(2) !== canonical.replace(/^0+(?=\d)/, '')) throw new LetterPaymentError(msg('letters.qr_amount_inexact', { amount }), 'payment.amount');
  if (value <= 0) throw new LetterPaymentError(msg('letters.qr_amount_positive'), 'payment.amount');
  return value;
}

/** The characters Windows-1252 (WinAnsi) has beyond Latin-1: what pdfkit's Helvetica can print. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NO_DECOMPOSITION: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };
const printable = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c);
};

/**
 * Text for the QR-bill, whose style guide prescribes Helvetica (a standard PDF font, WinAnsi
 * encoding): a character it cannot print (Ł, ș, ő …) is written without its accent, so that the
 * printed slip and the QR code say the same thing ("Łukasz Ștefan" → "Lukasz Stefan"). Everything
 * Helvetica can print (é, ü, ø, Œ, €) stays as it is; the letter itself prints every name exactly.
 */
export function qrText(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC').replace(/\s+/g, ' ')) {
    if (printable(c)) out += c;
    else if (NO_DECOMPOSITION[c]) out += NO_DECOMPOSITION[c];
    else {
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += Array.from(base).every(printable) ? base : '';
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

function party(p: LetterParty, field: string): Debtor {
  const a = splitAddress(p);
  if (!a) throw new LetterPaymentError(msg('letters.qr_address_no_city', { lines: JSON.stringify(p.lines) }), field);
  // The QR-bill has no room for more: over-long fields are refused by swissqrbill, so cut them here.
  return { name: qrText(p.name).slice(0, 70), address: qrText(a.street).slice(0, 70), zip: a.postalCode, city: qrText(a.city).slice(0, 35), country: p.country.toUpperCase() };
}

/** Checks the IBAN and the reference against each other (both currencies: a wrong IBAN on paper is as bad as in a QR code). */
export function checkPayment(payment: LetterPayment): void {
  const iban = compact(payment.iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban) || !isIBANValid(iban)) throw new LetterPaymentError(msg('letters.iban_invalid', { iban: payment.iban }), 'payment.iban');
  const ref = payment.reference === null ? '' : compact(payment.reference);
  const qrIban = iban.startsWith('CH') || iban.startsWith('LI') ? isQRIBAN(iban) : false;
  switch (payment.referenceType) {
    case 'QRR':
      if (!/^\d{27}$/.test(ref) || !isQRReferenceValid(ref)) throw new LetterPaymentError(msg('letters.qr_reference_invalid', { reference: JSON.stringify(payment.reference) }), 'payment.reference');
      if (!qrIban) throw new LetterPaymentError(msg('letters.qr_reference_needs_qr_iban', { iban: payment.iban }), 'payment.iban');
      break;
    case 'SCOR':
      if (!isSCORReferenceValid(ref)) throw new LetterPaymentError(msg('letters.rf_reference_invalid', { reference: JSON.stringify(payment.reference) }), 'payment.reference');
      if (qrIban) throw new LetterPaymentError(msg('letters.qr_iban_needs_qr_reference', { iban: payment.iban }), 'payment.referenceType');
      break;
    case 'NON':
      if (qrIban) throw new LetterPaymentError(msg('letters.qr_iban_needs_qr_reference', { iban: payment.iban }), 'payment.referenceType');
      break;
  }
}

/** What a QR-bill is made of: a letter's, or a plan's instalment slip (src/integrations/pdf/plan-document-pdf.ts). */
export type QrBillInput = Pick<LetterInput, 'currency' | 'payment' | 'recipient' | 'language'>;

/** The swissqrbill data of a CHF letter. Throws LetterPaymentError on anything it would refuse. */
export function qrBillData(letter: QrBillInput): Data {
  const p = letter.payment;
  if (letter.currency !== 'CHF') throw new LetterPaymentError(msg('letters.qr_only_chf', { currency: letter.currency }), 'currency');
  checkPayment(p);
  const data: Data = {
    currency: 'CHF',
    amount: qrAmount(p.amount),
    creditor: { ...party(p.payee, 'payment.payee'), account: compact(p.iban) },
    debtor: party(letter.recipient, 'recipient'),
  };
  if (p.referenceType !== 'NON' && p.reference) data.reference = compact(p.reference);
  const message = qrText(p.message);
  if (message) data.message = message.length > 140 ? `${message.slice(0, 139)}…` : message;
  return data;
}

/**
 * The bill, validated by swissqrbill itself (it throws a ValidationError on invalid data, which is
 * rethrown as a LetterPaymentError naming the field). Language = the letter's language.
 */
export function buildQrBill(letter: QrBillInput): SwissQRBill {
  const data = qrBillData(letter);
  try {
    return new SwissQRBill(data, { language: QR_LANGUAGE[letter.language], scissors: true });
  } catch (e) {
    throw new LetterPaymentError(msg('letters.qr_refused', { detail: (e as Error).message }), 'payment');
  }
}

/**
 * Checks a letter's payment data as the renderers will — IBAN and reference (and for CHF the whole
 * QR-bill, validated by swissqrbill) — without drawing anything: the dunning run calls it before it
 * records a letter whose PDF is rendered later.
 */
export function checkLetterPayment(letter: LetterInput): void {
  // A comune's letter has no bank transfer: its pagoPA payload was built (and checked) with the letter.
  if (letter.municipal) return;
  if (letter.currency === 'CHF') buildQrBill(letter);
  else checkPayment(letter.payment);
}

/** Height of the payment part + receipt at the bottom of an A4 page: 105 mm. */
export const QR_BILL_HEIGHT = SwissQRBill.height;
