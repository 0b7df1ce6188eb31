import type { riskIt } from './it.ts';

export const riskFr: Record<keyof typeof riskIt, string> = {
  'risk.refreshed': 'incasso : {tenant}, profils de risque au {day} : {profiles} profils calculés en {seconds} s',
  'risk.explanation': '{class} : {reasons}',
  'risk.reason_late_recent': '{late} des {recent} dernières factures payées avec plus de {days} jours de retard',
  'risk.reason_plan_lapsed': 'un plan caduc en {year}',
  'risk.reason_plans_lapsed': '{count} plans caducs, le dernier en {year}',
  'risk.reason_promise_broken': 'une promesse de paiement non tenue',
  'risk.reason_promises_broken': '{count} promesses de paiement non tenues',
  'risk.reason_overdue': 'la plus ancienne facture ouverte est échue depuis {days} jours',
  'risk.reason_on_time_low': 'seulement {percent} % des {paid} factures payées réglées à l’échéance',
  'risk.reason_worsening': 'retards en hausse : {now} jours en moyenne sur les 12 derniers mois contre {before} sur les 12 précédents',
  'risk.reason_good': 'paie à l’heure : {percent} % des {paid} factures payées réglées à l’échéance',
  'risk.reason_no_history': 'aucune facture encore payée : historique insuffisant',
  'risk.advice_class': 'classe de risque {class}',
  'risk.advice_close': 'impayés répétés : conseiller au créancier de cesser les livraisons et de mettre fin à la relation, en proposant une solution pour le solde',
  'risk.advice_guarantee': 'exiger une garantie (caution bancaire ou d’assurance) avant de livrer à nouveau',
  'risk.advice_negotiate': 'le client a toujours payé et traverse une difficulté passagère : négocier en proposant un plan de paiement',
  'risk.advice_high_exposure': 'encours de {amount}, au-dessus du seuil de {threshold}',
  'risk.no_advice': 'Aucun conseil pour ce débiteur : aucune de ses créances n’est au stade de la négociation',
};
