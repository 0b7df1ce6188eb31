import type { mediationIt } from './it.ts';

export const mediationDe: Record<keyof typeof mediationIt, string> = {
  'not_found.mediation': 'Schlichtung nicht gefunden',
  'mediation.not_available': 'Für diesen Schuldner und diese Rechtsordnung ({jurisdiction}) ist kein Schlichtungs- oder Vermittlungsverfahren vorgesehen',
  'mediation.not_allowed': 'Dieses Verfahren ist für diesen Schuldner in dieser Rechtsordnung nicht zulässig',
  'mediation.no_open_claims': 'Keine offene Forderung dieses Schuldners gegenüber diesem Gläubiger',
  'mediation.claim_outside': 'Die Forderung ist nicht offen oder gehört nicht zu diesem Schuldner und Gläubiger',
  'mediation.currency_mixed': 'Die Forderungen lauten auf verschiedene Währungen: ein Verfahren je Währung vorschlagen',
  'mediation.already_decided': 'Das Ergebnis des Verfahrens ist bereits erfasst',
  'mediation.agreed_amount_required': 'Den vereinbarten Betrag angeben',
  'mediation.agreed_amount_only': 'Ein Betrag wird nur bei einer Einigung angegeben',
  'mediation.hold_reason': 'In {procedure}, vorgeschlagen am {date} ({law})',
  'mediation.procedure.mediazione': 'Mediation (mediazione)',
  'mediation.procedure.negoziazione_assistita': 'begleitete Verhandlung (negoziazione assistita)',
  'mediation.procedure.conciliazione_paritetica': 'paritätische Schlichtung (UNIREC)',
  'mediation.procedure.schlichtung': 'Schlichtung',
  'mediation.already_pending': 'Ein am {date} vorgeschlagenes Verfahren ({procedure}) ist noch offen: kein neuer Vorschlag',
};
