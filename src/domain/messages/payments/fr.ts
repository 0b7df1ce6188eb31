import type { PaymentsCatalogue } from './it.ts';

export const paymentsFr: PaymentsCatalogue = {
  'payment.already_reversed': 'Paiement déjà extourné le {date}',
  'payment.reversal_before_value_date': 'L’extourne ne peut précéder la date de valeur du paiement, {date}',
  'payment.reversal_in_future': 'La date de l’extourne est dans le futur',
};
