import type { legalIt } from './it.ts';

export const legalFr: { readonly [K in keyof typeof legalIt]: string } = {
  'legal.reason.deceased': 'Débiteur décédé : on agit contre les héritiers seulement après l’acceptation de la succession (art. 752 c.c.).',
  'legal.reason.ceased': 'Entreprise cessée ou radiée : action seulement contre les associés à hauteur de ce qu’ils ont reçu (art. 2495 c.c.).',
  'legal.reason.insolvency': 'Procédure collective ouverte : les poursuites individuelles sont suspendues ; la créance est à déclarer.',
  'legal.reason.hardship': 'Débiteur signalé en difficulté : l’action en justice risque de ne rien recouvrer.',
  'legal.reason.guarantee_covers': 'Une garantie en vigueur couvre {cover} des {due} dus : la mettre en œuvre d’abord.',
  'legal.reason.costs_too_high': '{due} dus pour des frais prévus de {costs} : moins de {ratio} fois les frais, l’action ne vaut pas la peine.',
  'legal.reason.amount_covers_costs': '{due} dus pour des frais prévus de {costs} : au moins {ratio} fois les frais, l’action vaut la peine.',
  'legal.reason.insolvency_unknown': 'Situation d’insolvabilité non enregistrée : vérifier le registre du commerce et les procédures ouvertes.',
  'legal.reason.guarantees_unknown': 'Pas de registre des garanties : vérifier s’il existe des garanties.',
  'legal.reason.costs_unverified': 'Certains frais prévus sont des estimations NON VÉRIFIÉES (source indiquée) : les contrôler avant de décider.',
  'legal.not_legal_tier': 'La créance n’est pas au stade judiciaire : elle n’est confiée à un cabinet qu’après les relances.',
  'legal.already_handed_over': 'La créance est déjà confiée à un cabinet d’avocats.',
  'legal.claim_closed': 'La créance est close : elle n’est pas confiée à un cabinet.',
  'legal.firm_user_unknown': 'Utilisateur du cabinet inconnu ou inactif.',
  'legal.date_in_future': 'La date ne peut pas être dans le futur.',
  'legal.date_before_handoff': 'La date ne peut pas précéder la remise du {date}.',
  'legal.withdrawn': 'La remise a été retirée : aucun autre résultat n’est enregistré.',
  'not_found.legal_dossier': 'Dossier contentieux introuvable',
  'legal.cost_label': 'Frais de justice ({firm}) : {label}',
};
