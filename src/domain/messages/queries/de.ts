import type { QueriesCatalogue } from './it.ts';

export const queriesDe: QueriesCatalogue = {
  'queries.not_found': 'Anfrage nicht gefunden',
  'queries.not_open': 'Die Anfrage ist nicht mehr offen (Status: {status})',
  'queries.already_open': 'Zur Position {ref} gibt es bereits eine offene Anfrage dieser Art',
  'queries.claim_closed': 'Die Position {ref} ist abgeschlossen: dazu wird keine Anfrage eröffnet',
  'queries.answer_not_for_kind': 'Diese Antwort passt nicht zu dieser Art von Anfrage',
  'queries.plan_required': 'Bitte den zu genehmigenden Ratenplan angeben',
  'queries.plan_not_of_claim': 'Der Ratenplan betrifft diese Position nicht',
  'queries.plan_not_proposed': 'Nur ein außerhalb der Regeln vorgeschlagener Ratenplan geht zur Genehmigung an den Gläubiger (dieser ist: {state})',
  'queries.return_reason_required': 'Bitte den Grund der Rückgabe angeben',
  'queries.components_required': 'Bitte die berichtigten Beträge der Bestandteile angeben',
  'queries.component_unknown': 'Bestandteil {position} gibt es in dieser Position nicht',
  'queries.component_below_paid': 'Bestandteil {position} kann nicht unter das bereits Gezahlte sinken ({paid} €)',
  'queries.correction_same': 'Die angegebenen Beträge sind die bereits erfassten',
  'queries.payment_required': 'Bitte Betrag und Datum der direkt an den Gläubiger geleisteten Zahlung angeben',
  'queries.payment_above_due': 'Die Zahlung von {amount} € übersteigt den geschuldeten Betrag der Position ({due} €)',
  'queries.only_question_closes': 'Ohne Antwort geschlossen wird nur eine freie Frage',
  'queries.desk_dispute': 'Einwand, am Telefon vom Desk aufgenommen',
  'queries.desk_dispute_reason': 'Einwand, am Telefon vom Desk aufgenommen: {reason}',
  'queries.paid_to_creditor': 'Direkt an den Gläubiger geleistete Zahlung, vom Gläubiger gemeldet (Anfrage {ref})',
  'queries.returned': 'Position an den Gläubiger zurückgegeben: {reason}',
};
