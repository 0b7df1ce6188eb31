import type { guaranteesIt } from './it.ts';

export const guaranteesDe: Record<keyof typeof guaranteesIt, string> = {
  'not_found.guarantee': 'Sicherheit nicht gefunden',
  'not_found.guarantor': 'Sicherungsgeber nicht gefunden',
  'not_found.attachment': 'Dokument nicht gefunden',
  'guarantees.not_active': 'Die Sicherheit ist nicht mehr aktiv (in Anspruch genommen oder freigegeben)',
  'guarantees.expired': 'Die Sicherheit ist am {date} abgelaufen: sie kann nicht mehr in Anspruch genommen werden',
  'guarantees.not_yet_valid': 'Die Sicherheit gilt erst ab {date}',
  'guarantees.nothing_due': 'Auf den gedeckten Forderungen ist nichts offen',
  'guarantees.issuer_mismatch': 'Diese Art Sicherheit kann dieser Sicherungsgeber nicht leisten',
  'guarantees.claims_required': 'Die gedeckten Forderungen angeben',
  'guarantees.claim_outside': 'Die Forderung gehört nicht zu diesem Schuldner und diesem Gläubiger',
  'guarantees.currency_mismatch': 'Die Forderung lautet auf {currency}, die Sicherheit auf eine andere Währung',
  'guarantees.guarantor_required': 'Den Sicherungsgeber angeben: einen erfassten oder einen neuen',
  'guarantees.document_type': 'Dokument nicht angenommen: PDF, JPEG oder PNG',
  'guarantees.document_too_large': 'Dokument zu gross (höchstens {max} MB)',
  'guarantees.guarantor_no_contact': 'Für den Sicherungsgeber fehlt eine Kontaktangabe für die Aufforderung: E-Mail oder vollständige Postanschrift (Strasse, PLZ, Ort) angeben',
  'guarantees.none_enforceable': 'Keine aktive, gültige Sicherheit deckt die Forderung (oder vom Sicherungsgeber ist nichts mehr zu fordern)',
};
