import type { LettersCatalogue } from './it.ts';

export const lettersEn: LettersCatalogue = {
  'letters.qr_amount_invalid': 'Invalid QR-bill amount: {amount}; allowed from 0.01 to 999999999.99',
  'letters.qr_amount_inexact': 'The amount cannot be encoded exactly: {amount}',
  'letters.qr_amount_positive': 'The QR-bill amount must be greater than zero',
  'letters.qr_address_no_city': 'Address without a "postal code town" line for the QR-bill: {lines}',
  'letters.iban_invalid': 'Invalid IBAN: {iban}',
  'letters.qr_reference_invalid': 'Invalid QR reference: {reference}; 27 digits with a modulo 10 check digit are needed',
  'letters.qr_reference_needs_qr_iban': 'A QR reference needs a QR-IBAN: {iban}',
  'letters.rf_reference_invalid': 'Invalid RF creditor reference (ISO 11649): {reference}',
  'letters.qr_iban_needs_qr_reference': 'A QR-IBAN needs a QR reference: {iban}',
  'letters.qr_only_chf': 'QR-bill in CHF only, not {currency}',
  'letters.qr_refused': 'QR-bill refused: {detail}',
  'letters.creditor_iban': 'IBAN of the creditor {creditor}: {problem}',
};
