import { importIt } from './import/it.ts';
import { recordsIt } from './records/it.ts';
import { httpIt } from './http/it.ts';
import { adminIt } from './admin/it.ts';
import { interestIt } from './interest/it.ts';
import { municipalIt } from './municipal/it.ts';
import { deskIt } from './desk/it.ts';
import { bankIt } from './bank/it.ts';
import { paymentsIt } from './payments/it.ts';
import { plansIt } from './plans/it.ts';
import { queriesIt } from './queries/it.ts';
import { commissionIt } from './commission/it.ts';
import { dischargeIt } from './discharge/it.ts';
import { periodicIt } from './periodic/it.ts';
import { alertsIt } from './alerts/it.ts';
import { interestDocsIt } from './interestdocs/it.ts';
import { riskIt } from './risk/it.ts';
import { guaranteesIt } from './guarantees/it.ts';
import { mediationIt } from './mediation/it.ts';
import { legalIt } from './legal/it.ts';
import { dunningIt } from './dunning/it.ts';
import { lettersIt } from './letters/it.ts';

/**
 * Server messages in Italian, the reference language: every code the server can answer with is a key
 * here, and en/de/fr must have the same keys (a missing one fails typecheck) with the same `{placeholders}`
 * (checked by catalogue.test.ts). Texts are what users read: no English in brackets, no internal codes.
 */
