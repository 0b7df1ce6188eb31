import type { QueriesCatalogue } from './it.ts';

export const queriesEn: QueriesCatalogue = {
  'queries.not_found': 'Query not found',
  'queries.not_open': 'The query is no longer open (status: {status})',
  'queries.already_open': 'Position {ref} already has an open query of this kind',
  'queries.claim_closed': 'Position {ref} is closed: no query can be opened on it',
  'queries.answer_not_for_kind': 'This answer does not apply to this kind of query',
  'queries.plan_required': 'Name the plan to approve',
  'queries.plan_not_of_claim': 'The plan does not cover this position',
  'queries.plan_not_proposed': 'Only a plan proposed outside the rules goes to the creditor for approval (this one is: {state})',
  'queries.return_reason_required': 'Give the reason the position is handed back',
  'queries.components_required': 'Give the corrected amounts of the components',
  'queries.component_unknown': 'Component {position} does not exist on this position',
  'queries.component_below_paid': 'Component {position} cannot go below what was already paid (€{paid})',
  'queries.correction_same': 'The amounts given are the ones already recorded',
  'queries.payment_required': 'Give the amount and date of the payment made directly to the creditor',
  'queries.payment_above_due': 'The payment of €{amount} is more than the position owes (€{due})',
  'queries.only_question_closes': 'Only a free question is closed without an answer',
  'queries.desk_dispute': 'Dispute taken on the phone by the desk',
  'queries.desk_dispute_reason': 'Dispute taken on the phone by the desk: {reason}',
  'queries.paid_to_creditor': 'Payment made directly to the creditor, reported by the creditor (query {ref})',
  'queries.returned': 'Position handed back to the creditor: {reason}',
};
