import type { LettersCatalogue } from './it.ts';

export const lettersDe: LettersCatalogue = {
  'letters.qr_amount_invalid': 'Ungültiger Betrag für die QR-Rechnung: {amount}; zulässig von 0.01 bis 999999999.99',
  'letters.qr_amount_inexact': 'Betrag nicht exakt darstellbar: {amount}',
  'letters.qr_amount_positive': 'Der Betrag der QR-Rechnung muss größer als null sein',
  'letters.qr_address_no_city': 'Adresse ohne Zeile "PLZ Ort" für die QR-Rechnung: {lines}',
  'letters.iban_invalid': 'Ungültige IBAN: {iban}',
  'letters.qr_reference_invalid': 'Ungültige QR-Referenz: {reference}; nötig sind 27 Ziffern mit Prüfziffer Modulo 10',
  'letters.qr_reference_needs_qr_iban': 'Eine QR-Referenz erfordert eine QR-IBAN: {iban}',
  'letters.rf_reference_invalid': 'Ungültige RF-Referenz (ISO 11649): {reference}',
  'letters.qr_iban_needs_qr_reference': 'Eine QR-IBAN erfordert eine QR-Referenz: {iban}',
  'letters.qr_only_chf': 'QR-Rechnung nur in CHF, nicht {currency}',
  'letters.qr_refused': 'QR-Rechnung abgelehnt: {detail}',
  'letters.creditor_iban': 'IBAN des Auftraggebers {creditor}: {problem}',
};
