import type { PlansCatalogue } from './it.ts';

export const plansEn: PlansCatalogue = {
  'plans.c797_minimum': 'The regulation must allow at least 36 monthly instalments above €6,000.01 (art. 1 c.797 L. 160/2019): it allows at most {most}',
  'plans.too_small': 'An amount of €{total} cannot be paid in instalments (up to €{upTo})',
  'plans.too_many': '{count} instalments are more than the {max} allowed for €{total}',
  'plans.too_few': '{count} instalments are fewer than the {min} set for €{total}',
  'plans.instalment_too_small': 'The instalment of €{smallest} is below the minimum of €{min}',
  'plans.first_payment_too_small': 'The first payment must be at least €{least}',
};
