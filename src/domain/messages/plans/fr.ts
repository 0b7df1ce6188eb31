import type { PlansCatalogue } from './it.ts';

export const plansFr: PlansCatalogue = {
  'plans.c797_minimum': 'Le règlement doit permettre au moins 36 mensualités au-delà de 6 000,01 € (art. 1 al. 797 L. 160/2019) : il en permet au plus {most}',
  'plans.too_small': 'Un montant de {total} € ne peut pas être échelonné (jusqu’à {upTo} €)',
  'plans.too_many': '{count} échéances, c’est plus que les {max} admises pour {total} €',
  'plans.too_few': '{count} échéances, c’est moins que les {min} prévues pour {total} €',
  'plans.instalment_too_small': 'L’échéance de {smallest} € est inférieure au minimum de {min} €',
  'plans.first_payment_too_small': 'Le premier versement doit être d’au moins {least} €',
};
