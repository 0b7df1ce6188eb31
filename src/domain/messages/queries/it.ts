/** Messages of the queries between the agency and the creditor (issue 16 item 4). */
export const queriesIt = {
  'queries.not_found': 'Richiesta non trovata',
  'queries.not_open': 'La richiesta non è più aperta (stato: {status})',
  'queries.already_open': 'Sulla posizione {ref} c’è già una richiesta aperta di questo tipo',
  'queries.claim_closed': 'La posizione {ref} è chiusa: non si apre una richiesta su di essa',
  'queries.answer_not_for_kind': 'Questa risposta non vale per questo tipo di richiesta',
  'queries.plan_required': 'Indicare il piano da approvare',
  'queries.plan_not_of_claim': 'Il piano non riguarda questa posizione',
  'queries.plan_not_proposed': 'Solo un piano proposto fuori dalle regole va approvato dall’ente (questo è: {state})',
  'queries.plan_already_asked': 'Questo piano è già in attesa della risposta dell’ente (richiesta del {date})',
  'queries.return_reason_required': 'Indicare il motivo della restituzione',
  'queries.components_required': 'Indicare gli importi corretti delle componenti',
  'queries.component_unknown': 'La componente {position} non esiste in questa posizione',
  'queries.component_below_paid': 'La componente {position} non può scendere sotto quanto già pagato ({paid} €)',
  'queries.correction_same': 'Gli importi indicati sono quelli già presenti',
  'queries.payment_required': 'Indicare importo e data del pagamento diretto all’ente',
  'queries.payment_above_due': 'Il pagamento di {amount} € supera quanto dovuto sulla posizione ({due} €)',
  'queries.only_question_closes': 'Si chiude senza risposta soltanto una domanda libera',
  'queries.desk_dispute': 'Contestazione raccolta al telefono dal desk',
  'queries.desk_dispute_reason': 'Contestazione raccolta al telefono dal desk: {reason}',
  'queries.dispute_withdrawn': 'Contestazione ritirata dall’agenzia: la posizione torna in riscossione. Motivo: {reason}',
  'queries.paid_to_creditor': 'Pagamento diretto all’ente segnalato dall’ente (richiesta {ref})',
  'queries.returned': 'Posizione restituita all’ente: {reason}',
} as const;

export type QueriesCatalogue = Record<keyof typeof queriesIt, string>;
