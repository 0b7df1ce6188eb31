import type { alertsIt } from './it.ts';

export const alertsEn: Record<keyof typeof alertsIt, string> = {
  'alerts.mail_subject': 'incasso: {total} updates on your receivables ({from} – {to})',
  'alerts.mail_intro': 'Good morning {name},\n\nhere is what happened to your receivables from {from} to {to}:',
  'alerts.mail_outro': 'The same is on incasso’s dashboard. To choose which alerts you get: dashboard → Alerts.\n\nThis message is sent automatically by incasso.',
  'alerts.kind.overdue': 'Invoices now overdue ({count})',
  'alerts.kind.promise_broken': 'Promises to pay broken ({count})',
  'alerts.kind.plan_lapsed': 'Instalment plans lapsed ({count})',
  'alerts.kind.dispute_opened': 'Disputes opened ({count})',
  'alerts.kind.guarantee_expiring': 'Guarantees about to expire ({count})',
  'alerts.item': '– {on} · {debtor}{ref}: {amount}',
  'alerts.more': '  … and {count} more',
  'alerts.made': 'Alert digests made: {digests}; e-mails queued: {mails}.',
};
