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

  // Letters and e-mails for a comune's positions: the act, the agency, the components (usecases/dunning/municipal-letter.ts)
  'letters.comune_revenue_year': '{revenue} – anno {year}',
  'letters.comune_act': '{act} n. {number} del {date}',
  'letters.comune_act_undated': '{act} n. {number}',
  'letters.comune_act_notified': 'notificato il {date}',
  'letters.comune_act_enforceable': 'titolo esecutivo dal {date}',
  'letters.act_bonario': 'Avviso bonario',
  'letters.act_accertamento_esecutivo': 'Avviso di accertamento esecutivo (art. 1 c. 792 L. 160/2019)',
  'letters.act_ingiunzione_fiscale': 'Ingiunzione fiscale (R.D. 639/1910)',
  'letters.act_verbale_cds': 'Verbale di violazione del Codice della strada',
  'letters.act_cup_notice': 'Avviso di pagamento del canone unico patrimoniale',
  'letters.act_other': 'Atto',
  'letters.comune_agency': '{agency} agisce per conto {creditorOf} ed è iscritta all’albo dei soggetti abilitati all’accertamento e alla riscossione delle entrate degli enti locali (art. 53 D.Lgs. 446/1997), {section}, al n. {number} dal {date}.',
  'letters.comune_agency_unregistered': '{agency} agisce per conto {creditorOf}.',
  'letters.albo_section_ordinary': 'sezione dell’accertamento e della riscossione',
  'letters.albo_section_support': 'sezione delle attività di supporto (art. 1 c. 805 L. 160/2019)',
  'letters.component_tax_cup': 'canone',
  'letters.component_tax_cds_fine': 'sanzione amministrativa',
  'letters.comune_other_costs': 'altre spese',
} as const;

/** A language's texts for these codes. */
export type LettersCatalogue = { readonly [K in keyof typeof lettersIt]: string };
