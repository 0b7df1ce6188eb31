import type { LetterLanguage } from './types.ts';

/**
 * The renderers' own words (column heads, payment block, footer) in the reader's language. Everything
 * else in a letter arrives already written in `LetterInput`. Italian first, then en/de/fr.
 */
export interface LetterLabels {
  onBehalfOf: string;
  ourReference: string;
  date: string;
  reference: string;
  dueDate: string;
  principal: string;
  interest: string;
  costs: string;
  paid: string;
  totalDue: string;
  totals: string;
  claims: string;
  statementOf: string;
  from: string;
  to: string;
  days: string;
  rate: string;
  basis: string;
  payment: string;
  /** Before a part of an amount: "di cui" (flat compensation within the costs). */
  ofWhich: string;
  payee: string;
  iban: string;
  paymentReference: string;
  structuredReference: string;
  qrReference: string;
  amount: string;
  payBy: string;
  message: string;
  referenceHint: string;
  qrBillHint: string;
  vat: string;
  page: string;
  document: string;
  months: readonly string[];
}

export const LABELS: Record<LetterLanguage, LetterLabels> = {
  it: {
    onBehalfOf: 'Per conto di',
    ourReference: 'Nostro riferimento',
    date: 'Data',
    reference: 'Riferimento',
    dueDate: 'Scadenza',
    principal: 'Capitale',
    interest: 'Interessi',
    costs: 'Spese',
    paid: 'Pagato',
    totalDue: 'Totale dovuto',
    totals: 'Totale',
    claims: 'Dettaglio degli importi dovuti',
    statementOf: 'Calcolo degli interessi',
    from: 'Dal',
    to: 'Al',
    days: 'Giorni',
    rate: 'Tasso annuo',
    basis: 'Base giuridica',
    payment: 'Modalità di pagamento',
    ofWhich: 'di cui',
    payee: 'Beneficiario',
    iban: 'IBAN',
    paymentReference: 'Causale / riferimento',
    structuredReference: 'Riferimento strutturato (RF)',
    qrReference: 'Riferimento QR',
    amount: 'Importo',
    payBy: 'Da pagare entro il',
    message: 'Causale',
    referenceHint: 'Indicate sempre il riferimento esattamente come scritto: il pagamento viene così attribuito automaticamente.',
    qrBillHint: 'Potete pagare con la QR-fattura in fondo a questa lettera.',
    vat: 'P. IVA',
    page: 'Pagina',
    document: 'Documento',
    months: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  },
  en: {
    onBehalfOf: 'On behalf of',
    ourReference: 'Our reference',
    date: 'Date',
    reference: 'Reference',
    dueDate: 'Due date',
    principal: 'Principal',
    interest: 'Interest',
    costs: 'Costs',
    paid: 'Paid',
    totalDue: 'Total due',
    totals: 'Total',
    claims: 'Amounts due',
    statementOf: 'Interest calculation',
    from: 'From',
    to: 'To',
    days: 'Days',
    rate: 'Annual rate',
    basis: 'Legal basis',
    payment: 'How to pay',
    ofWhich: 'including',
    payee: 'Payee',
    iban: 'IBAN',
    paymentReference: 'Payment reference',
    structuredReference: 'Structured reference (RF)',
    qrReference: 'QR reference',
    amount: 'Amount',
    payBy: 'Pay by',
    message: 'Message',
    referenceHint: 'Always quote the reference exactly as written, so that your payment is matched automatically.',
    qrBillHint: 'You can pay with the QR-bill at the bottom of this letter.',
    vat: 'VAT no.',
    page: 'Page',
    document: 'Document',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
  de: {
    onBehalfOf: 'Im Auftrag von',
    ourReference: 'Unser Zeichen',
    date: 'Datum',
    reference: 'Referenz',
    dueDate: 'Fällig am',
    principal: 'Betrag',
    interest: 'Zinsen',
    costs: 'Kosten',
    paid: 'Bezahlt',
    totalDue: 'Offen',
    totals: 'Total',
    claims: 'Offene Beträge',
    statementOf: 'Zinsberechnung',
    from: 'Vom',
    to: 'Bis',
    days: 'Tage',
    rate: 'Zinssatz',
    basis: 'Rechtsgrundlage',
    payment: 'Zahlungsangaben',
    ofWhich: 'davon',
    payee: 'Zahlungsempfänger',
    iban: 'IBAN',
    paymentReference: 'Verwendungszweck / Referenz',
    structuredReference: 'Strukturierte Referenz (RF)',
    qrReference: 'QR-Referenz',
    amount: 'Betrag',
    payBy: 'Zahlbar bis',
    message: 'Mitteilung',
    referenceHint: 'Bitte geben Sie die Referenz genau wie angegeben an, damit Ihre Zahlung automatisch zugeordnet wird.',
    qrBillHint: 'Sie können mit der QR-Rechnung am Ende dieses Briefes bezahlen.',
    vat: 'USt-IdNr.',
    page: 'Seite',
    document: 'Dokument',
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  },
  fr: {
    onBehalfOf: 'Pour le compte de',
    ourReference: 'Notre référence',
    date: 'Date',
    reference: 'Référence',
    dueDate: 'Échéance',
    principal: 'Principal',
    interest: 'Intérêts',
    costs: 'Frais',
    paid: 'Payé',
    totalDue: 'Total dû',
    totals: 'Total',
    claims: 'Détail des montants dus',
    statementOf: 'Calcul des intérêts',
    from: 'Du',
    to: 'Au',
    days: 'Jours',
    rate: 'Taux annuel',
    basis: 'Base légale',
    payment: 'Modalités de paiement',
    ofWhich: 'dont',
    payee: 'Bénéficiaire',
    iban: 'IBAN',
    paymentReference: 'Référence de paiement',
    structuredReference: 'Référence structurée (RF)',
    qrReference: 'Référence QR',
    amount: 'Montant',
    payBy: 'À payer au plus tard le',
    message: 'Communication',
    referenceHint: 'Indiquez toujours la référence exactement comme écrite : votre paiement sera ainsi imputé automatiquement.',
    qrBillHint: 'Vous pouvez payer avec la QR-facture au bas de cette lettre.',
    vat: 'N° TVA',
    page: 'Page',
    document: 'Document',
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  },
};
