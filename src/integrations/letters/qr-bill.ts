import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data, Debtor } from 'swissqrbill/types';
import { isIBANValid, isQRIBAN, isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
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
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'LetterPaymentError';
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
  if (!m) throw new LetterPaymentError(`Importo non valido per la QR-fattura: ${JSON.stringify(amount)} (invalid QR-bill amount: 0.01 – 999999999.99)`, 'payment.amount');
  const canonical = `${m[1]}.${(m[2] ?? '').padEnd(2, '0')}`;
  const value = Number(canonical);
  if (value.toFixed(2) !== canonical.replace(/^0+(?=\d)/, '')) throw new LetterPaymentError(`Importo non rappresentabile: ${amount} (amount cannot be encoded exactly)`, 'payment.amount');
  if (value <= 0) throw new LetterPaymentError('L’importo della QR-fattura deve essere maggiore di zero (QR-bill amount must be greater than zero)', 'payment.amount');
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
  if (!a) throw new LetterPaymentError(`Indirizzo senza riga "CAP località" per la QR-fattura: ${JSON.stringify(p.lines)} (address has no "postal code city" line)`, field);
  // The QR-bill has no room for more: over-long fields are refused by swissqrbill, so cut them here.
  return { name: qrText(p.name).slice(0, 70), address: qrText(a.street).slice(0, 70), zip: a.postalCode, city: qrText(a.city).slice(0, 35), country: p.country.toUpperCase() };
}

/** Checks the IBAN and the reference against each other (both currencies: a wrong IBAN on paper is as bad as in a QR code). */
export function checkPayment(payment: LetterPayment): void {
  const iban = compact(payment.iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban) || !isIBANValid(iban)) throw new LetterPaymentError(`IBAN non valido: ${payment.iban} (invalid IBAN)`, 'payment.iban');
  const ref = payment.reference === null ? '' : compact(payment.reference);
  const qrIban = iban.startsWith('CH') || iban.startsWith('LI') ? isQRIBAN(iban) : false;
  switch (payment.referenceType) {
    case 'QRR':
      if (!/^\d{27}$/.test(ref) || !isQRReferenceValid(ref)) throw new LetterPaymentError(`Riferimento QR non valido: ${JSON.stringify(payment.reference)} (invalid QR reference: 27 digits, mod-10 check digit)`, 'payment.reference');
      if (!qrIban) throw new LetterPaymentError(`Un riferimento QR richiede un QR-IBAN: ${payment.iban} (a QR reference needs a QR-IBAN)`, 'payment.iban');
      break;
    case 'SCOR':
      if (!isSCORReferenceValid(ref)) throw new LetterPaymentError(`Riferimento RF non valido: ${JSON.stringify(payment.reference)} (invalid ISO 11649 creditor reference)`, 'payment.reference');
      if (qrIban) throw new LetterPaymentError(`Un QR-IBAN richiede un riferimento QR: ${payment.iban} (a QR-IBAN needs a QR reference)`, 'payment.referenceType');
      break;
    case 'NON':
      if (qrIban) throw new LetterPaymentError(`Un QR-IBAN richiede un riferimento QR: ${payment.iban} (a QR-IBAN needs a QR reference)`, 'payment.referenceType');
      break;
  }
}

/** The swissqrbill data of a CHF letter. Throws LetterPaymentError on anything it would refuse. */
export function qrBillData(letter: LetterInput): Data {
  const p = letter.payment;
  if (letter.currency !== 'CHF') throw new LetterPaymentError(`QR-fattura solo in CHF, non ${letter.currency} (QR-bill only for CHF letters)`, 'currency');
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
export function buildQrBill(letter: LetterInput): SwissQRBill {
  const data = qrBillData(letter);
  try {
    return new SwissQRBill(data, { language: QR_LANGUAGE[letter.language], scissors: true });
  } catch (e) {
    throw new LetterPaymentError(`QR-fattura rifiutata: ${(e as Error).message} (QR-bill refused)`, 'payment');
  }
}

/**
 * Checks a letter's payment data as the renderers will — IBAN and reference (and for CHF the whole
 * QR-bill, validated by swissqrbill) — without drawing anything: the dunning run calls it before it
 * records a letter whose PDF is rendered later.
 */
export function checkLetterPayment(letter: LetterInput): void {
  if (letter.currency === 'CHF') buildQrBill(letter);
  else checkPayment(letter.payment);
}

/** Height of the payment part + receipt at the bottom of an A4 page: 105 mm. */
export const QR_BILL_HEIGHT = SwissQRBill.height;
