import type { LettersCatalogue } from './it.ts';

export const lettersFr: LettersCatalogue = {
  'letters.qr_amount_invalid': 'Montant non valide pour la QR-facture : {amount} ; admis de 0.01 à 999999999.99',
  'letters.qr_amount_inexact': 'Montant non représentable exactement : {amount}',
  'letters.qr_amount_positive': 'Le montant de la QR-facture doit être supérieur à zéro',
  'letters.qr_address_no_city': 'Adresse sans ligne « NPA localité » pour la QR-facture : {lines}',
  'letters.iban_invalid': 'IBAN non valide : {iban}',
  'letters.qr_reference_invalid': 'Référence QR non valide : {reference} ; il faut 27 chiffres avec un chiffre de contrôle modulo 10',
  'letters.qr_reference_needs_qr_iban': 'Une référence QR exige un QR-IBAN : {iban}',
  'letters.rf_reference_invalid': 'Référence RF (ISO 11649) non valide : {reference}',
  'letters.qr_iban_needs_qr_reference': 'Un QR-IBAN exige une référence QR : {iban}',
  'letters.qr_only_chf': 'QR-facture en CHF uniquement, pas en {currency}',
  'letters.qr_refused': 'QR-facture refusée : {detail}',
  'letters.creditor_iban': 'IBAN du mandant {creditor} : {problem}',
};
