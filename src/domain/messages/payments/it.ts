/** Messages of reversals of payments and settlements (issue 15 items 3 and 6). */
export const paymentsIt = {
  // the payments CSV export's column headers (planui)
  'payment.csv.value_date': 'data valuta',
  'payment.csv.amount': 'importo',
  'payment.csv.currency': 'valuta',
  'payment.csv.creditor': 'mandante',
  'payment.csv.debtor': 'debitore',
  'payment.csv.method': 'metodo',
  'payment.csv.reference': 'riferimento',
  'payment.csv.payer': 'ordinante',
  'payment.csv.reversed_at': 'stornato il',
  'payment.csv.reversal_reason': 'motivo dello storno',
  'payment.csv.source': 'provenienza',
  'payment.csv.source_file': 'file bancario',
  'payment.csv.id': 'id pagamento',
  'payment.already_reversed': 'Pagamento già stornato il {date}',
  'payment.reversal_before_value_date': 'Lo storno non può precedere la data valuta del pagamento, {date}',
  'payment.reversal_in_future': 'La data dello storno è nel futuro',
  'settlement.public_revenue': 'Saldo e stralcio non ammesso per entrate pubbliche o tributi, salvo che il regolamento dell’ente lo consenta',
  'settlement.amount_range': 'L’importo del saldo e stralcio deve essere maggiore di zero e minore del dovuto, {owed}',
  'settlement.hold_reason': 'Saldo e stralcio offerto: solleciti sospesi fino alla scadenza dell’offerta, {deadline}',
  'settlement.deadline_past': 'La scadenza dell’offerta è già passata',
  'settlement.deadline_too_far': 'La scadenza dell’offerta può essere al più il {date}',
  'settlement.beyond_operator': 'Lo sconto supera l’autonomia dell’operatore: serve l’approvazione di un supervisore',
  'settlement.below_creditor_minimum': 'L’importo è sotto il minimo accettato dal mandante: serve l’approvazione di un supervisore',
  'settlement.not_awaiting_approval': 'Il saldo e stralcio non è in attesa di approvazione (stato {state})',
  'settlement.positions': 'Posizioni non valide: devono essere aperte, dello stesso debitore, mandante e valuta',
  'not_found.settlement': 'Saldo e stralcio non trovato',
  'settlement.not_open': 'Il saldo e stralcio non è aperto (stato {state})',
  'settlement.not_yet_paid': 'Pagati {paid} dei {amount} concordati: il saldo e stralcio resta aperto fino al {deadline}',
} as const;

export type PaymentsCatalogue = Record<keyof typeof paymentsIt, string>;
