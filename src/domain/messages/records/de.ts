import type { RecordsCatalogue } from './it.ts';

export const recordsDe: RecordsCatalogue = {
  'records.text_nul': 'NUL-Zeichen nicht erlaubt',
  'records.text_control': 'Steuerzeichen nicht erlaubt',
  'records.text_line_break': 'Zeilenumbruch in diesem Feld nicht erlaubt: nur eine Zeile',
  'records.text_control_tabs': 'Steuerzeichen nicht erlaubt, auch keine Tabulatoren',
  'records.text_bidi': 'Steuerzeichen für die Schreibrichtung nicht erlaubt',

  'records.debtor_kind': 'Art erforderlich: consumer, sole_trader, company oder public_administration',
  'records.surname_required': 'Nachname für eine Person erforderlich',
  'records.company_name_required': 'Firmenname erforderlich',
  'records.person_tax_code_length': 'Die Steuernummer (codice fiscale) einer Person hat 16 Zeichen',
  'records.debtor_tax_code_taken': 'Es gibt bereits einen Schuldner mit dieser Steuernummer',
  'records.debtor_vat_taken': 'Es gibt bereits einen Schuldner mit dieser Mehrwertsteuernummer',

  'records.contact_channel': 'Kanal: phone, mobile, email oder pec',
  'records.contact_value_required': 'Kontaktangabe erforderlich',
  'records.contact_phone': 'Ungültige Telefonnummer: für ausländische Nummern die internationale Vorwahl angeben',
  'records.country_code': 'Land: zweistelliger ISO-Code, z. B. IT',

  'records.status_from_payments': 'Der Status "bezahlt" ergibt sich aus den Zahlungen: eine Zahlung erfassen',
  'records.rate_percent': 'Zinssatz in Prozent, z. B. 8.5',
  'records.rate_above_100': 'Zinssatz über 100 %',
  'records.percentage_points': 'Prozentpunkte, z. B. 3 oder -0.5',

  'records.note_empty': 'Die Notiz ist leer',
  'records.note_too_long': 'Notiz zu lang: höchstens {max} Zeichen',
  'records.note_claim_of_other_debtor': 'Die Forderung gehört zu einem anderen Schuldner',
  'records.note_author_only': 'Nur der Verfasser darf diese Notiz ändern',

  'records.idempotency_key_format': 'Idempotenzschlüssel: 8–100 Zeichen A-Z a-z 0-9 . _ : -',
  'records.allocations_or_claim_ids': 'Entweder allocations oder claimIds angeben, nicht beides',
  'records.value_date_too_old': 'Valutadatum unplausibel alt: nicht vor dem {date}',
  'records.value_date_before_claims': 'Valutadatum vor jeder offenen Forderung (die erste entstand am {date})',
  'records.allocation_repeated': 'Forderung wiederholt: nur eine Aufteilung pro Forderung',
  'records.allocation_other_claim': 'Die Forderung gehört nicht zu diesem Schuldner und Auftraggeber',
  'records.allocation_currency': 'Forderung in {claimCurrency}, Zahlung in {paymentCurrency}',
  'records.allocation_not_open': 'Forderung {ref} ist nicht offen',
  'records.value_date_before_claim': 'Valutadatum {valueDate} liegt vor der Forderung {ref} (vom {origin})',
  'records.allocation_above_due': 'Mehr als die Forderung am {date} beträgt ({due})',
  'records.allocations_exceed_payment': 'Die Aufteilungen übersteigen den Zahlungsbetrag',

  'records.percentage_format': 'Ungültiger Prozentsatz, z. B. 12.5',
  'records.percentage_above_100': 'Prozentsatz über 100',
  'records.creditor_code_format': 'Code: Buchstaben, Ziffern, - und _ (höchstens 32)',
  'records.reminder_fees_max': 'Höchstens {max} Mahnstufen',
  'records.mandate_ends_before_start': 'Das Mandat endet vor seinem Beginn',
};
