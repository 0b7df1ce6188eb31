import type { alertsIt } from './it.ts';

export const alertsDe: Record<keyof typeof alertsIt, string> = {
  'alerts.mail_subject': 'incasso: {total} Neuigkeiten zu Ihren Forderungen ({from} – {to})',
  'alerts.mail_intro': 'Guten Morgen {name},\n\ndas hat sich vom {from} bis {to} bei Ihren Forderungen ergeben:',
  'alerts.mail_outro': 'Dasselbe steht im Dashboard von incasso. Welche Hinweise Sie erhalten, wählen Sie dort unter „Hinweise“.\n\nDiese Nachricht wird von incasso automatisch versandt.',
  'alerts.kind.overdue': 'Neu überfällige Rechnungen ({count})',
  'alerts.kind.promise_broken': 'Nicht eingehaltene Zahlungsversprechen ({count})',
  'alerts.kind.plan_lapsed': 'Hinfällig gewordene Ratenpläne ({count})',
  'alerts.kind.dispute_opened': 'Neue Bestreitungen ({count})',
  'alerts.kind.guarantee_expiring': 'Bald ablaufende Sicherheiten ({count})',
  'alerts.item': '– {on} · {debtor}{ref}: {amount}',
  'alerts.more': '  … und {count} weitere',
  'alerts.made': 'Hinweis-Zusammenfassungen erstellt: {digests}; E-Mails in der Warteschlange: {mails}.',
};
