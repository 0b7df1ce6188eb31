import type { legalIt } from './it.ts';

export const legalDe: { readonly [K in keyof typeof legalIt]: string } = {
  'legal.reason.deceased': 'Schuldner verstorben: gegen die Erben erst nach Annahme der Erbschaft (Art. 752 c.c.).',
  'legal.reason.ceased': 'Unternehmen aufgegeben oder gelöscht: Klage nur gegen die Gesellschafter bis zum Erhaltenen (Art. 2495 c.c.).',
  'legal.reason.insolvency': 'Insolvenzverfahren eröffnet: Einzelmassnahmen ruhen; die Forderung ist im Verfahren anzumelden.',
  'legal.reason.hardship': 'Schuldner in gemeldeter Notlage: ein Gerichtsverfahren bringt voraussichtlich nichts ein.',
  'legal.reason.guarantee_covers': 'Eine gültige Sicherheit deckt {cover} der geschuldeten {due}: zuerst sie in Anspruch nehmen.',
  'legal.reason.costs_too_high': 'Geschuldet {due} bei erwarteten Kosten von {costs}: weniger als das {ratio}-fache der Kosten, das Verfahren lohnt sich nicht.',
  'legal.reason.amount_covers_costs': 'Geschuldet {due} bei erwarteten Kosten von {costs}: mindestens das {ratio}-fache der Kosten, das Verfahren lohnt sich.',
  'legal.reason.insolvency_unknown': 'Insolvenzstatus nicht erfasst: Handelsregister und offene Verfahren prüfen.',
  'legal.reason.guarantees_unknown': 'Kein Sicherheitenregister vorhanden: prüfen, ob Sicherheiten bestehen.',
  'legal.reason.costs_unverified': 'Einige erwartete Kosten sind NICHT GEPRÜFTE Schätzungen (Quelle angegeben): vor dem Entscheid prüfen.',
  'legal.not_legal_tier': 'Die Forderung ist nicht in der Rechtsstufe: einer Kanzlei erst nach den Mahnungen übergeben.',
  'legal.already_handed_over': 'Die Forderung ist bereits bei einer Kanzlei.',
  'legal.claim_closed': 'Die Forderung ist abgeschlossen: sie wird keiner Kanzlei übergeben.',
  'legal.firm_user_unknown': 'Unbekannter oder inaktiver Benutzer der Kanzlei.',
  'legal.date_in_future': 'Das Datum darf nicht in der Zukunft liegen.',
  'legal.date_before_handoff': 'Das Datum darf nicht vor der Übergabe am {date} liegen.',
  'legal.withdrawn': 'Die Übergabe wurde zurückgezogen: es wird kein weiteres Ergebnis erfasst.',
  'not_found.legal_dossier': 'Rechtsdossier nicht gefunden',
  'legal.cost_label': 'Rechtskosten ({firm}): {label}',
};
