/** Messages of instalment plans (issue 15): rules per creditor, c.796–800 L. 160/2019. */
export const plansIt = {
  'plans.c797_minimum': 'Il regolamento deve consentire almeno 36 rate mensili oltre 6.000,01 € (art. 1 c.797 L. 160/2019): ne consente al massimo {most}',
  'plans.too_small': 'Un importo di {total} € non è rateizzabile (fino a {upTo} €)',
  'plans.too_many': '{count} rate sono più delle {max} consentite per {total} €',
  'plans.too_few': '{count} rate sono meno delle {min} previste per {total} €',
  'plans.instalment_too_small': 'La rata di {smallest} € è inferiore al minimo di {min} €',
  'plans.first_payment_too_small': 'Il primo versamento deve essere di almeno {least} €',
};
export type PlansCatalogue = Record<keyof typeof plansIt, string>;
