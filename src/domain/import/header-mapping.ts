import { encodeMessage, msg, type Message } from '../messages/index.ts';
import { fieldLabel, missingFields, NAME_FIELDS, type ImportField } from './fields.ts';

/**
 * Suggesting which column holds which field from a file's header row, in Italian, German, French and
 * English. Headers are normalised (lower case, accents and punctuation removed, spaces collapsed):
 * "N° de facture" → "n de facture", "P.IVA" → "p iva", "Fällig am" → "fallig am".
 *
 * - **exact**: the header, without spaces, is one of the field's synonyms ("Codice fiscale", "C.F.").
 * - **likely**: the header contains one of the field's keywords ("Importo residuo al 31/12" →
 *   principal). Keywords of five letters or more are found inside words too, so German compounds
 *   work ("Rechnungsbetrag" → betrag); shorter ones must be whole words ("Tel. ufficio" → tel).
 *   A field's `avoid` words veto a likely match ("Importo pagato" is not what is owed,
 *   "Data decesso" is not the yes/no flag), and the longest keyword wins between fields
 *   ("Codice fiscale cliente" → taxCode, not the name).
 *
 * One column per field and one field per column: exact matches are assigned first (when two
 * columns are exact for one field, the earlier synonym wins: "Importo residuo" beats "Importo"),
 * then likely ones by score, then left to right. A German "Name" next to "Vorname" is the surname.
 */
interface Synonyms {
  /** Whole-header synonyms, in order of preference. */
  exact: readonly string[];
  /**
   * Words or phrases found inside a header. Only specific words: qualifiers that appear in many headers
   * ("cliente", "customer", "data") are exact synonyms only, or "Email cliente" would become a name.
   */
  likely?: readonly string[];
  /** A header containing any of these is never a likely match for the field. */
  avoid?: readonly string[];
}

const NOT_A_DATE = ['data', 'datum', 'date'];
const BIRTH = ['nascita', 'birth', 'naissance', 'geburt'];

