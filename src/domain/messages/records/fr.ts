import type { RecordsCatalogue } from './it.ts';

export const recordsFr: RecordsCatalogue = {
  'records.text_nul': 'Caractère NUL non autorisé',
  'records.text_control': 'Caractères de contrôle non autorisés',
  'records.text_line_break': 'Retour à la ligne non autorisé dans ce champ : une seule ligne',
  'records.text_control_tabs': 'Caractères de contrôle non autorisés, tabulations comprises',
  'records.text_bidi': 'Caractères de contrôle du sens d’écriture non autorisés',

  'records.debtor_kind': 'Type obligatoire : consumer, sole_trader, company ou public_administration',
  'records.surname_required': 'Nom de famille obligatoire pour une personne',
  'records.company_name_required': 'Raison sociale obligatoire',
  'records.person_tax_code_length': 'Le code fiscal d’une personne comporte 16 caractères',
  'records.debtor_tax_code_taken': 'Un débiteur avec ce code fiscal existe déjà',
  'records.debtor_vat_taken': 'Un débiteur avec ce numéro de TVA existe déjà',

  'records.contact_channel': 'Canal : phone, mobile, email ou pec',
  'records.contact_value_required': 'Coordonnée obligatoire',
  'records.contact_phone': 'Numéro de téléphone non valide : utilisez l’indicatif international pour l’étranger',
  'records.country_code': 'Pays : code ISO à deux lettres, p. ex. IT',

  'records.status_from_payments': 'Le statut « payé » découle des paiements : enregistrez un paiement',
  'records.rate_percent': 'Taux en pourcentage, p. ex. 8.5',
  'records.rate_above_100': 'Taux supérieur à 100 %',
  'records.percentage_points': 'Points de pourcentage, p. ex. 3 ou -0.5',

  'records.note_empty': 'La note est vide',
  'records.note_too_long': 'Note trop longue : {max} caractères au maximum',
  'records.note_claim_of_other_debtor': 'Le dossier appartient à un autre débiteur',
  'records.note_author_only': 'Seul l’auteur peut modifier cette note',

  'records.idempotency_key_format': 'Clé d’idempotence : 8 à 100 caractères A-Z a-z 0-9 . _ : -',
  'records.allocations_or_claim_ids': 'Indiquez allocations ou claimIds, pas les deux',
  'records.value_date_too_old': 'Date de valeur trop ancienne : pas avant le {date}',
  'records.value_date_before_claims': 'Date de valeur antérieure à tout dossier ouvert (le premier date du {date})',
  'records.allocation_repeated': 'Dossier répété : une seule imputation par dossier',
  'records.allocation_other_claim': 'Le dossier n’est pas un dossier de ce débiteur et de ce mandant',
  'records.allocation_currency': 'Dossier en {claimCurrency}, paiement en {paymentCurrency}',
  'records.allocation_not_open': 'Le dossier {ref} n’est pas ouvert',
  'records.value_date_before_claim': 'Date de valeur {valueDate} antérieure au dossier {ref} (du {origin})',
  'records.allocation_above_due': 'Plus que le montant dû par le dossier au {date} ({due})',
  'records.allocations_exceed_payment': 'Les imputations dépassent le montant du paiement',

  'records.percentage_format': 'Pourcentage non valide, p. ex. 12.5',
  'records.percentage_above_100': 'Pourcentage supérieur à 100',
  'records.creditor_code_format': 'Code : lettres, chiffres, - et _ (32 au maximum)',
  'records.reminder_fees_max': '{max} relances au maximum',
  'records.mandate_ends_before_start': 'La fin du mandat précède son début',
};
