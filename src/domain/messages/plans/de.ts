import type { PlansCatalogue } from './it.ts';

export const plansDe: PlansCatalogue = {
  'plans.c797_minimum': 'Die Satzung muss über 6.000,01 € mindestens 36 Monatsraten zulassen (Art. 1 Abs. 797 G. 160/2019): sie lässt höchstens {most} zu',
  'plans.too_small': 'Ein Betrag von {total} € kann nicht in Raten bezahlt werden (bis {upTo} €)',
  'plans.too_many': '{count} Raten sind mehr als die für {total} € zulässigen {max}',
  'plans.too_few': '{count} Raten sind weniger als die für {total} € vorgesehenen {min}',
  'plans.instalment_too_small': 'Die Rate von {smallest} € liegt unter dem Mindestbetrag von {min} €',
  'plans.first_payment_too_small': 'Die erste Zahlung muss mindestens {least} € betragen',
};