const SYNONYMS: Record<ImportField, Synonyms> = {
  externalRef: {
    exact: [
      'numero fattura', 'n fattura', 'nr fattura', 'num fattura', 'fattura n', 'fattura nr', 'fattura numero', 'fattura',
      'numero documento', 'n documento', 'nr documento', 'num documento', 'n doc', 'documento',
      'avviso',
      'numero verbale', 'n verbale', 'verbale', 'numero pratica', 'pratica', 'id pratica',
      'riferimento', 'rif', 'protocollo', 'numero protocollo',
      'rechnungsnummer', 'rechnungs nr', 'rechnung nr', 'rechnungsnr', 'rechnung', 'belegnummer', 'beleg nr', 'belegnr', 'referenz',
      'n de facture', 'no de facture', 'numero de facture', 'n facture', 'no facture', 'facture', 'reference', 'ref',
      'invoice no', 'invoice number', 'invoice nr', 'invoice id', 'invoice', 'document no', 'document number', 'doc no', 'reference number',
    ],
    likely: ['fattura', 'documento', 'avviso', 'verbale', 'pratica', 'riferimento', 'protocollo', 'rechnung', 'beleg', 'facture', 'invoice', 'reference'],
    avoid: [
      ...NOT_A_DATE, 'importo', 'totale', 'betrag', 'montant', 'amount', 'scadenza', 'tipo', 'type', 'descrizione', 'beschreibung', 'description', 'causale',
      'stato', 'status', 'pagopa', 'iuv',
    ],
  },
  kind: {
    exact: [
      'tipo', 'tipologia', 'tipo credito', 'tipo documento', 'tipo entrata', 'entrata', 'tributo', 'tipo tributo',
      'tipo imposta', 'natura credito', 'art', 'typ', 'forderungsart', 'belegart', 'dokumentart',
      'type', 'type de creance', 'nature', 'kind', 'claim type', 'type of claim', 'document type',
    ],
    likely: ['tributo', 'tipolog', 'tipo', 'entrata', 'imposta', 'forderungsart', 'belegart', 'claim type'],
    avoid: ['anno', 'jahr', 'year', 'importo', 'amount', 'betrag', ...NOT_A_DATE, 'atto', 'dovut', 'codice', 'f24', 'soggetto', 'cliente', 'debitore', 'contribuente', 'persona', 'customer', 'debtor', 'kunde', 'client', 'giuridic'],
  },
  description: {
    exact: ['descrizione', 'causale', 'oggetto', 'dettaglio', 'descrizione documento', 'beschreibung', 'bezeichnung', 'text', 'verwendungszweck', 'libelle', 'designation', 'objet', 'description', 'details'],
    likely: ['descrizione', 'causale', 'beschreibung', 'bezeichnung', 'libelle', 'designation', 'description'],
  },
  principal: {
    exact: [
      'importo residuo', 'residuo', 'residuo da pagare', 'importo da pagare', 'da pagare', 'netto a pagare', 'importo dovuto', 'dovuto',
      'importo scaduto', 'scaduto', 'importo insoluto', 'insoluto', 'saldo', 'importo', 'importo totale', 'totale documento', 'totale dovuto',
      'totale', 'importo iva inclusa', 'importo iva compresa', 'importo ivato', 'totale iva inclusa', 'totale iva compresa', 'totale ivato', 'offener betrag', 'restbetrag', 'offen', 'betrag', 'rechnungsbetrag', 'gesamtbetrag',
      'betrag inkl mwst', 'montant du', 'reste a payer', 'solde', 'montant', 'montant ttc', 'montant total', 'outstanding amount', 'outstanding',
      'amount due', 'open amount', 'balance', 'amount', 'amount incl vat', 'total',
    ],
    likely: ['residuo', 'importo', 'totale', 'dovuto', 'insoluto', 'scaduto', 'saldo', 'da pagare', 'betrag', 'montant', 'amount', 'outstanding', 'balance', 'total'],
    avoid: [
      ...NOT_A_DATE, 'pagato', 'pagati', 'incassato', 'versato', 'paid', 'bezahlt', 'paye', 'imponibile', 'iva', 'vat', 'mwst', 'tva', 'sconto', 'interessi',
      'interest', 'zinsen', 'interet', 'spese', 'costi', 'fees', 'gebuhr', 'frais', 'numero', 'valuta', 'currency', 'wahrung', 'devise',
      'imposta', 'sanzion', 'notific', 'oneri', 'tefa', 'canone', 'tassa', 'aggio',
    ],
  },
  currency: {
    exact: ['valuta', 'divisa', 'moneta', 'codice valuta', 'wahrung', 'devise', 'monnaie', 'currency', 'cur', 'ccy', 'curr'],
    likely: ['valuta', 'divisa', 'wahrung', 'devise', 'currency'],
    avoid: NOT_A_DATE,
  },
  issueDate: {
    exact: [
      'data documento', 'data doc', 'data fattura', 'data emissione', 'emissione', 'data avviso', 'data verbale', 'data',
      'rechnungsdatum', 'belegdatum', 'datum', 'date de facture', 'date facture', 'date d emission', 'date document',
      'invoice date', 'document date', 'issue date', 'date',
    ],
    likely: ['emission', 'rechnungsdatum', 'belegdatum', 'data doc', 'data fatt', 'invoice date', 'document date', 'issue date'],
    avoid: ['scadenza', 'fallig', 'echeance', 'due', 'contratto', 'vertrag', 'contrat', 'contract', 'pagamento', 'payment', 'zahlung', 'decesso', 'notific', 'esecutiv', 'atto', ...BIRTH],
  },
  dueDate: {
    exact: [
      'data scadenza', 'scadenza', 'data di scadenza', 'scad', 'scadenza pagamento', 'termine pagamento', 'termine di pagamento',
      'fallig am', 'falligkeit', 'falligkeitsdatum', 'fallig', 'zahlbar bis', 'echeance', 'date d echeance', 'date echeance',
      'due date', 'due', 'payment due', 'due on',
    ],
    likely: ['scadenz', 'fallig', 'zahlbar', 'echeance', 'due'],
    avoid: [...BIRTH, 'contratto', 'giorni', 'days', 'tage', 'jours', 'importo', 'amount', 'betrag', 'montant'],
  },
  contractDate: {
    exact: ['data contratto', 'data del contratto', 'data stipula', 'vertragsdatum', 'date du contrat', 'date de contrat', 'contract date'],
    likely: ['contratto', 'stipula', 'vertrag', 'contrat', 'contract'],
    avoid: ['numero', 'nr', 'n', 'no', 'codice', 'id', 'tipo', 'type', 'art'],
  },
  taxYear: {
    exact: [
      'anno', 'anno d imposta', 'anno di imposta', 'anno imposta', 'anno tributo', 'anno riferimento', 'anno di riferimento', 'annualita',
      'anno competenza', 'periodo d imposta', 'steuerjahr', 'jahr', 'annee', 'annee fiscale', 'annee d imposition', 'year', 'tax year', 'fiscal year',
    ],
    likely: ['anno', 'annualita', 'steuerjahr', 'jahr', 'annee', 'year'],
    avoid: BIRTH,
  },
  iban: { exact: ['iban', 'codice iban', 'iban cliente', 'conto corrente'], likely: ['iban'] },
  // A comune's act: its amounts ("Imposta | Sanzioni | Interessi | Spese di notifica | Totale dovuto"),
  // tribute codes, the act itself and its pagoPA notice code.
  tax: {
    exact: [
      'imposta', 'importo imposta', 'imposta dovuta', 'imposta accertata', 'maggiore imposta', 'imposta evasa', 'importo tributo', 'tributo dovuto',
      'tributo accertato', 'canone', 'importo canone', 'canone dovuto', 'tassa', 'importo tassa', 'tassa dovuta', 'tari dovuta', 'imu dovuta',
      'quota tari', 'importo tari', 'importo imu', 'steuer', 'steuerbetrag', 'impot', 'montant de l impot', 'tax', 'tax amount', 'tax due',
    ],
    likely: ['imposta', 'canone', 'steuerbetrag', 'tax amount'],
    avoid: ['codice', 'code', 'anno', 'year', 'tipo', 'type', 'sanzion', 'interess', 'tefa', 'provinciale', 'numero', ...NOT_A_DATE],
  },
  tefa: {
    exact: ['tefa', 'importo tefa', 'tefa dovuta', 'tributo provinciale', 'tributo provinciale ambientale', 'quota provinciale', 'addizionale provinciale'],
    likely: ['tefa', 'tributo provinciale'],
    avoid: ['codice', 'code', 'sanzion', 'interess'],
  },
  sanctions: {
    exact: [
      'sanzioni', 'sanzione', 'importo sanzioni', 'importo sanzione', 'sanzioni dovute', 'sanzioni amministrative', 'sanzione ridotta',
      'sanktionen', 'strafe', 'strafen', 'penalites', 'penalite', 'penalties', 'penalty', 'sanctions',
    ],
    likely: ['sanzion', 'sanktion', 'penalit', 'penalt'],
    avoid: ['codice', 'code', 'tipo', 'type', ...NOT_A_DATE],
  },
  actInterest: {
    exact: [
      'interessi', 'importo interessi', 'interessi liquidati', 'interessi da accertamento', 'interessi dell atto', 'interessi maturati',
      'zinsen', 'interets', 'interest', 'interest amount',
    ],
    likely: ['interess', 'zinsen', 'interet', 'interest'],
    avoid: ['codice', 'code', 'tasso', 'rate', 'satz', 'taux', ...NOT_A_DATE],
  },
  notificationCosts: {
    exact: [
      'spese di notifica', 'spese notifica', 'spese di notificazione', 'spese notificazione', 'costi di notifica', 'costi notifica', 'spese postali',
      'zustellkosten', 'frais de notification', 'notification costs', 'notification fees',
    ],
    likely: ['notific', 'zustellkosten', 'spese postali'],
    avoid: [...NOT_A_DATE, 'notificato'],
  },
  collectionCharges: {
    exact: [
      'oneri di riscossione', 'oneri riscossione', 'oneri', 'oneri c 803', 'aggio', 'aggio di riscossione', 'spese di riscossione',
      'frais de recouvrement', 'collection charges',
    ],
    likely: ['oneri', 'riscossione', 'aggio', 'collection charge'],
    avoid: ['codice', 'code', ...NOT_A_DATE],
  },
  tributeCode: {
    exact: [
      'codice tributo', 'cod tributo', 'cod trib', 'codice tributo imposta', 'codice tributo f24', 'codice f24', 'tributo f24',
      'code tribut', 'tribute code', 'f24 code',
    ],
    likely: ['codice tributo', 'cod tributo', 'codice f24', 'tribute code'],
    avoid: ['sanzion', 'interess', 'tefa'],
  },
  sanctionsTributeCode: {
    exact: ['codice tributo sanzioni', 'codice tributo sanzione', 'cod tributo sanzioni', 'tribute code sanctions'],
    likely: ['codice tributo sanzion', 'cod tributo sanzion'],
  },
  interestTributeCode: {
    exact: ['codice tributo interessi', 'cod tributo interessi', 'tribute code interest'],
    likely: ['codice tributo interess', 'cod tributo interess'],
  },
  actKind: {
    exact: ['tipo atto', 'tipologia atto', 'tipo di atto', 'atto', 'tipo provvedimento', 'natura atto', 'act kind', 'act type', 'type of act'],
    likely: ['tipo atto', 'tipologia atto', 'act type'],
  },
  actNumber: {
    exact: [
      'numero atto', 'n atto', 'nr atto', 'num atto', 'atto n', 'atto numero', 'numero accertamento', 'n accertamento', 'numero provvedimento',
      'numero ingiunzione', 'act number', 'act no',
    ],
    likely: ['numero atto', 'atto n', 'numero accertamento', 'numero provvedimento', 'act number'],
    avoid: [...NOT_A_DATE],
  },
  actDate: {
    exact: ['data atto', 'data dell atto', 'data emissione atto', 'data accertamento', 'data provvedimento', 'data ingiunzione', 'act date', 'date of act'],
    likely: ['data atto', 'act date'],
  },
  notifiedOn: {
    exact: [
      'data notifica', 'data di notifica', 'data notificazione', 'data della notifica', 'notificato il', 'notifica', 'zustelldatum', 'zugestellt am',
      'date de notification', 'notified on', 'notification date', 'date notified',
    ],
    likely: ['notific', 'zustelldatum', 'notified'],
    avoid: ['spese', 'costi', 'costs', 'importo', 'amount', 'frais', 'kosten', 'fees'],
  },
  enforceableOn: {
    exact: [
      'data esecutivita', 'data di esecutivita', 'esecutivita', 'esecutivo dal', 'data esecutivo', 'data titolo esecutivo', 'vollstreckbar ab',
      'date executoire', 'enforceable on', 'enforceable from', 'enforceability date',
    ],
    likely: ['esecutiv', 'vollstreckbar', 'executoire', 'enforceab'],
  },
  cadastralCode: {
    exact: ['codice catastale', 'cod catastale', 'codice catastale comune', 'codice ente', 'codice comune', 'codice belfiore', 'belfiore', 'catastale', 'cadastral code'],
    likely: ['catastale', 'belfiore', 'cadastral'],
    avoid: BIRTH,
  },
  noticeCode: {
    exact: [
      'codice avviso', 'cod avviso', 'numero avviso', 'n avviso', 'numero avviso pagopa', 'codice avviso pagopa', 'avviso pagopa', 'iuv', 'codice iuv',
      'identificativo univoco di versamento', 'codice pagopa', 'pagopa', 'notice code', 'notice number', 'payment notice number',
    ],
    likely: ['codice avviso', 'numero avviso', 'iuv', 'pagopa', 'notice code', 'notice number'],
    avoid: [...NOT_A_DATE, 'importo', 'amount'],
  },
  debtorKind: {
    exact: [
      'tipo soggetto', 'tipo cliente', 'tipologia cliente', 'tipo debitore', 'tipo contribuente', 'natura giuridica', 'forma giuridica',
      'persona fisica giuridica', 'persona fisica o giuridica', 'tipo persona', 'categoria cliente', 'kundenart', 'kundentyp', 'rechtsform',
      'type de client', 'forme juridique', 'customer type', 'debtor type', 'legal form', 'entity type',
    ],
    likely: ['soggetto', 'giuridic', 'rechtsform', 'juridique', 'legal form', 'persona fisica'],
    avoid: ['codice', 'code', 'id', 'nr', 'numero'],
  },
  debtorName: {
    exact: [
      'nominativo', 'denominazione', 'contribuente', 'cliente', 'debitore', 'intestatario', 'nome e cognome', 'cognome e nome', 'cognome nome',
      'nome cognome', 'nominativo contribuente', 'nominativo cliente', 'nome cliente', 'nome debitore', 'nome contribuente',
      'name', 'kunde', 'kundenname', 'schuldner', 'name vorname', 'vollstandiger name', 'nom et prenom', 'nom prenom', 'client', 'nom client', 'nom du client',
      'debiteur', 'full name', 'customer', 'customer name', 'debtor', 'debtor name',
    ],
    likely: ['nominativo', 'denominazione', 'intestatario', 'kundenname', 'schuldner', 'debiteur', 'full name', 'customer name', 'debtor name', 'cognome e nome', 'nome e cognome', 'name'],
    avoid: ['codice', 'code', 'id', 'nr', 'numero', 'tipo', 'type', 'file'],
  },
  firstName: {
    exact: ['nome', 'nome proprio', 'vorname', 'prenom', 'first name', 'firstname', 'given name', 'forename'],
    likely: ['nome', 'vorname', 'prenom', 'first name', 'given name'],
    avoid: ['cognome', 'cliente', 'customer', 'client', 'kunde', 'debitore', 'contribuente', 'ditta', 'azienda', 'societa', 'impresa', 'file'],
  },
  lastName: {
    exact: ['cognome', 'nachname', 'familienname', 'nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name'],
    likely: ['cognome', 'nachname', 'familienname', 'nom de famille', 'surname', 'last name', 'family name'],
  },
  companyName: {
    exact: [
      'ragione sociale', 'denominazione sociale', 'ditta', 'azienda', 'societa', 'impresa', 'nome azienda', 'nome ditta',
      'firma', 'firmenname', 'unternehmen', 'raison sociale', 'societe', 'entreprise', 'nom de l entreprise',
      'company', 'company name', 'business name', 'organisation', 'organization',
    ],
    likely: ['ragione sociale', 'denominazione sociale', 'ditta', 'azienda', 'firmenname', 'unternehmen', 'raison sociale', 'entreprise', 'company', 'business name'],
    avoid: ['codice', 'id', 'nr', 'numero', 'cessat', 'cessazione', 'tipo', 'partita', 'iva', 'indirizzo', 'sede', 'pec', 'email', 'telefono'],
  },
  taxCode: {
    exact: [
      'codice fiscale', 'cod fiscale', 'cod fisc', 'cod fis', 'c f', 'codice fiscale contribuente', 'codice fiscale cliente',
      'steuernummer', 'steuer nr', 'code fiscal', 'numero fiscal', 'tax code', 'fiscal code', 'tax id', 'taxpayer id', 'tin',
    ],
    likely: ['codice fiscale', 'cod fisc', 'fiscale', 'steuernummer', 'code fiscal', 'fiscal code', 'tax code', 'tax id', 'cf'],
  },
  vatNumber: {
    exact: [
      'partita iva', 'p iva', 'p i', 'numero partita iva', 'n partita iva', 'codice iva', 'ust idnr', 'ust id', 'ust id nr',
      'umsatzsteuer id', 'mwst nr', 'mwst nummer', 'n tva', 'numero tva', 'numero de tva', 'tva', 'tva intracommunautaire',
      'vat number', 'vat no', 'vat id', 'vat', 'vat reg no',
    ],
    likely: ['partita iva', 'p iva', 'piva', 'ust id', 'ustid', 'umsatzsteuer', 'mwst', 'tva', 'vat'],
    avoid: ['importo', 'totale', 'amount', 'betrag', 'montant', 'aliquota', 'rate', 'satz', 'taux', 'inclusa', 'compresa', 'inkl', 'incl', 'ttc', 'esente'],
  },
  chUid: {
    exact: ['uid', 'uid nr', 'uid nummer', 'numero uid', 'n uid', 'numero idi', 'idi', 'ide', 'n ide', 'numero ide', 'che', 'unternehmens identifikationsnummer', 'swiss uid'],
    likely: ['uid', 'idi', 'ide', 'identifikationsnummer'],
  },
  birthDate: {
    exact: ['data di nascita', 'data nascita', 'nato il', 'nata il', 'geburtsdatum', 'geboren am', 'date de naissance', 'ne le', 'nee le', 'date of birth', 'birth date', 'birthdate', 'dob'],
    likely: ['nascita', 'geburtsdatum', 'geboren', 'naissance', 'birth'],
    avoid: ['luogo', 'comune', 'citta', 'provincia', 'prov', 'stato', 'paese', 'nazione', 'lieu', 'place', 'ort', 'country', 'city', 'ville'],
  },
  language: {
    exact: ['lingua', 'lingua preferita', 'lingua corrispondenza', 'sprache', 'korrespondenzsprache', 'langue', 'language', 'lang'],
    likely: ['lingua', 'sprache', 'langue', 'language'],
  },
  deceased: {
    exact: ['deceduto', 'deceduta', 'decesso', 'defunto', 'verstorben', 'gestorben', 'decede', 'decedee', 'deceased', 'dead'],
    likely: ['decedut', 'decesso', 'defunt', 'verstorben', 'decede', 'deceased'],
    avoid: [...NOT_A_DATE, 'luogo'],
  },
  ceased: {
    exact: [
      'cessata', 'cessato', 'attivita cessata', 'societa cessata', 'ditta cessata', 'cessazione', 'cessata attivita',
      'erloschen', 'geloscht', 'aufgelost', 'radiee', 'cessee', 'ceased', 'dissolved',
    ],
    likely: ['cessat', 'cessazione', 'erloschen', 'geloscht', 'aufgelost', 'radie', 'ceased', 'dissolved'],
    avoid: NOT_A_DATE,
  },
  debtorRef: {
    exact: [
      'codice cliente', 'cod cliente', 'codice contribuente', 'cod contribuente', 'codice debitore', 'id cliente', 'n cliente', 'numero cliente',
      'nr cliente', 'cliente n', 'codice anagrafica', 'id anagrafica', 'anagrafica', 'kundennummer', 'kunden nr', 'kundennr', 'kunde nr',
      'debitorennummer', 'debitor nr', 'n client', 'no client', 'numero client', 'numero de client', 'code client', 'ref client',
      'customer no', 'customer number', 'customer id', 'customer code', 'account number', 'account no', 'debtor id', 'debtor no',
    ],
    likely: [
      'codice cliente', 'codice contribuente', 'id cliente', 'numero cliente', 'kundennummer', 'kundennr', 'debitorennummer',
      'numero client', 'code client', 'customer no', 'customer number', 'customer id', 'customer code', 'account no', 'account number',
    ],
  },
  addressLine1: {
    exact: [
      'indirizzo', 'via', 'via e numero', 'via e civico', 'indirizzo residenza', 'indirizzo di residenza', 'residenza', 'domicilio', 'indirizzo domicilio',
      'sede legale', 'indirizzo sede legale', 'sede', 'strasse', 'strasse und nr', 'strasse nr', 'adresse', 'rue', 'address', 'street',
      'address line 1', 'address 1', 'street address', 'indirizzo 1',
    ],
    likely: ['indirizzo', 'strasse', 'adresse', 'address', 'street', 'domicilio', 'residenza', 'sede legale'],
    avoid: ['mail', 'email', 'pec', 'web', 'ip', 'comune', 'citta', 'localita', 'cap', 'provincia', 'paese', 'stato', 'ort', 'plz', 'ville', 'city', 'postal', 'zip', 'nascita'],
  },
  postalCode: {
    exact: ['cap', 'c a p', 'codice postale', 'plz', 'npa', 'code postal', 'cp', 'zip', 'zip code', 'postal code', 'postcode', 'postleitzahl', 'numero postale'],
    likely: ['cap', 'plz', 'npa', 'code postal', 'postal', 'zip', 'postleitzahl', 'codice postale'],
  },
  city: {
    exact: [
      'comune', 'citta', 'localita', 'comune di residenza', 'citta di residenza', 'ort', 'wohnort', 'stadt', 'gemeinde',
      'ville', 'localite', 'commune', 'city', 'town', 'locality',
    ],
    likely: ['comune', 'citta', 'localita', 'wohnort', 'ort', 'stadt', 'gemeinde', 'ville', 'localite', 'commune', 'city', 'town'],
    avoid: [...BIRTH, 'codice', 'code', 'istat', 'catastale'],
  },
  province: {
    exact: ['provincia', 'prov', 'pr', 'sigla provincia', 'sigla prov', 'provincia di residenza', 'kanton', 'canton', 'cantone', 'departement', 'dep', 'state', 'county'],
    likely: ['provinc', 'prov', 'kanton', 'canton', 'departement'],
    avoid: BIRTH,
  },
  country: {
    exact: ['paese', 'nazione', 'stato', 'land', 'staat', 'pays', 'country', 'country code', 'codice paese', 'sigla nazione', 'nation'],
    likely: ['paese', 'nazione', 'country', 'pays', 'land'],
    avoid: BIRTH,
  },
  email: {
    exact: [
      'email', 'e mail', 'mail', 'indirizzo email', 'indirizzo e mail', 'posta elettronica', 'courriel', 'adresse email', 'adresse e mail',
      'email address', 'e mail adresse', 'mailadresse',
    ],
    likely: ['email', 'mail', 'courriel', 'posta elettronica'],
    avoid: ['pec', 'certificata'],
  },
  pec: {
    exact: ['pec', 'indirizzo pec', 'email pec', 'mail pec', 'posta elettronica certificata', 'casella pec', 'domicilio digitale'],
    likely: ['pec', 'certificata', 'domicilio digitale'],
  },
  phone: {
    exact: [
      'telefono', 'tel', 'telefono fisso', 'numero di telefono', 'n telefono', 'recapito telefonico', 'telefon', 'telefonnummer', 'tel nr',
      'festnetz', 'telephone', 'tel fixe', 'phone', 'phone number', 'landline',
    ],
    likely: ['telefon', 'telephone', 'phone', 'tel', 'recapito'],
    avoid: ['cell', 'cellulare', 'mobile', 'mobil', 'handy', 'natel', 'portable', 'gsm', 'fax'],
  },
  mobile: {
    exact: [
      'cellulare', 'cell', 'tel cellulare', 'telefono cellulare', 'numero cellulare', 'mobile', 'tel mobile', 'handy', 'handynummer',
      'mobiltelefon', 'mobil', 'natel', 'portable', 'telephone portable', 'tel portable', 'mobile phone', 'cell phone', 'cellphone', 'gsm',
    ],
    likely: ['cellular', 'cell', 'mobil', 'handy', 'natel', 'portable', 'gsm'],
  },
};

