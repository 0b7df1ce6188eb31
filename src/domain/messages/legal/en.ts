import type { legalIt } from './it.ts';

export const legalEn: { readonly [K in keyof typeof legalIt]: string } = {
  'legal.reason.deceased': 'Debtor deceased: proceedings lie against the heirs only once they accept the estate (art. 752 c.c.).',
  'legal.reason.ceased': 'Business ceased or struck off: action lies only against the members up to what they received (art. 2495 c.c.).',
  'legal.reason.insolvency': 'Insolvency proceedings open: individual actions are stayed; the claim must be lodged in the proceedings.',
  'legal.reason.hardship': 'Debtor flagged in hardship: court action is unlikely to recover the money.',
  'legal.reason.guarantee_covers': 'A guarantee in force covers {cover} of the {due} due: enforce it first.',
  'legal.reason.costs_too_high': '{due} due against expected costs of {costs}: less than {ratio} times the costs, court action is not worth it.',
  'legal.reason.amount_covers_costs': '{due} due against expected costs of {costs}: at least {ratio} times the costs, court action is worth it.',
  'legal.reason.insolvency_unknown': 'Insolvency status not recorded: check the companies register and open proceedings.',
  'legal.reason.guarantees_unknown': 'No guarantee register available: check whether guarantees exist.',
  'legal.reason.costs_unverified': 'Some expected costs are UNVERIFIED estimates (source shown): check them before deciding.',
  'legal.not_legal_tier': 'The claim is not at the legal stage: it can be handed to a law firm only after the reminders.',
  'legal.already_handed_over': 'The claim is already with a law firm.',
  'legal.claim_closed': 'The claim is closed: it is not handed to a law firm.',
  'legal.firm_user_unknown': 'Unknown or inactive law firm user.',
  'legal.date_in_future': 'The date cannot be in the future.',
  'legal.date_before_handoff': 'The date cannot be before the hand-off on {date}.',
  'legal.withdrawn': 'The hand-off was withdrawn: no further outcome is recorded.',
  'not_found.legal_dossier': 'Legal dossier not found',
  'legal.cost_label': 'Legal costs ({firm}): {label}',
};
