import type { guaranteesIt } from './it.ts';

export const guaranteesFr: Record<keyof typeof guaranteesIt, string> = {
  'not_found.guarantee': 'Garantie introuvable',
  'not_found.guarantor': 'Garant introuvable',
  'not_found.attachment': 'Document introuvable',
  'guarantees.not_active': 'La garantie n’est plus active (appelée ou libérée)',
  'guarantees.expired': 'La garantie a expiré le {date} : elle ne peut plus être appelée',
  'guarantees.not_yet_valid': 'La garantie n’est valable qu’à partir du {date}',
  'guarantees.nothing_due': 'Rien n’est dû sur les créances couvertes par la garantie',
  'guarantees.issuer_mismatch': 'Ce garant ne peut pas donner ce type de garantie',
  'guarantees.claims_required': 'Indiquer les créances couvertes par la garantie',
  'guarantees.claim_outside': 'La créance n’est pas celle de ce débiteur envers ce créancier',
  'guarantees.currency_mismatch': 'La créance est en {currency}, la garantie dans une autre devise',
  'guarantees.guarantor_required': 'Indiquer le garant : un garant enregistré ou un nouveau',
  'guarantees.document_type': 'Document refusé : PDF, JPEG ou PNG',
  'guarantees.document_too_large': 'Document trop volumineux ({max} Mo au plus)',
  'guarantees.guarantor_no_contact': 'Le garant n’a pas de coordonnées pour la demande : indiquer son e-mail ou son adresse postale complète (rue, code postal, ville)',
  'guarantees.none_enforceable': 'Aucune garantie active et valable ne couvre la créance (ou plus rien n’est à demander au garant)',
};