export const it = {
  // A message not converted yet: shown as it was written.
  text: '{text}',
  ...importIt,

  // Generic errors (src/domain/errors.ts, src/http/errors.ts)
  'error.invalid_input': 'Dati non validi',
  'error.forbidden': 'Operazione non consentita al tuo ruolo',
  'error.not_found': 'Risorsa non trovata',
  'error.auth_required': 'Accesso richiesto',
  'error.cross_origin': 'Richiesta da un’altra origine rifiutata',
  'error.rate_limited': 'Troppi tentativi: riprovare tra poco',
  'error.duplicate': 'Valore già presente ({constraint})',
  'error.db_invalid': 'Dati non validi ({detail})',
  'error.missing_reference': 'Riferimento a un record inesistente',
  'error.concurrent_change': 'Modifica concorrente: riprovare',
  'error.send_json': 'Inviare JSON (Content-Type: application/json)',
  'error.too_large': 'Richiesta troppo grande',
  'error.malformed_json': 'JSON non valido',
  'error.empty_json': 'Corpo JSON vuoto',
  'error.internal': 'Errore interno: è stato registrato',
  'error.stale_version': 'Il record è stato modificato da un altro utente (versione {current}, non {expected}): ricaricare e riprovare',
  'auth.bad_credentials': 'E-mail o password errati',

  // Not found, one per kind of record
  'not_found.claim': 'Pratica non trovata',
  'not_found.debtor': 'Debitore non trovato',
  'not_found.creditor': 'Mandante non trovato',
  'not_found.creditor_named': 'Mandante "{name}" non trovato',
  'not_found.tenant_named': 'Organizzazione "{name}" non trovata',
  'not_found.payment': 'Pagamento non trovato',
  'not_found.note': 'Nota non trovata',
  'not_found.message': 'Messaggio non trovato',
  'not_found.print_batch': 'Lotto di stampa non trovato',
  'not_found.import': 'Importazione non trovata',
  'not_found.communication_document': 'Documento della comunicazione non trovato',
  'not_found.communication': 'Comunicazione non trovata',
  'not_found.review': 'Verifica non trovata',
  'not_found.phone_task': 'Telefonata non trovata',
  'not_found.rejected_row': 'Riga scartata non trovata',
  'not_found.contact': 'Recapito non trovato',
  'not_found.address': 'Indirizzo non trovato',
  'not_found.cost': 'Costo non trovato',
  'not_found.user': 'Utente non trovato',
  'not_found.strategy': 'Strategia non trovata',
  'not_found.template': 'Modello di lettera non trovato',
  'not_found.queue': 'Coda di lavoro non trovata',
  'not_found.bank_entry': 'Movimento bancario non trovato',
  'not_found.bank_file': 'File bancario non trovato',

  // Generic field checks (zod)
  'field.required': 'Campo obbligatorio',
  'field.invalid_type': 'Tipo non valido: atteso {expected}',
  'field.invalid_value': 'Valore non ammesso; valori possibili: {values}',
  'field.unknown': 'Campo sconosciuto',
  'field.min_chars': 'Minimo {min} caratteri',
  'field.min_items': 'Almeno {min} elementi',
  'field.min_value': 'Valore troppo piccolo: minimo {min}',
  'field.max_chars': 'Massimo {max} caratteri',
  'field.max_items': 'Al massimo {max} elementi',
  'field.max_value': 'Valore troppo grande: massimo {max}',
  'field.invalid_format': 'Formato non valido ({format})',
  'field.invalid': 'Valore non valido',
  'field.invalid_id': 'Identificativo non valido',
  'field.invalid_email': 'Indirizzo e-mail non valido',
  'field.invalid_phone': 'Numero di telefono non valido',
  'field.unsupported_currency': 'Valuta non supportata: ammesse {allowed}',
  'field.unsupported_country': 'Paese non supportato: {allowed}',
  'field.unsupported_language': 'Lingua non supportata: {allowed}',

  // Money (src/domain/money.ts)
  'money.not_string': 'Importo richiesto come stringa, es. "1234.56"',
  'money.required': 'Importo mancante',
  'money.exponent': 'Importo non valido: usare cifre, non la notazione esponenziale',
  'money.comma': 'Importo non valido: usare il punto come separatore decimale, es. 1234.56',
  'money.negative': 'L’importo deve essere positivo',
  'money.too_many_decimals': 'Importo con più di {max} decimali',
  'money.invalid': 'Importo non valido, formato atteso 1234.56',
  'money.not_positive': 'L’importo deve essere maggiore di zero',
  'money.above_max': 'Importo oltre il massimo ammesso di 999.999.999,99',

  // Dates (src/domain/dates.ts)
  'date.not_string': 'Data richiesta nel formato AAAA-MM-GG',
  'date.format': 'Data non valida, formato atteso AAAA-MM-GG',
  'date.not_in_calendar': 'La data {date} non esiste nel calendario',
  'date.out_of_range': 'Data fuori intervallo {min}–{max}',
  'date.valid_to_before_from': 'Fine validità precedente all’inizio',

  // Tax ids and bank accounts (src/domain/tax-ids.ts)
  'vat.length': 'La partita IVA deve avere 11 cifre',
  'vat.zeros': 'Partita IVA non valida',
  'vat.check_digit': 'Cifra di controllo della partita IVA errata: atteso {expected}',
  'cf.numeric_check': 'Codice fiscale numerico non valido: cifra di controllo errata',
  'cf.length': 'Il codice fiscale deve avere 16 caratteri, o 11 cifre per le società',
  'cf.format': 'Formato del codice fiscale non valido',
  'cf.check_char': 'Carattere di controllo del codice fiscale errato: atteso {expected}',
  'uid.format': 'Il numero UID svizzero ha la forma CHE-123.456.789',
  'uid.check_digit': 'Cifra di controllo dell’UID svizzero errata',
  'iban.format': 'Formato IBAN non valido',
  'iban.check_digits': 'IBAN non valido: cifre di controllo errate',
  'iban.unknown_country': 'Paese IBAN sconosciuto: {country}',
  'iban.length': 'Lunghezza IBAN errata: {length} caratteri, un IBAN {country} ne ha {expected}',
  'iban.bban': 'Struttura IBAN non valida per {country}',
  'iban.national_check': 'IBAN non valido: cifra di controllo nazionale errata',

  // Claims, payments, debtors, creditors, users
  'claim.fixed_needs_rate': 'Il regime a tasso fisso richiede il tasso contrattuale, es. 8.5',
  'claim.rate_needs_fixed': 'Tasso contrattuale solo con il regime a tasso fisso',
  'claim.spread_needs_base': 'Il regime con maggiorazione richiede un regime legale di base, es. interessi legali',
  'claim.spread_needs_points': 'Il regime con maggiorazione richiede i punti di maggiorazione, es. 3',
  'claim.base_needs_spread': 'Regime base solo con il regime con maggiorazione',
  'claim.points_need_spread': 'Punti di maggiorazione solo con il regime con maggiorazione',
  'claim.unknown_creditor': 'Mandante inesistente',
  'claim.unknown_debtor': 'Debitore inesistente',
  // Ravvedimento versus assessment (usecases/claims/get-claim-ravvedimento.ts; web13)
  'claim.ravvedimento_not_tax': 'Il confronto con il ravvedimento vale solo per IMU e TARI di un comune',
  'claim.ravvedimento_assessed': 'La posizione è già oltre la fase bonaria (atto emesso): il ravvedimento non è più possibile',
  'claim.ravvedimento_nothing_due': 'Nessuna imposta da versare sulla posizione',
  'claim.ravvedimento_not_late': 'Pagando entro la scadenza del {due} non ci sono sanzioni né interessi',
  'claim.ravvedimento_rules_invalid': 'Il regolamento delle entrate del comune non è valido: correggerlo nella scheda del mandante',
  'claim.ravvedimento_no_cadastral_code': 'F24 non compilabile: manca il codice catastale del comune',
  'claim.ravvedimento_no_tax_year': 'F24 non compilabile: manca l’anno d’imposta della posizione',
  'claim.act_dates_order': 'Le date dell’atto sono in ordine: emissione, notifica, esecutività',
  'claim.principal_or_components': 'Indicare l’importo o le sue componenti',
  'claim.components_sum': 'L’importo {principal} non è la somma delle componenti ({sum})',
  'claim.notice_code_taken': 'Il mandante ha già una posizione con codice avviso {code}',
  'claim.ref_taken': 'Il mandante ha già una pratica con riferimento "{ref}"',
  'claim.ref_used': 'Riferimento "{ref}" già usato per questo mandante',
  'claim.due_before_issue': 'La scadenza precede la data di emissione',
  'claim.principal_below_paid': 'Il capitale non può essere inferiore a quanto già pagato ({paid})',
  'claim.principal_of_components': "Il capitale di un atto è la somma delle sue componenti (imposta, sanzioni, interessi, spese): si corregge componente per componente",
  'claim.status_from_payments': 'Lo stato "pagato" deriva dai pagamenti: registrare un pagamento',
  'claim.cannot_reopen': 'La pratica ha già pagamenti per {paid}: non può tornare "aperta"',
  'claim.currency_fixed': 'Valuta non modificabile: la pratica ha già pagamenti registrati',
  'claim.cost_in_future': 'La data del costo è nel futuro',
  'claim.closed_no_cost': 'La pratica è chiusa: nessun nuovo costo',
  'claim.cost_already_waived': 'Costo già abbuonato il {date}',
  'claim.reminder_step_range': 'Passo di sollecito da 1 a 10',
  'claim.payment_after_date': 'Un pagamento del {date} è successivo a questa data',
  'claim.hold_until_today': 'La sospensione deve durare almeno fino a oggi, {date}',
  'claim.closed_no_hold': 'La pratica è chiusa: non c’è sollecito da sospendere',
  'payment.value_date_future': 'La data valuta è nel futuro',
  'payment.idempotency_other': 'Chiave di idempotenza già usata per un pagamento diverso',
  'payment.idempotency_used': 'Chiave di idempotenza già usata',
  'creditor.name_taken': 'Esiste già un mandante con nome "{name}"',
  'creditor.code_taken': 'Codice mandante "{code}" già in uso',
  'user.email_taken': 'L’e-mail {email} è già usata',
  'contact.already_recorded': 'Il recapito {value} è già registrato per questo debitore',
  ...recordsIt,
  ...httpIt,
  ...adminIt,
  ...interestIt,
  ...municipalIt,
  ...deskIt,
  ...bankIt,
  ...paymentsIt,
  ...plansIt,
  ...queriesIt,
  ...commissionIt,
  ...dischargeIt,
  ...periodicIt,
  ...alertsIt,
  ...interestDocsIt,
  ...riskIt,
  ...guaranteesIt,
  ...mediationIt,
  ...legalIt,
  ...dunningIt,
  ...lettersIt,
} as const;

export type MessageCode = keyof typeof it;
/** A language's catalogue: exactly the Italian keys, each with its text. */
export type Catalogue = { readonly [K in MessageCode]: string };
