/** Messages of guarantees (issue 17 item 3). */
export const guaranteesIt = {
  'not_found.guarantee': 'Garanzia non trovata',
  'not_found.guarantor': 'Garante non trovato',
  'not_found.attachment': 'Documento non trovato',
  'guarantees.not_active': 'La garanzia non è più attiva (escussa o svincolata)',
  'guarantees.expired': 'La garanzia è scaduta il {date}: non si può più escutere',
  'guarantees.not_yet_valid': 'La garanzia è valida solo dal {date}',
  'guarantees.nothing_due': 'I crediti coperti dalla garanzia non hanno nulla da pagare',
  'guarantees.issuer_mismatch': 'Questo tipo di garanzia non può essere prestato da questo garante',
  'guarantees.claims_required': 'Indicare i crediti coperti dalla garanzia',
  'guarantees.claim_outside': 'Il credito non è di questo debitore verso questo mandante',
  'guarantees.currency_mismatch': 'Il credito è in {currency}, la garanzia in un’altra valuta',
  'guarantees.guarantor_required': 'Indicare il garante: uno già registrato o uno nuovo',
  'guarantees.document_type': 'Documento non accettato: PDF, JPEG o PNG',
  'guarantees.document_too_large': 'Documento troppo grande (massimo {max} MB)',
  'guarantees.guarantor_no_contact': 'Il garante non ha un recapito per la richiesta: indicare la sua e-mail o il suo indirizzo postale completo (via, CAP, città)',
  'guarantees.none_enforceable': 'Nessuna garanzia attiva e valida copre il credito (o non resta nulla da chiedere al garante)',
} as const;
