import type { alertsIt } from './it.ts';

export const alertsFr: Record<keyof typeof alertsIt, string> = {
  'alerts.mail_subject': 'incasso : {total} nouveautés sur vos créances ({from} – {to})',
  'alerts.mail_intro': 'Bonjour {name},\n\nvoici ce qui s’est passé sur vos créances du {from} au {to} :',
  'alerts.mail_outro': 'Les mêmes informations figurent sur le tableau de bord d’incasso. Pour choisir vos alertes : tableau de bord → Alertes.\n\nCe message est envoyé automatiquement par incasso.',
  'alerts.kind.overdue': 'Factures arrivées à échéance impayées ({count})',
  'alerts.kind.promise_broken': 'Promesses de paiement non tenues ({count})',
  'alerts.kind.plan_lapsed': 'Plans de paiement devenus caducs ({count})',
  'alerts.kind.dispute_opened': 'Contestations ouvertes ({count})',
  'alerts.kind.guarantee_expiring': 'Garanties arrivant à échéance ({count})',
  'alerts.item': '– {on} · {debtor}{ref} : {amount}',
  'alerts.more': '  … et {count} autres',
  'alerts.made': 'Récapitulatifs d’alertes préparés : {digests} ; e-mails en file d’attente : {mails}.',
};
