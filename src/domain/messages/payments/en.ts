import type { PaymentsCatalogue } from './it.ts';

export const paymentsEn: PaymentsCatalogue = {
  'payment.already_reversed': 'Payment already reversed on {date}',
  'payment.reversal_before_value_date': 'A reversal cannot precede the payment’s value date, {date}',
  'payment.reversal_in_future': 'The reversal date is in the future',
};
