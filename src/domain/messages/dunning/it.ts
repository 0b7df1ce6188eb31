/**
 * Messages of dunning: why a step cannot go out (channels, contact rules), strategy checks, phone
 * tasks, letters to print, the message templates' descriptions and the `dunning` command.
 */
export const dunningIt = {
  // Channels, as the reasons below name them
  'dunning.channel.email': 'e-mail',
  'dunning.channel.pec': 'PEC',
  'dunning.channel.sms': 'SMS',
  'dunning.channel.phone_task': 'telefono',
  'dunning.channel.letter': 'lettera',
  'dunning.channel.registered_letter': 'raccomandata',

  // Why a step is blocked (src/domain/dunning/plan.ts, src/usecases/dunning/decide.ts)
  'dunning.no_usable_channel': 'Nessun canale utilizzabile per il passo {step}: {reasons}',
  'dunning.channel_not_set_up': '{channel}: canale non configurato',
  'dunning.no_postal_address': '{channel}: nessun indirizzo postale',
  'dunning.no_contact': '{channel}: nessun recapito',
  'dunning.contacts_excluded': '{channel}: recapiti esclusi — {why}',
  'dunning.excluded.invalid': 'non valido',
  'dunning.excluded.opted_out': 'opposizione',
  'dunning.excluded.third_party': 'di terzi',
  'dunning.excluded.unverified': 'non verificato',
  'dunning.creditor_no_email': 'Il creditore non ha un indirizzo e-mail per il consiglio',
  'dunning.debtor_deceased': 'Debitore deceduto: nessun sollecito a suo nome; una persona decide se e come scrivere agli eredi',
  'dunning.debtor_ceased': 'Impresa cessata: nessun sollecito; una persona decide a chi rivolgersi (soci, liquidatore, procedura)',
  'dunning.debtor_hardship': 'Debitore in difficoltà segnalata: solleciti sospesi finché una persona non decide',
  'dunning.no_channel': 'Nessun canale',
  'dunning.unknown_step': 'Il passo {step} non esiste nella strategia {strategy}',
  'dunning.stored_strategy_invalid': 'Strategia non valida: {problems}',

  // Contact rules (src/domain/dunning/compliance.ts)
  'dunning.holiday_no_call': 'Giorno festivo ({holiday}): nessun contatto telefonico',
  'dunning.no_call_hours': 'Nessuna fascia oraria per le telefonate in questo giorno',
  'dunning.daily_conversations': 'Conversazioni oggi: {count} su un massimo di {max}',
  'dunning.weekly_conversations': 'Conversazioni questa settimana: {count} su un massimo di {max}',
  'dunning.daily_attempts': 'Tentativi di chiamata oggi: {count} su un massimo di {max}',
  'dunning.automated_voice': 'Chiamate preregistrate o automatiche non consentite',
  'dunning.outside_call_hours': 'Fuori dalla fascia oraria consentita ({windows})',
  'dunning.written_weekly_limit': 'Comunicazioni scritte questa settimana: {count} su un massimo di {max}',
  'dunning.holiday_no_sms': 'Giorno festivo ({holiday}): nessun SMS',
  'dunning.no_contact_hours': 'Nessuna fascia oraria per i contatti in questo giorno',
  'dunning.sms_outside_hours': 'SMS fuori dalla fascia oraria consentita',
  'dunning.quiet_hours': 'Fascia di silenzio {from}–{to}: nessun invio',
  'dunning.time_format': 'Ora nel formato HH:MM',
  'dunning.window_order': 'La fascia deve finire dopo l’inizio',
  'dunning.invalid_contact_rules': 'Regole di contatto dell’organizzazione non valide: correggerle prima di contattare i debitori',

  // Strategies (src/domain/dunning/strategy.ts, src/usecases/strategies)
  'dunning.invalid_strategy': 'Strategia non valida',
  'dunning.repeated_values': 'Valori ripetuti',
  'dunning.min_above_max': 'Importo minimo maggiore del massimo',
  'dunning.step_key_format': 'Chiave del passo: minuscole, cifre, "-" o "_", al massimo 40 caratteri',
  'dunning.at_least_one_step': 'Almeno un passo',
  'dunning.max_steps': 'Al massimo {max} passi',
  'dunning.duplicate_step_key': 'Chiave ripetuta: {key}',
  'dunning.first_step_from_due': 'Il primo passo si conta dalla scadenza o dal caricamento: delayFrom "due" o "load"',
  'dunning.tier_backwards': 'Livello {tier} dopo {previous}: i livelli non tornano indietro',
  'dunning.step_not_after_previous':
    'Il passo {key} (giorno +{days} dalla scadenza) non viene dopo il passo precedente (giorno +{earliest} al più presto)',
  'dunning.template_other_tier': 'Il modello {template} è del livello {templateTier}, non {tier}',
  'dunning.step_in_use': 'Il passo "{key}" è l’ultimo ricevuto da {count} pratiche aperte: non si può togliere né rinominare',
  'dunning.step_moved_earlier': 'Il passo "{key}" è il n. {from} per {count} pratiche aperte: non può diventare il n. {to}',
  'dunning.template_or_steps': 'Indicare un modello o i passi',
  'dunning.name_without_template': 'Campo obbligatorio senza modello',

  // Message templates (src/domain/dunning/templates.ts)
  'dunning.template_variable': 'Variabile mancante o sconosciuta nel modello {template}: {variable}',
  'dunning.custom_template_empty_line': 'Una riga del testo è vuota',
  'dunning.custom_template_no_paragraph': 'Il testo deve avere almeno un paragrafo',
  'dunning.custom_template_no_closing': 'Il testo deve avere una chiusura (es. i saluti e la firma)',
  'dunning.custom_template_unknown_variable': 'La variabile {variable} non esiste; si possono usare: {known}',
  'dunning.custom_template_unknown_key': 'Modello di lettera sconosciuto: {key}',
  'dunning.template.soft-reminder': 'Promemoria cortese, nessun interesse',
  'dunning.template.formal-notice-it': 'Messa in mora, art. 1219 c.c.',
  'dunning.template.formal-notice-ch': 'Diffida, art. 102 CO',
  'dunning.template.formal-notice-de': 'Sollecito formale, § 286 BGB',
  'dunning.template.formal-notice-fr': 'Messa in mora, art. 1344 del codice civile francese',
  'dunning.template.final-notice-it': 'Ultimo avviso: interessi addebitati, azione di recupero annunciata',
  'dunning.template.final-notice-ch': 'Ultimo avviso: esecuzione (LEF) annunciata',
  'dunning.template.negotiation-offer': 'Proposta di piano di rientro o saldo, richiesta di garanzia',
  'dunning.template.closure-advice': 'Consiglio al creditore: sospendere le forniture (interno)',
  'dunning.template.legal-handoff-it': 'Affidamento a un legale',
  'dunning.template.legal-handoff-ch': 'Domanda d’esecuzione annunciata (LEF)',
  'dunning.template.comune-avviso-bonario': 'Avviso bonario del Comune',
  'dunning.template.comune-sollecito': 'Sollecito del Comune prima dell’accertamento',
  'dunning.template.comune-rateizzazione': 'Offerta di rateizzazione, L. 160/2019 c. 796–800',
  'dunning.template.comune-handoff': 'Proposta all’Ente di accertamento esecutivo o ingiunzione (interno)',
  'dunning.template.comune-sollecito-accertamento': 'Sollecito del Comune dopo l’avviso di accertamento esecutivo (titolo esecutivo)',
  'dunning.template.comune-sollecito-ingiunzione': 'Sollecito del Comune dopo l’ingiunzione fiscale (titolo esecutivo)',
  'dunning.template.comune-sollecito-atto': 'Sollecito del Comune per un atto già notificato (verbale, canone, altro)',

  // Phone tasks and letters (src/usecases/communications)
  'dunning.phone_task_closed': 'La telefonata non è più aperta (stato: {status})',
  'dunning.wrong_number': 'Numero errato',
  'dunning.call_refused_next': '{reason}. Prossima fascia consentita: {date} {time}.',
  'dunning.no_letters_to_print': 'Nessuna lettera da stampare',
  'dunning.letter_not_printable': 'Lettera non stampabile: {problem}',
  'dunning.letter_not_rendered': 'Lettera non generabile: {problem}',

  // The `dunning run` command (src/cli/commands/dunning.ts)
  'dunning.cli_creditor_needs_tenant': '--creditor richiede --tenant',
  'dunning.cli_batch_committed': 'lotto registrato: {debtors} debitori, {communications} comunicazioni, {blocked} bloccate',
  'dunning.cli_dry_run': 'Prova: nulla è stato inviato',
  'dunning.cli_performed': 'Solleciti eseguiti',
  'dunning.cli_summary': '{head} — {date}: {communications} comunicazioni, {blocked} bloccate, {debtors} debitori',
  'dunning.cli_blocked': 'BLOCCATO: {reason}',
  'dunning.cli_step': 'passo {no} {key} ({tier})',
  'dunning.cli_fees': 'spese {amount}',
  'dunning.cli_postage': 'affrancatura {amount}',
  'dunning.cli_failed': 'ERRORE debitore {debtor}: {problem}',
  'dunning.cli_letters': 'Lettere: {rendered} PDF generati',
  'dunning.cli_letters_failed': 'Lettere: {rendered} PDF generati, {failed} non generabili',
  'dunning.cli_emails': 'E-mail: {sent} consegnate, {retrying} da riprovare, {failed} non consegnabili',
} as const;

/** A language's texts for these codes. */
export type DunningCatalogue = { readonly [K in keyof typeof dunningIt]: string };
