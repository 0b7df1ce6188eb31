/** Messages of a comune's revenues: pagoPA notices, F24, c.803 charges, sanctions, ravvedimento, interest, regulation (src/domain/municipal/). */
export const municipalIt = {
  // pagoPA notice codes and QR payload (municipal/pagopa.ts)
  'municipal.notice_not_digits': 'Il codice avviso pagoPA deve contenere solo cifre',
  'municipal.notice_length': 'Il codice avviso pagoPA deve avere 18 cifre, non {length}',
  'municipal.notice_check_digits': 'Cifre di controllo del codice avviso errate: attese {expected}, presenti {found} (resto della divisione per 93)',
  'municipal.notice_unknown_aux': 'Codice avviso con prima cifra (aux digit) {aux} sconosciuta: ammesse 0, 1, 2 e 3',
  'municipal.segregation_code': 'Il codice di segregazione deve essere di 2 cifre, non "{value}"',
  'municipal.iuv_base': 'La base dello IUV deve essere di 13 cifre, non "{value}"',
  'municipal.cf_ente': 'Il codice fiscale dell’ente creditore deve essere di 11 cifre, non "{value}"',
  'municipal.qr_amount_range': 'Importo fuori dai limiti del codice QR pagoPA: da 0,01 a 99.999.999,99 €, non {amount}',
  'municipal.qr_format': 'Codice QR pagoPA non valido: atteso PAGOPA|002|codice avviso|codice fiscale ente|importo in centesimi',

  // c.803 collection charges (municipal/charges.ts)
  'municipal.charges_not_enforceable': 'Nessun onere di riscossione: l’atto non è esecutivo (art. 1 c. 803 L. 160/2019)',
  'municipal.charges_before_enforceable': 'Nessun onere di riscossione: pagamento del {paidOn} prima dell’esecutività dell’atto ({enforceableOn}) (art. 1 c. 803 L. 160/2019)',
  'municipal.charges_early': 'Oneri di riscossione {rate} % (massimo {cap} €): pagamento entro il {withinDays}° giorno dall’esecutività, cioè entro il {until} (art. 1 c. 803 lett. a L. 160/2019)',
  'municipal.charges_late': 'Oneri di riscossione {rate} % (massimo {cap} €): pagamento oltre il {withinDays}° giorno dall’esecutività, cioè dopo il {until} (art. 1 c. 803 lett. a L. 160/2019)',

  // Sanctions and ravvedimento (municipal/sanctions.ts)
  'municipal.basis_471_original': 'art. 13 D.Lgs. 471/1997 nel testo per le violazioni fino al 31/08/2024',
  'municipal.basis_471_87_2024': 'art. 13 D.Lgs. 471/1997 come modificato dal D.Lgs. 87/2024, violazioni dal 01/09/2024',
  'municipal.sanction_no_regime': 'Nessun regime sanzionatorio per una violazione del {date}',
  'municipal.sanction_full': 'Sanzione per omesso versamento {rate} % dell’imposta ({basis})',
  'municipal.sanction_within_90': 'Versamento con {days} giorni di ritardo, non oltre {limit}: sanzione ridotta alla metà, {rate} % ({basis})',
  'municipal.sanction_within_15': 'Versamento con {days} giorni di ritardo, non oltre {limit}: sanzione di 1/15 della metà per ogni giorno, {rate} % ({basis})',
  'municipal.ravvedimento_fraction': 'Ravvedimento operoso: sanzione ridotta a {fraction} (art. 13 c. 1 lett. {letter} D.Lgs. 472/1997), {rate} % dell’imposta',
  'municipal.ravvedimento_interest': 'Interessi al tasso legale giorno per giorno dal {from} al {to} (art. 13 c. 2 D.Lgs. 472/1997)',
  'municipal.paid_in_time': 'Versamento entro la scadenza del {due}: nessuna sanzione e nessun interesse',
  'municipal.assessment_interest': 'Interessi al tasso legale più {points} punti giorno per giorno dal {from} al {to} (art. 1 c. 165 L. 296/2006)',
  'municipal.tax_not_positive': 'L’imposta deve essere maggiore di zero',

  // Interest on local revenues (municipal/local-interest.ts)
  'municipal.points_invalid': 'Punti di maggiorazione del comune non validi "{points}": un numero da 0 a 3 con al più due decimali, es. 1 o 0.5',
  'municipal.points_range': 'Il comune può maggiorare il tasso legale al massimo di 3 punti (art. 1 c. 165 L. 296/2006), non di {points}',
  'municipal.regime_commercial_for_tax': '{revenue}: il tasso degli interessi moratori commerciali (D.Lgs. 231/2002) non si applica a un tributo, che non è una transazione commerciale; gli interessi sono al tasso legale più i punti del comune (art. 1 c. 165 L. 296/2006)',
  'municipal.regime_1284_c4_for_tax': '{revenue}: il tasso dell’art. 1284 c. 4 c.c. dalla domanda giudiziale non si applica a un tributo; gli interessi sono al tasso legale più i punti del comune (art. 1 c. 165 L. 296/2006)',
  'municipal.regime_not_local_tax': '{revenue}: gli interessi su un tributo locale sono al tasso legale più 0–3 punti fissati dal comune (art. 1 c. 165 L. 296/2006), non con il regime {regime}',
  'municipal.regime_commercial_not_transaction': '{revenue}: il tasso degli interessi moratori commerciali (D.Lgs. 231/2002) vale solo per le transazioni commerciali, e questa entrata del comune non lo è',
  'municipal.revenue_imu': 'IMU (imposta municipale propria)',
  'municipal.revenue_tari': 'TARI (tassa sui rifiuti)',
  'municipal.revenue_cup': 'canone unico patrimoniale',
  'municipal.revenue_cds_fine': 'sanzione del Codice della strada',
  'municipal.revenue_other': 'altra entrata del comune',

  // F24, section "IMU e altri tributi locali" (municipal/f24.ts)
  'municipal.cadastral_code': 'Codice catastale del comune non valido "{code}": una lettera maiuscola e tre cifre, es. H501',
  'municipal.tribute_code_unknown': 'Codice tributo {code} sconosciuto nella sezione IMU e altri tributi locali',
  'municipal.tribute_code_mismatch': 'Il codice tributo {code} non vale per {revenue}',
  'municipal.tribute_code_role': 'Il codice tributo {code} è per {expected}, non per {role}',
  'municipal.tribute_code_missing': 'Manca il codice tributo dell’imposta: per l’IMU dipende dall’immobile (es. 3918 altri fabbricati)',
  'municipal.f24_year': 'Anno di riferimento non valido "{year}": quattro cifre, es. 2024',
  'municipal.f24_no_codes': '{revenue} non si paga con F24: usare l’avviso pagoPA',
  'municipal.f24_component': 'La componente {kind} non ha un codice tributo F24: indicarla a parte',
  'municipal.f24_ambiguous': 'Più imposte con codici diversi: indicare il codice tributo di sanzioni e interessi da ravvedimento',
  'municipal.f24_no_tax': 'Nessuna imposta da versare con F24',
  'municipal.role_tax': 'imposta',
  'municipal.role_interest': 'interessi',
  'municipal.role_sanctions': 'sanzioni',

  // Regulation and allocation (municipal/revenue-rules.ts)
  'municipal.allocation_repeated': 'Ordine di imputazione: "{kind}" compare più di una volta',
  'municipal.sanction_regimes_order': 'Regimi sanzionatori: quello dal {from} deve finire prima che inizi il successivo, in ordine di data',
  'municipal.allocation_empty': 'Ordine di imputazione vuoto',
  'municipal.component_principal': 'capitale',
  'municipal.component_tax': 'imposta',
  'municipal.component_sanctions': 'sanzioni',
  'municipal.component_act_interest': 'interessi liquidati nell’atto',
  'municipal.component_notification_costs': 'spese di notifica',
  'municipal.component_collection_charges': 'oneri di riscossione',
  'municipal.component_fees': 'compensi',
  'municipal.component_costs': 'spese',
  'municipal.component_accrued_interest': 'interessi maturati dopo l’atto',
  'municipal.segregation_code_range': 'Il codice di segregazione è di 2 cifre, da 00 a 45 (SACI 3.x)',
  'municipal.segregation_code_needed': 'Per generare gli avvisi serve il codice di segregazione assegnato da PagoPA',
  'municipal.cbill': 'Il codice CBILL ha da 1 a 10 lettere maiuscole o cifre',
  'municipal.postal_account': 'Il conto corrente postale ha da 1 a 12 cifre',
  'municipal.cadastral_code_format': 'Il codice catastale è una lettera maiuscola e tre cifre, es. H501',
  'municipal.tribute_code_format': 'Il codice tributo ha 4 cifre o lettere maiuscole, es. 3918',

  // Generated notice codes, Poste Data Matrix, albo (partner: issue 13 items 4–5)
  'municipal.albo_required': 'Un mandato di un comune non può essere attivato senza l’iscrizione dell’agenzia all’albo dei soggetti abilitati alla riscossione delle entrate locali (art. 53 D.Lgs. 446/1997): indicarla nelle impostazioni',
  'municipal.albo_in_use': 'L’iscrizione all’albo non può essere tolta finché l’agenzia ha mandati attivi di comuni ({count}): disattivarli prima (art. 53 D.Lgs. 446/1997)',
  'municipal.notices_not_generated': 'Gli avvisi pagoPA di questo creditore non sono generati da incasso: impostare la modalità "generati" con il codice di segregazione',
  'municipal.datamatrix_amount_range': 'Importo fuori dai limiti del bollettino postale PA: da 0,01 a 99.999.999,99 €, non {amount}',
} as const;

/** A language's texts for these codes. */
export type MunicipalCatalogue = { readonly [K in keyof typeof municipalIt]: string };
