import type { QueriesCatalogue } from './it.ts';

export const queriesFr: QueriesCatalogue = {
  'queries.not_found': 'Demande introuvable',
  'queries.not_open': 'La demande n’est plus ouverte (statut : {status})',
  'queries.already_open': 'La position {ref} a déjà une demande ouverte de ce type',
  'queries.claim_closed': 'La position {ref} est close : aucune demande ne peut y être ouverte',
  'queries.answer_not_for_kind': 'Cette réponse ne s’applique pas à ce type de demande',
  'queries.plan_required': 'Indiquer l’échéancier à approuver',
  'queries.plan_not_of_claim': 'L’échéancier ne concerne pas cette position',
  'queries.plan_not_proposed': 'Seul un échéancier proposé hors des règles est soumis au créancier (celui-ci est : {state})',
  'queries.return_reason_required': 'Indiquer le motif de la restitution',
  'queries.components_required': 'Indiquer les montants corrigés des composantes',
  'queries.component_unknown': 'La composante {position} n’existe pas dans cette position',
  'queries.component_below_paid': 'La composante {position} ne peut pas descendre sous ce qui a déjà été payé ({paid} €)',
  'queries.correction_same': 'Les montants indiqués sont ceux déjà enregistrés',
  'queries.payment_required': 'Indiquer le montant et la date du paiement fait directement au créancier',
  'queries.payment_above_due': 'Le paiement de {amount} € dépasse ce que doit la position ({due} €)',
  'queries.only_question_closes': 'Seule une question libre se clôt sans réponse',
  'queries.desk_dispute': 'Contestation recueillie au téléphone par le desk',
  'queries.desk_dispute_reason': 'Contestation recueillie au téléphone par le desk : {reason}',
  'queries.paid_to_creditor': 'Paiement fait directement au créancier, signalé par le créancier (demande {ref})',
  'queries.returned': 'Position restituée au créancier : {reason}',
};
