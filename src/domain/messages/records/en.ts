import type { RecordsCatalogue } from './it.ts';

export const recordsEn: RecordsCatalogue = {
  'records.text_nul': 'NUL character not allowed',
  'records.text_control': 'Control characters not allowed',
  'records.text_line_break': 'Line breaks not allowed in this field: one line only',
  'records.text_control_tabs': 'Control characters not allowed, tabs included',
  'records.text_bidi': 'Text direction control characters not allowed',

  'records.debtor_kind': 'Kind required: consumer, sole_trader, company or public_administration',
  'records.surname_required': 'A person needs a surname',
  'records.company_name_required': 'Company name required',
  'records.person_tax_code_length': 'A person’s tax code has 16 characters',
  'records.debtor_tax_code_taken': 'A debtor with this tax code already exists',
  'records.debtor_vat_taken': 'A debtor with this VAT number already exists',

  'records.contact_channel': 'Channel: phone, mobile, email or pec',
  'records.contact_value_required': 'Contact required',
  'records.contact_phone': 'Invalid phone number: use the international prefix for numbers abroad',
  'records.country_code': 'Country: two-letter ISO code, e.g. IT',

  'records.status_from_payments': 'The "paid" status follows from payments: record a payment',
  'records.rate_percent': 'Rate in percent, e.g. 8.5',
  'records.rate_above_100': 'Rate above 100%',
  'records.percentage_points': 'Percentage points, e.g. 3 or -0.5',

  'records.note_empty': 'The note is empty',
  'records.note_too_long': 'Note too long: at most {max} characters',
  'records.note_claim_of_other_debtor': 'The claim belongs to another debtor',
  'records.note_author_only': 'Only the author may edit this note',

  'records.idempotency_key_format': 'Idempotency key: 8–100 characters A-Z a-z 0-9 . _ : -',
  'records.allocations_or_claim_ids': 'Give allocations or claimIds, not both',
  'records.value_date_too_old': 'Value date implausibly old: not before {date}',
  'records.value_date_before_claims': 'Value date before any open claim existed (the first dates from {date})',
  'records.allocation_repeated': 'Claim repeated: one allocation per claim',
  'records.allocation_other_claim': 'The claim is not one of this debtor and creditor',
  'records.allocation_currency': 'Claim in {claimCurrency}, payment in {paymentCurrency}',
  'records.allocation_not_open': 'Claim {ref} is not open',
  'records.value_date_before_claim': 'Value date {valueDate} before claim {ref} existed (dated {origin})',
  'records.allocation_above_due': 'More than the claim owes on {date} ({due})',
  'records.allocations_exceed_payment': 'The allocations exceed the payment',

  'records.percentage_format': 'Invalid percentage, e.g. 12.5',
  'records.percentage_above_100': 'Percentage above 100',
  'records.creditor_code_format': 'Code: letters, digits, - and _ (at most 32)',
  'records.reminder_fees_max': 'At most {max} reminders',
  'records.mandate_ends_before_start': 'The mandate ends before it starts',
};