/** A header for comparison: lower case, no accents, punctuation as spaces, single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Keyword {
  compact: string;
  tokens: string[];
}

const keyword = (phrase: string): Keyword => {
  const n = normaliseHeader(phrase);
  return { compact: n.replace(/ /g, ''), tokens: n.split(' ') };
};

interface CompiledField {
  field: ImportField;
  order: number;
  exact: Map<string, number>;
  likely: Keyword[];
  avoid: Keyword[];
}

const COMPILED: CompiledField[] = (Object.keys(SYNONYMS) as ImportField[]).map((field, order) => {
  const s = SYNONYMS[field];
  const exact = new Map<string, number>();
  s.exact.forEach((e, rank) => {
    const k = keyword(e).compact;
    if (!exact.has(k)) exact.set(k, rank);
  });
  return {
    field,
    order,
    exact,
    likely: (s.likely ?? []).map(keyword),
    avoid: (s.avoid ?? []).map(keyword),
  };
});

/** Exposed for tests: every exact synonym belongs to one field only. */
export function exactSynonymOwners(): Map<string, ImportField[]> {
  const owners = new Map<string, ImportField[]>();
  for (const f of COMPILED) for (const k of f.exact.keys()) owners.set(k, [...(owners.get(k) ?? []), f.field]);
  return owners;
}

