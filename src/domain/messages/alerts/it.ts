/** Messages of the daily alerts to a creditor's users (issue 17 item 6). */
export const alertsIt = {
  'alerts.mail_subject': 'incasso: {total} novità sui vostri crediti ({from} – {to})',
  'alerts.mail_intro': 'Buongiorno {name},\n\necco le novità sui crediti dal {from} al {to}:',
  'alerts.mail_outro': 'Le stesse informazioni sono sul cruscotto di incasso. Per scegliere quali avvisi ricevere: cruscotto → Avvisi.\n\nMessaggio inviato automaticamente da incasso.',
  'alerts.kind.overdue': 'Fatture scadute ({count})',
  'alerts.kind.promise_broken': 'Promesse di pagamento non mantenute ({count})',
  'alerts.kind.plan_lapsed': 'Piani di rateizzazione decaduti ({count})',
  'alerts.kind.dispute_opened': 'Contestazioni aperte ({count})',
  'alerts.kind.guarantee_expiring': 'Garanzie in scadenza ({count})',
  'alerts.item': '– {on} · {debtor}{ref}: {amount}',
  'alerts.more': '  … e altre {count}',
  'alerts.made': 'Riepiloghi di avvisi preparati: {digests}; e-mail in coda: {mails}.',
} as const;
