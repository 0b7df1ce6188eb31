/** Messages of reversals of payments and settlements (issue 15 items 3 and 6). */
export const paymentsIt = {
  'payment.already_reversed': 'Pagamento già stornato il {date}',
  'payment.reversal_before_value_date': 'Lo storno non può precedere la data valuta del pagamento, {date}',
  'payment.reversal_in_future': 'La data dello storno è nel futuro',
} as const;

export type PaymentsCatalogue = Record<keyof typeof paymentsIt, string>;
