import type { PaymentsCatalogue } from './it.ts';

export const paymentsFr: PaymentsCatalogue = {
  'payment.already_reversed': 'Paiement déjà extourné le {date}',
  'payment.reversal_before_value_date': 'L’extourne ne peut précéder la date de valeur du paiement, {date}',
  'payment.reversal_in_future': 'La date de l’extourne est dans le futur',
  'settlement.public_revenue': 'Transaction pour solde non admise pour des recettes publiques ou des impôts, sauf si le règlement de l’entité l’autorise',
  'settlement.amount_range': 'Le montant de la transaction doit être supérieur à zéro et inférieur au dû, {owed}',
  'settlement.deadline_past': 'L’échéance de l’offre est déjà passée',
  'settlement.deadline_too_far': 'L’échéance de l’offre peut être au plus tard le {date}',
  'settlement.beyond_operator': 'La remise dépasse l’autonomie de l’opérateur : un superviseur doit l’approuver',
  'settlement.below_creditor_minimum': 'Le montant est inférieur au minimum du mandant : un superviseur doit l’approuver',
  'settlement.not_awaiting_approval': 'La transaction n’attend pas d’approbation (état {state})',
  'settlement.positions': 'Positions non valides : elles doivent être ouvertes, du même débiteur, mandant et devise',
  'not_found.settlement': 'Transaction pour solde introuvable',
  'settlement.not_open': 'La transaction n’est pas ouverte (état {state})',
  'settlement.not_yet_paid': '{paid} payés sur les {amount} convenus : la transaction reste ouverte jusqu’au {deadline}',
};
