/** Messages of letters and their payment slips (src/integrations/letters, src/usecases/dunning/letter-input.ts). */
export const lettersIt = {
  'letters.qr_amount_invalid': 'Importo non valido per la QR-fattura: {amount}; ammessi da 0.01 a 999999999.99',
  'letters.qr_amount_inexact': 'Importo non rappresentabile esattamente: {amount}',
  'letters.qr_amount_positive': 'L’importo della QR-fattura deve essere maggiore di zero',
  'letters.qr_address_no_city': 'Indirizzo senza riga "CAP località" per la QR-fattura: {lines}',
  'letters.iban_invalid': 'IBAN non valido: {iban}',
  'letters.qr_reference_invalid': 'Riferimento QR non valido: {reference}; servono 27 cifre con la cifra di controllo modulo 10',
  'letters.qr_reference_needs_qr_iban': 'Un riferimento QR richiede un QR-IBAN: {iban}',
  'letters.rf_reference_invalid': 'Riferimento RF (ISO 11649) non valido: {reference}',
  'letters.qr_iban_needs_qr_reference': 'Un QR-IBAN richiede un riferimento QR: {iban}',
  'letters.qr_only_chf': 'QR-fattura solo in CHF, non {currency}',
  'letters.qr_refused': 'QR-fattura rifiutata: {detail}',
  'letters.creditor_iban': 'IBAN del creditore {creditor}: {problem}',
} as const;

/** A language's texts for these codes. */
export type LettersCatalogue = { readonly [K in keyof typeof lettersIt]: string };
