/** Messages of mediation and conciliation (issue 17 item 4). */
export const mediationIt = {
  'not_found.mediation': 'Mediazione non trovata',
  'mediation.not_available': 'Per questo debitore e questa giurisdizione ({jurisdiction}) non è prevista una procedura di mediazione o conciliazione',
  'mediation.not_allowed': 'Questa procedura non è ammessa per questo debitore in questa giurisdizione',
  'mediation.no_open_claims': 'Nessun credito aperto di questo debitore verso questo mandante',
  'mediation.claim_outside': 'Il credito non è aperto o non è di questo debitore verso questo mandante',
  'mediation.currency_mixed': 'I crediti sono in valute diverse: proporre una procedura per valuta',
  'mediation.already_decided': 'L’esito della procedura è già registrato',
  'mediation.agreed_amount_required': 'Indicare l’importo concordato',
  'mediation.agreed_amount_only': 'L’importo si indica solo per un accordo',
  'mediation.hold_reason': 'In {procedure} proposta il {date} ({law})',
  'mediation.procedure.mediazione': 'mediazione',
  'mediation.procedure.negoziazione_assistita': 'negoziazione assistita',
  'mediation.procedure.conciliazione_paritetica': 'conciliazione paritetica',
  'mediation.procedure.schlichtung': 'conciliazione (Schlichtung)',
  'mediation.already_pending': 'È già in corso una {procedure} proposta il {date}: nessuna nuova proposta',
} as const;
