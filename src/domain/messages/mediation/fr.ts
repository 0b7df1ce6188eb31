import type { mediationIt } from './it.ts';

export const mediationFr: Record<keyof typeof mediationIt, string> = {
  'not_found.mediation': 'Médiation introuvable',
  'mediation.not_available': 'Aucune procédure de médiation ou de conciliation n’est prévue pour ce débiteur dans cette juridiction ({jurisdiction})',
  'mediation.not_allowed': 'Cette procédure n’est pas admise pour ce débiteur dans cette juridiction',
  'mediation.no_open_claims': 'Aucune créance ouverte de ce débiteur envers ce créancier',
  'mediation.claim_outside': 'La créance n’est pas ouverte ou n’est pas celle de ce débiteur envers ce créancier',
  'mediation.currency_mixed': 'Les créances sont dans des devises différentes : proposer une procédure par devise',
  'mediation.already_decided': 'L’issue de la procédure est déjà enregistrée',
  'mediation.agreed_amount_required': 'Indiquer le montant convenu',
  'mediation.agreed_amount_only': 'Un montant n’est indiqué que pour un accord',
  'mediation.hold_reason': 'En {procedure} proposée le {date} ({law})',
  'mediation.procedure.mediazione': 'médiation (mediazione)',
  'mediation.procedure.negoziazione_assistita': 'négociation assistée',
  'mediation.procedure.conciliazione_paritetica': 'conciliation paritaire (UNIREC)',
  'mediation.procedure.schlichtung': 'conciliation (Schlichtung)',
  'mediation.already_pending': 'Une procédure ({procedure}) proposée le {date} est encore en cours : aucune nouvelle proposition',
};
