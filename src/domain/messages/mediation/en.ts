import type { mediationIt } from './it.ts';

export const mediationEn: Record<keyof typeof mediationIt, string> = {
  'not_found.mediation': 'Mediation not found',
  'mediation.not_available': 'No mediation or conciliation procedure is provided for this debtor in this jurisdiction ({jurisdiction})',
  'mediation.not_allowed': 'This procedure is not allowed for this debtor in this jurisdiction',
  'mediation.no_open_claims': 'No open claim of this debtor toward this creditor',
  'mediation.claim_outside': 'The claim is not open or not this debtor’s toward this creditor',
  'mediation.currency_mixed': 'The claims are in different currencies: propose one procedure per currency',
  'mediation.already_decided': 'The outcome of the procedure is already recorded',
  'mediation.agreed_amount_required': 'Give the amount agreed',
  'mediation.agreed_amount_only': 'An amount is given only for an agreement',
  'mediation.hold_reason': 'In {procedure} proposed on {date} ({law})',
  'mediation.procedure.mediazione': 'mediation (mediazione)',
  'mediation.procedure.negoziazione_assistita': 'assisted negotiation',
  'mediation.procedure.conciliazione_paritetica': 'joint conciliation (UNIREC)',
  'mediation.procedure.schlichtung': 'conciliation (Schlichtung)',
  'mediation.already_pending': 'A {procedure} proposed on {date} is still pending: no new proposal',
};
