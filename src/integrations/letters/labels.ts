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
  /** A comune's positions (issue 13): components, pagoPA notice, F24 section EL. */
  comune: {
    components: string;
    item: string;
    tributeCode: string;
    due: string;
    pagopa: string;
    entity: string;
    cfEnte: string;
    noticeCode: string;
    cbill: string;
    pagopaHint: string;
    /** Bollettino Postale PA (a comune with a postal current account). */
    poste: string;
    posteAccount: string;
    posteHolder: string;
    f24: string;
    f24Section: string;
    f24Entity: string;
    f24Ravv: string;
    f24Year: string;
    f24Amount: string;
    f24Hint: string;
    /** A position with neither a pagoPA notice nor F24 data yet. */
    noNotice: string;
  };
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
    comune: {
      components: 'Composizione dell’importo',
      item: 'Voce',
      tributeCode: 'Cod. tributo',
      due: 'Dovuto',
      pagopa: 'Pagamento con avviso pagoPA',
      entity: 'Ente creditore',
      cfEnte: 'Codice fiscale ente',
      noticeCode: 'Codice avviso',
      cbill: 'Codice CBILL',
      pagopaHint: 'Può pagare in banca, alla posta, nei punti vendita abilitati, online e con l’app IO: inquadri il codice QR oppure indichi il codice avviso e il codice fiscale dell’ente.',
      poste: 'Bollettino postale PA',
      posteAccount: 'Conto corrente postale n.',
      posteHolder: 'Intestato a',
      f24: 'Modello F24 – sezione «IMU e altri tributi locali»',
      f24Section: 'Sezione',
      f24Entity: 'Codice ente',
      f24Ravv: 'Ravv.',
      f24Year: 'Anno di riferimento',
      f24Amount: 'Importi a debito versati',
      f24Hint: 'Per pagare con il modello F24 (semplificato o ordinario) riporti queste righe nella sezione «IMU e altri tributi locali» e indichi il Suo codice fiscale.',
      noNotice: 'L’avviso di pagamento pagoPA di questa posizione Le sarà inviato a parte; per riceverlo subito ci contatti ai recapiti indicati in questa lettera.',
    },
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
    comune: {
      components: 'Breakdown of the amount',
      item: 'Item',
      tributeCode: 'Tax code',
      due: 'Due',
      pagopa: 'Payment with the pagoPA notice',
      entity: 'Creditor body',
      cfEnte: 'Creditor body’s tax code',
      noticeCode: 'Notice code',
      cbill: 'CBILL code',
      pagopaHint: 'You can pay at banks, post offices, authorised shops, online and with the IO app: scan the QR code or give the notice code and the creditor body’s tax code.',
      poste: 'Bollettino Postale PA (Italian Post)',
      posteAccount: 'Postal current account no.',
      posteHolder: 'Account holder',
      f24: 'F24 form – section "IMU e altri tributi locali"',
      f24Section: 'Section',
      f24Entity: 'Body code',
      f24Ravv: 'Ravv.',
      f24Year: 'Reference year',
      f24Amount: 'Amounts paid',
      f24Hint: 'To pay with the F24 form (simplified or ordinary), copy these lines into the section "IMU e altri tributi locali" and give your tax code.',
      noNotice: 'The pagoPA payment notice for this position will be sent to you separately; to receive it now, please contact us at the addresses given in this letter.',
    },
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
    comune: {
      components: 'Zusammensetzung des Betrags',
      item: 'Posten',
      tributeCode: 'Steuerkodex',
      due: 'Offen',
      pagopa: 'Zahlung mit dem pagoPA-Zahlungshinweis',
      entity: 'Gläubigerkörperschaft',
      cfEnte: 'Steuernummer der Körperschaft',
      noticeCode: 'Kodex des Zahlungshinweises',
      cbill: 'CBILL-Kodex',
      pagopaHint: 'Sie können bei Banken, Postämtern, ermächtigten Verkaufsstellen, online und mit der App IO bezahlen: scannen Sie den QR-Code oder geben Sie den Kodex des Zahlungshinweises und die Steuernummer der Körperschaft an.',
      poste: 'Bollettino Postale PA (Italienische Post)',
      posteAccount: 'Postkontokorrent Nr.',
      posteHolder: 'Inhaber',
      f24: 'Vordruck F24 – Abschnitt „IMU e altri tributi locali“',
      f24Section: 'Abschnitt',
      f24Entity: 'Körperschaftskodex',
      f24Ravv: 'Ravv.',
      f24Year: 'Bezugsjahr',
      f24Amount: 'Eingezahlte Beträge',
      f24Hint: 'Um mit dem Vordruck F24 (vereinfacht oder ordentlich) zu bezahlen, übertragen Sie diese Zeilen in den Abschnitt „IMU e altri tributi locali“ und geben Ihre Steuernummer an.',
      noNotice: 'Der pagoPA-Zahlungshinweis für diese Position wird Ihnen gesondert zugesandt; um ihn sofort zu erhalten, wenden Sie sich bitte an die in diesem Schreiben angegebenen Kontakte.',
    },
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
    comune: {
      components: 'Détail du montant',
      item: 'Poste',
      tributeCode: 'Code tribut',
      due: 'Dû',
      pagopa: 'Paiement par l’avis pagoPA',
      entity: 'Organisme créancier',
      cfEnte: 'Code fiscal de l’organisme',
      noticeCode: 'Code de l’avis',
      cbill: 'Code CBILL',
      pagopaHint: 'Vous pouvez payer en banque, à la poste, dans les points de vente agréés, en ligne et avec l’application IO : scannez le code QR ou indiquez le code de l’avis et le code fiscal de l’organisme.',
      poste: 'Bollettino Postale PA (Poste italienne)',
      posteAccount: 'Compte courant postal n°',
      posteHolder: 'Titulaire',
      f24: 'Formulaire F24 – section « IMU e altri tributi locali »',
      f24Section: 'Section',
      f24Entity: 'Code organisme',
      f24Ravv: 'Ravv.',
      f24Year: 'Année de référence',
      f24Amount: 'Montants versés',
      f24Hint: 'Pour payer avec le formulaire F24 (simplifié ou ordinaire), reportez ces lignes dans la section « IMU e altri tributi locali » et indiquez votre code fiscal.',
      noNotice: 'L’avis de paiement pagoPA de ce dossier vous sera envoyé séparément ; pour le recevoir dès maintenant, contactez-nous aux coordonnées indiquées dans ce courrier.',
    },
  },
};
