/**
 * The fields a row of an imported portfolio file can carry: a company's overdue-invoice export or a
 * comune's "lista di carico" (unpaid TARI, IMU, CUP, fines). A mapping says which column holds which
 * field; `validateRow` turns the cells into a claim, its debtor, an address and contacts.
 *
 * `required` fields must be mapped and filled on every row. A debtor also needs a name, from any of
 * `debtorName`, `lastName` or `companyName` (see `NAME_FIELDS`): none of them is required alone.
 */
export interface ImportFieldInfo {
  readonly name: string;
  readonly group: 'claim' | 'debtor' | 'address' | 'contact';
  readonly required: boolean;
  /** Short Italian name for messages ("numero documento") and its English. */
  readonly label: string;
  readonly labelEn: string;
  /** Italian first, English in brackets, like every message for people. */
  readonly description: string;
}

const field = <const N extends string>(
  name: N,
  group: ImportFieldInfo['group'],
  required: boolean,
  label: string,
  labelEn: string,
  description: string,
) => ({ name, group, required, label, labelEn, description }) satisfies ImportFieldInfo;

export const IMPORT_FIELDS = [
  // The claim
  field('externalRef', 'claim', true, 'numero documento', 'document number',
    'Numero del documento o dell’avviso, univoco per mandante (document or notice number, unique per creditor)'),
  field('kind', 'claim', false, 'tipo di credito', 'claim kind',
    'Tipo di credito: fattura, IMU, TARI, CUP, multa; vuoto = fattura (claim kind; empty = invoice)'),
  field('description', 'claim', false, 'descrizione', 'description',
    'Descrizione o causale (description)'),
  field('principal', 'claim', true, 'importo', 'amount',
    'Importo dovuto (amount owed)'),
  field('currency', 'claim', false, 'valuta', 'currency',
    'Valuta EUR o CHF; vuoto = quella del file (currency; empty = the file’s)'),
  field('issueDate', 'claim', false, 'data documento', 'issue date',
    'Data del documento (document date)'),
  field('dueDate', 'claim', true, 'scadenza', 'due date',
    'Data di scadenza (due date)'),
  field('contractDate', 'claim', false, 'data contratto', 'contract date',
    'Data del contratto (contract date)'),
  field('taxYear', 'claim', false, 'anno d’imposta', 'tax year',
    'Anno d’imposta dei tributi (tax year)'),
  field('iban', 'claim', false, 'IBAN', 'IBAN',
    'IBAN per il pagamento (IBAN to pay to)'),
  // The debtor
  field('debtorKind', 'debtor', false, 'tipo di debitore', 'debtor kind',
    'Tipo di debitore: privato, ditta individuale, società, ente; vuoto = dedotto (debtor kind; empty = inferred)'),
  field('debtorName', 'debtor', false, 'nominativo', 'full name',
    'Nominativo in una sola colonna, per le persone "COGNOME NOME" (full name in one column)'),
  field('firstName', 'debtor', false, 'nome', 'first name',
    'Nome (first name)'),
  field('lastName', 'debtor', false, 'cognome', 'last name',
    'Cognome (last name)'),
  field('companyName', 'debtor', false, 'ragione sociale', 'company name',
    'Ragione sociale (company name)'),
  field('taxCode', 'debtor', false, 'codice fiscale', 'tax code',
    'Codice fiscale (Italian tax code)'),
  field('vatNumber', 'debtor', false, 'partita IVA', 'VAT number',
    'Partita IVA (VAT number)'),
  field('chUid', 'debtor', false, 'UID', 'Swiss UID',
    'Numero UID svizzero CHE-… (Swiss UID)'),
  field('birthDate', 'debtor', false, 'data di nascita', 'birth date',
    'Data di nascita (birth date)'),
  field('language', 'debtor', false, 'lingua', 'language',
    'Lingua: it, de, fr, en (language)'),
  field('deceased', 'debtor', false, 'deceduto', 'deceased',
    'Deceduto sì/no (deceased yes/no)'),
  field('ceased', 'debtor', false, 'cessata', 'ceased',
    'Attività cessata sì/no (company ceased yes/no)'),
  field('debtorRef', 'debtor', false, 'codice cliente', 'customer code',
    'Codice cliente o contribuente del mandante (creditor’s customer code)'),
  // The address
  field('addressLine1', 'address', false, 'indirizzo', 'address',
    'Indirizzo: via e numero civico (street and number)'),
  field('postalCode', 'address', false, 'CAP', 'postal code',
    'CAP (postal code)'),
  field('city', 'address', false, 'comune', 'city',
    'Comune o località (city)'),
  field('province', 'address', false, 'provincia', 'province',
    'Provincia o cantone (province or canton)'),
  field('country', 'address', false, 'paese', 'country',
    'Paese IT, CH, DE, FR; vuoto = quello del file (country; empty = the file’s)'),
  // Contacts
  field('email', 'contact', false, 'e-mail', 'e-mail',
    'E-mail'),
  field('pec', 'contact', false, 'PEC', 'PEC',
    'PEC, posta elettronica certificata (certified e-mail)'),
  field('phone', 'contact', false, 'telefono', 'phone',
    'Telefono (phone)'),
  field('mobile', 'contact', false, 'cellulare', 'mobile',
    'Cellulare (mobile phone)'),
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['name'];

export const IMPORT_FIELD_NAMES: readonly ImportField[] = IMPORT_FIELDS.map((f) => f.name);

const BY_NAME = new Map<string, ImportFieldInfo>(IMPORT_FIELDS.map((f) => [f.name, f]));

export function isImportField(name: string): name is ImportField {
  return BY_NAME.has(name);
}

export function importFieldInfo(field: ImportField): ImportFieldInfo {
  return BY_NAME.get(field)!;
}

export const REQUIRED_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter((f) => f.required).map((f) => f.name);

/** A debtor's name comes from at least one of these columns. */
export const NAME_FIELDS: readonly ImportField[] = ['debtorName', 'lastName', 'companyName'];

/**
 * What a mapping lacks before a file can be imported: the required fields, and a column for the
 * debtor's name. Messages name the fields; an empty list means the mapping is complete.
 */
export function mappingProblems(mapping: Partial<Record<ImportField, unknown>>): string[] {
  const out: string[] = [];
  for (const f of REQUIRED_FIELDS) {
    if (mapping[f] === undefined || mapping[f] === null) {
      const info = importFieldInfo(f);
      out.push(`Nessuna colonna per il campo obbligatorio ${info.label} (no column for the required ${info.labelEn})`);
    }
  }
  if (!NAME_FIELDS.some((f) => mapping[f] !== undefined && mapping[f] !== null)) {
    out.push('Nessuna colonna per il nome del debitore: nominativo, cognome o ragione sociale (no column for the debtor’s name)');
  }
  return out;
}