/** Keywords of five letters or more are found inside words; shorter ones only as whole words. */
function contains(compact: string, tokens: readonly string[], k: Keyword): boolean {
  if (k.compact.length >= 5) return compact.includes(k.compact);
  outer: for (let i = 0; i + k.tokens.length <= tokens.length; i++) {
    for (let j = 0; j < k.tokens.length; j++) if (tokens[i + j] !== k.tokens[j]) continue outer;
    return true;
  }
  return false;
}

export interface MappingSuggestion {
  /** field → index of the column that holds it */
  mapping: Partial<Record<ImportField, number>>;
  confidence: Partial<Record<ImportField, 'exact' | 'likely'>>;
  /** Indexes of the columns no field was suggested for, in order. */
  unmapped: number[];
}

interface Candidate {
  column: number;
  field: ImportField;
  exact: boolean;
  /** exact: the synonym's rank (lower is better); likely: the keyword's length (higher is better) */
  score: number;
  order: number;
}

export function suggestMapping(headers: readonly string[]): MappingSuggestion {
  const candidates: Candidate[] = [];
  const normalised = headers.map((h) => normaliseHeader(h ?? ''));
  normalised.forEach((n, column) => {
    if (n === '') return;
    const compact = n.replace(/ /g, '');
    const tokens = n.split(' ');
    for (const f of COMPILED) {
      const rank = f.exact.get(compact);
      if (rank !== undefined) {
        candidates.push({ column, field: f.field, exact: true, score: rank, order: f.order });
        continue;
      }
      if (f.avoid.some((k) => contains(compact, tokens, k))) continue;
      let best = 0;
      for (const k of f.likely) if (k.compact.length > best && contains(compact, tokens, k)) best = k.compact.length;
      if (best > 0) candidates.push({ column, field: f.field, exact: false, score: best, order: f.order });
    }
  });

  candidates.sort((a, b) => {
    if (a.exact !== b.exact) return a.exact ? -1 : 1;
    if (a.score !== b.score) return a.exact ? a.score - b.score : b.score - a.score;
    if (a.column !== b.column) return a.column - b.column;
    return a.order - b.order;
  });

  const mapping: Partial<Record<ImportField, number>> = {};
  const confidence: Partial<Record<ImportField, 'exact' | 'likely'>> = {};
  const taken = new Set<number>();
  for (const c of candidates) {
    if (taken.has(c.column) || mapping[c.field] !== undefined) continue;
    mapping[c.field] = c.column;
    confidence[c.field] = c.exact ? 'exact' : 'likely';
    taken.add(c.column);
  }

  // German "Name" beside "Vorname" (and English "Name" beside "First name") is the surname.
  const nameColumn = mapping.debtorName;
  if (nameColumn !== undefined && mapping.firstName !== undefined && mapping.lastName === undefined && normalised[nameColumn] === 'name') {
    mapping.lastName = nameColumn;
    confidence.lastName = confidence.debtorName!;
    delete mapping.debtorName;
    delete confidence.debtorName;
  }

  const unmapped = headers.map((_, i) => i).filter((i) => !taken.has(i));
  return { mapping, confidence, unmapped };
}

/**
 * What a mapping lacks before a file can be imported: the required fields (the amount may come from
 * a comune's components, the reference may be built by `referencePattern`: see `missingFields`), and
 * a column for the debtor's name. Messages name the fields; an empty list means the mapping is complete.
 */
export function mappingProblems(mapping: Partial<Record<ImportField, unknown>>, referencePattern?: string): Message[] {
  const out: Message[] = [];
  for (const f of missingFields((field) => mapping[field] !== undefined && mapping[field] !== null, referencePattern)) {
    out.push(msg('import.mapping.required_field', { label: encodeMessage(msg(fieldLabel(f))) }));
  }
  if (!NAME_FIELDS.some((f) => mapping[f] !== undefined && mapping[f] !== null)) {
    out.push(msg('import.mapping.name_field'));
  }
  return out;
}
