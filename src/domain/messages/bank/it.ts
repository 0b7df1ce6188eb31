/** Messages of bank files and reconciliation (issue 15: camt.053/054, bank CSV, pagoPA flows). */
export const bankIt = {
  'bank.xml_doctype': 'File rifiutato: contiene una dichiarazione DOCTYPE (entità XML non ammesse in un estratto conto)',
  'bank.not_camt': 'Non è un estratto camt.053 o camt.054 ISO 20022 (elemento {root}, namespace {namespace})',
  'bank.camt_version': 'Versione {version} non supportata: si leggono le versioni da .001.02 a .001.08',
  'bank.xml_broken': 'XML non valido: {detail}',
  'bank.not_utf8': 'Il file non è in UTF-8',
  'bank.field_too_long': 'Movimento illeggibile: il campo {field} supera {max} caratteri',
  'bank.no_account': 'Movimento senza il conto a cui si riferisce',
  'bank.bad_amount': 'Importo non valido: «{value}»',
  'bank.bad_currency': 'Valuta non valida: «{value}»',
  'bank.bad_direction': 'Segno non valido: «{value}» (atteso CRDT o DBIT)',
  'bank.bad_date': 'Data non valida in {field}: «{value}»',
  'bank.not_booked': 'Movimento non contabilizzato dalla banca (stato {status}): conservato, nessun pagamento',
  'bank.amount_precision': 'Importo {amount} con più di due decimali: da verificare',
  'bank.returned': 'Addebito di storno o rimborso (motivo {code}): da stornare a mano sul pagamento d’origine',
  'bank.debit': 'Addebito sul conto: nessun pagamento da registrare',
  'bank.several_debtors': 'Il riferimento indica posizioni di {count} debitori diversi: scegliere a chi imputarlo',
  'bank.currency_differs': 'Pagamento in {currency} per posizioni in {claimCurrency}',
  'bank.no_reference': 'Nessun riferimento, avviso o numero di documento riconosciuto',
};
export type BankCatalogue = Record<keyof typeof bankIt, string>;
