import type { BankCatalogue } from './it.ts';

export const bankFr: BankCatalogue = {
  'bank.xml_doctype': 'Fichier refusé : il contient une déclaration DOCTYPE (les entités XML ne sont pas admises dans un relevé)',
  'bank.not_camt': 'Ce n’est pas un relevé ISO 20022 camt.053 ou camt.054 (élément {root}, espace de noms {namespace})',
  'bank.camt_version': 'Version {version} non prise en charge : les versions .001.02 à .001.08 sont lues',
  'bank.xml_broken': 'XML non valide : {detail}',
  'bank.not_utf8': 'Le fichier n’est pas en UTF-8',
  'bank.field_too_long': 'Écriture illisible : le champ {field} dépasse {max} caractères',
  'bank.no_account': 'Écriture sans le compte auquel elle se rapporte',
  'bank.bad_amount': 'Montant non valide : « {value} »',
  'bank.bad_currency': 'Devise non valide : « {value} »',
  'bank.bad_direction': 'Signe non valide : « {value} » (CRDT ou DBIT attendu)',
  'bank.bad_date': 'Date non valide dans {field} : « {value} »',
  'bank.not_booked': 'Écriture non comptabilisée par la banque (statut {status}) : conservée, aucun paiement',
  'bank.amount_precision': 'Montant {amount} avec plus de deux décimales : à vérifier',
  'bank.returned': 'Débit de retour ou de remboursement (motif {code}) : annuler à la main le paiement d’origine',
  'bank.debit': 'Débit sur le compte : aucun paiement à enregistrer',
  'bank.several_debtors': 'La référence désigne des positions de {count} débiteurs différents : choisir lequel elle règle',
  'bank.currency_differs': 'Paiement en {currency} pour des positions en {claimCurrency}',
  'bank.no_reference': 'Aucune référence, aucun avis ni numéro de document reconnu',
};
