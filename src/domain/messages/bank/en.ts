import type { BankCatalogue } from './it.ts';

export const bankEn: BankCatalogue = {
  'bank.xml_doctype': 'File refused: it contains a DOCTYPE declaration (XML entities are not allowed in a bank statement)',
  'bank.not_camt': 'Not an ISO 20022 camt.053 or camt.054 statement (element {root}, namespace {namespace})',
  'bank.camt_version': 'Version {version} is not supported: versions .001.02 to .001.08 are read',
  'bank.xml_broken': 'Invalid XML: {detail}',
  'bank.not_utf8': 'The file is not UTF-8',
  'bank.field_too_long': 'Entry unreadable: the field {field} is longer than {max} characters',
  'bank.no_account': 'Entry without the account it belongs to',
  'bank.bad_amount': 'Invalid amount: “{value}”',
  'bank.bad_currency': 'Invalid currency: “{value}”',
  'bank.bad_direction': 'Invalid sign: “{value}” (CRDT or DBIT expected)',
  'bank.bad_date': 'Invalid date in {field}: “{value}”',
  'bank.not_booked': 'Entry not booked by the bank (status {status}): kept, no payment',
  'bank.amount_precision': 'Amount {amount} with more than two decimals: to be checked',
  'bank.returned': 'Return or refund debit (reason {code}): reverse the original payment by hand',
  'bank.debit': 'Debit on the account: no payment to record',
  'bank.several_debtors': 'The reference names positions of {count} different debtors: choose whom it pays',
  'bank.currency_differs': 'Payment in {currency} for positions in {claimCurrency}',
  'bank.no_reference': 'No reference, notice code or document number recognised',
};
