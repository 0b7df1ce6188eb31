/**
 * Messages of the records the users keep (debtors, contacts, addresses, claims, notes, payments,
 * creditors) and of the text every field refuses. Italian, the reference: en/de/fr have the same keys.
 */
export const recordsIt = {
  // Text fields (src/domain/fields.ts, src/http/errors.ts)
  'records.text_nul': 'Carattere NUL non ammesso',
  'records.text_control': 'Caratteri di controllo non ammessi',
  'records.text_line_break': 'A capo non ammesso in questo campo: una sola riga',
  'records.text_control_tabs': 'Caratteri di controllo non ammessi, comprese le tabulazioni',
  'records.text_bidi': 'Caratteri di controllo della direzione del testo non ammessi',

  // Debtors
  'records.debtor_kind': 'Tipo obbligatorio: consumer, sole_trader, company o public_administration',
  'records.surname_required': 'Cognome obbligatorio per una persona',
  'records.company_name_required': 'Ragione sociale obbligatoria',
  'records.person_tax_code_length': 'Il codice fiscale di una persona ha 16 caratteri',
  'records.debtor_tax_code_taken': 'Esiste già un debitore con questo codice fiscale',
  'records.debtor_vat_taken': 'Esiste già un debitore con questa partita IVA',

  // Contacts and addresses
  'records.contact_channel': 'Canale: phone, mobile, email o pec',
  'records.contact_value_required': 'Recapito obbligatorio',
  'records.contact_phone': 'Numero di telefono non valido: usare il prefisso internazionale per l’estero',
  'records.country_code': 'Paese: codice ISO di due lettere, es. IT',

  // Claims
  'records.status_from_payments': 'Lo stato "pagato" deriva dai pagamenti: registrare un pagamento',
  'records.rate_percent': 'Tasso in punti percentuali, es. 8.5',
  'records.rate_above_100': 'Tasso oltre il 100%',
  'records.percentage_points': 'Punti percentuali, es. 3 o -0.5',

  // Notes
  'records.note_empty': 'La nota è vuota',
  'records.note_too_long': 'Nota troppo lunga, massimo {max} caratteri',
  'records.note_claim_of_other_debtor': 'La pratica non è di questo debitore',
  'records.note_author_only': 'Solo l’autore può modificare la nota',

  // Payments
  'records.idempotency_key_format': 'Chiave di idempotenza: 8–100 caratteri A-Z a-z 0-9 . _ : -',
  'records.allocations_or_claim_ids': 'Indicare allocations oppure claimIds, non entrambi',
  'records.value_date_too_old': 'Data valuta troppo vecchia: non prima del {date}',
  'records.value_date_before_claims': 'Data valuta anteriore a ogni pratica aperta (la prima nasce il {date})',
  'records.allocation_repeated': 'Pratica ripetuta: una sola ripartizione per pratica',
  'records.allocation_other_claim': 'Pratica non di questo debitore e mandante',
  'records.allocation_currency': 'Pratica in {claimCurrency}, pagamento in {paymentCurrency}',
  'records.allocation_not_open': 'Pratica {ref} non aperta',
  'records.value_date_before_claim': 'Data valuta {valueDate} anteriore alla pratica {ref} (del {origin})',
  'records.allocation_above_due': 'Oltre il dovuto della pratica al {date} ({due})',
  'records.allocations_exceed_payment': 'Le ripartizioni superano l’importo del pagamento',

  // Creditors
  'records.percentage_format': 'Percentuale non valida, es. 12.5',
  'records.percentage_above_100': 'Percentuale oltre 100',
  'records.creditor_code_format': 'Codice: lettere, cifre, - e _ (massimo 32)',
  'records.reminder_fees_max': 'Al massimo {max} solleciti',
  'records.mandate_ends_before_start': 'La fine del mandato precede l’inizio',
} as const;

/** A language's texts for these codes. */
export type RecordsCatalogue = { readonly [K in keyof typeof recordsIt]: string };
