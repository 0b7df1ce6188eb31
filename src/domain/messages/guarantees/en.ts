import type { guaranteesIt } from './it.ts';

export const guaranteesEn: Record<keyof typeof guaranteesIt, string> = {
  'not_found.guarantee': 'Guarantee not found',
  'not_found.guarantor': 'Guarantor not found',
  'not_found.attachment': 'Document not found',
  'guarantees.not_active': 'The guarantee is no longer active (enforced or released)',
  'guarantees.expired': 'The guarantee expired on {date}: it can no longer be enforced',
  'guarantees.not_yet_valid': 'The guarantee is valid only from {date}',
  'guarantees.nothing_due': 'Nothing is due on the claims the guarantee covers',
  'guarantees.issuer_mismatch': 'This kind of guarantee cannot be given by this guarantor',
  'guarantees.claims_required': 'Name the claims the guarantee covers',
  'guarantees.claim_outside': 'The claim is not this debtor’s toward this creditor',
  'guarantees.currency_mismatch': 'The claim is in {currency}, the guarantee in another currency',
  'guarantees.guarantor_required': 'Name the guarantor: one already recorded or a new one',
  'guarantees.document_type': 'Document not accepted: PDF, JPEG or PNG',
  'guarantees.document_too_large': 'Document too large (at most {max} MB)',
  'guarantees.guarantor_no_contact': 'The guarantor has no contact for the demand: give its e-mail or its full postal address (street, postal code, city)',
  'guarantees.none_enforceable': 'No active, valid guarantee covers the claim (or nothing is left to ask the guarantor)',
};
