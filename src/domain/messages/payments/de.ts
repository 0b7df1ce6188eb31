import type { PaymentsCatalogue } from './it.ts';

export const paymentsDe: PaymentsCatalogue = {
  'payment.already_reversed': 'Zahlung bereits am {date} storniert',
  'payment.reversal_before_value_date': 'Die Stornierung kann nicht vor dem Valutadatum der Zahlung liegen, {date}',
  'payment.reversal_in_future': 'Das Stornodatum liegt in der Zukunft',
};
