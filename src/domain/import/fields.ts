import { DEFAULT_REFERENCE_PATTERN, referenceTokens, TOKEN_FIELD } from './reference.ts';

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
}

const field = <const N extends string>(name: N, group: ImportFieldInfo['group'], required: boolean) =>
  ({ name, group, required }) satisfies ImportFieldInfo;

/**
 * The fields in the order reports list them. Their names for people are message codes: a short
 * label for messages (`import.field.<name>`, "numero documento") and a description of what the
 * column holds (`import.field_help.<name>`), in every language (src/domain/messages/import).
 */
export const IMPORT_FIELDS = [
  // The claim
  field('externalRef', 'claim', true),
  field('kind', 'claim', false),
  field('description', 'claim', false),
  field('principal', 'claim', true),
  field('currency', 'claim', false),
  field('issueDate', 'claim', false),
  field('dueDate', 'claim', true),
  field('contractDate', 'claim', false),
  field('taxYear', 'claim', false),
  field('iban', 'claim', false),
  // A comune's act: its components (principal = their sum), tribute codes, act, notice code
  field('tax', 'claim', false),
  field('tefa', 'claim', false),
  field('sanctions', 'claim', false),
  field('actInterest', 'claim', false),
  field('notificationCosts', 'claim', false),
  field('collectionCharges', 'claim', false),
  field('tributeCode', 'claim', false),
  field('sanctionsTributeCode', 'claim', false),
  field('interestTributeCode', 'claim', false),
  field('actKind', 'claim', false),
  field('actNumber', 'claim', false),
  field('actDate', 'claim', false),
  field('notifiedOn', 'claim', false),
  field('enforceableOn', 'claim', false),
  field('cadastralCode', 'claim', false),
  field('noticeCode', 'claim', false),
  // The debtor
  field('debtorKind', 'debtor', false),
  field('debtorName', 'debtor', false),
  field('firstName', 'debtor', false),
  field('lastName', 'debtor', false),
  field('companyName', 'debtor', false),
  field('taxCode', 'debtor', false),
  field('vatNumber', 'debtor', false),
  field('chUid', 'debtor', false),
  field('birthDate', 'debtor', false),
  field('language', 'debtor', false),
  field('deceased', 'debtor', false),
  field('ceased', 'debtor', false),
  field('debtorRef', 'debtor', false),
  // The address
  field('addressLine1', 'address', false),
  field('postalCode', 'address', false),
  field('city', 'address', false),
  field('province', 'address', false),
  field('country', 'address', false),
  // Contacts
  field('email', 'contact', false),
  field('pec', 'contact', false),
  field('phone', 'contact', false),
  field('mobile', 'contact', false),
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
 * The amounts of a comune's act, each a component of the claim (src/domain/model.ts COMPONENT_KINDS):
 * with any of them the claim's principal is their sum, and a `principal` column is the act's stated
 * total, checked against it. `tefa` is a second tax component under tribute code TEFA (TARI lists).
 */
export const COMPONENT_FIELDS = ['tax', 'tefa', 'sanctions', 'actInterest', 'notificationCosts', 'collectionCharges'] as const;
export type ComponentField = (typeof COMPONENT_FIELDS)[number];

/** The columns only a comune's list has: with none of them mapped, rows skip their readers. */
export const COMUNE_FIELDS: readonly ImportField[] = [
  ...COMPONENT_FIELDS,
  'tributeCode',
  'sanctionsTributeCode',
  'interestTributeCode',
  'actKind',
  'actNumber',
  'actDate',
  'notifiedOn',
  'enforceableOn',
  'cadastralCode',
  'noticeCode',
];

/**
 * The required fields a mapping lacks, with the alternatives the rows allow: the amount may come from
 * components instead of one column, and the reference may be built (`referencePattern`, see
 * reference.ts) when every column its pattern needs is mapped. A name is checked apart (NAME_FIELDS).
 */
export function missingFields(mapped: (field: ImportField) => boolean, referencePattern: string = DEFAULT_REFERENCE_PATTERN): ImportField[] {
  const out: ImportField[] = [];
  if (!mapped('externalRef') && !canBuildReference(mapped, referencePattern)) out.push('externalRef');
  if (!mapped('principal') && !COMPONENT_FIELDS.some(mapped)) out.push('principal');
  if (!mapped('dueDate')) out.push('dueDate');
  return out;
}

/** Whether a mapping has every column the reference pattern needs (tax code: or a partita IVA / UID). */
export function canBuildReference(mapped: (field: ImportField) => boolean, pattern: string): boolean {
  const tokens = referenceTokens(pattern);
  if (!tokens) return false;
  return tokens.every((t) => {
    const f = TOKEN_FIELD[t];
    if (f === null) return true;
    return t === 'taxCode' ? mapped('taxCode') || mapped('vatNumber') || mapped('chUid') : mapped(f);
  });
}

/**
 * A field's short name in messages ("numero documento"): a message code, rendered in the reader's
 * language (src/domain/messages/import). This file imports only reference.ts (pure too): the web UI reads it.
 */
export const fieldLabel = <F extends ImportField>(field: F): `import.field.${F}` => `import.field.${field}`;

/** What a column of this field holds, for people choosing the mapping (a message code). */
export const fieldHelp = <F extends ImportField>(field: F): `import.field_help.${F}` => `import.field_help.${field}`;
