import type { BankCatalogue } from './it.ts';

export const bankDe: BankCatalogue = {
  'bank.xml_doctype': 'Datei abgelehnt: sie enthält eine DOCTYPE-Deklaration (XML-Entitäten sind in einem Kontoauszug nicht erlaubt)',
  'bank.not_camt': 'Kein ISO-20022-Auszug camt.053 oder camt.054 (Element {root}, Namespace {namespace})',
  'bank.camt_version': 'Version {version} wird nicht unterstützt: gelesen werden die Versionen .001.02 bis .001.08',
  'bank.xml_broken': 'Ungültiges XML: {detail}',
  'bank.not_utf8': 'Die Datei ist nicht UTF-8-kodiert',
  'bank.field_too_long': 'Buchung nicht lesbar: das Feld {field} ist länger als {max} Zeichen',
  'bank.no_account': 'Buchung ohne das Konto, zu dem sie gehört',
  'bank.bad_amount': 'Ungültiger Betrag: «{value}»',
  'bank.bad_currency': 'Ungültige Währung: «{value}»',
  'bank.bad_direction': 'Ungültiges Vorzeichen: «{value}» (CRDT oder DBIT erwartet)',
  'bank.bad_date': 'Ungültiges Datum in {field}: «{value}»',
  'bank.not_booked': 'Von der Bank nicht gebuchte Bewegung (Status {status}): aufbewahrt, keine Zahlung',
  'bank.amount_precision': 'Betrag {amount} mit mehr als zwei Nachkommastellen: zu prüfen',
  'bank.returned': 'Rückbuchung oder Erstattung (Grund {code}): die ursprüngliche Zahlung von Hand stornieren',
  'bank.debit': 'Belastung des Kontos: keine Zahlung zu erfassen',
  'bank.several_debtors': 'Die Referenz nennt Forderungen von {count} verschiedenen Schuldnern: wählen, wem sie gilt',
  'bank.currency_differs': 'Zahlung in {currency} für Forderungen in {claimCurrency}',
  'bank.no_reference': 'Keine Referenz, Zahlungsmitteilung oder Belegnummer erkannt',
};
