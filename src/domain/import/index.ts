/**
 * Importing portfolio files: the fields of a row, header suggestions, reading cells, validating a
 * row into a claim and its debtor, limitation periods and debtor matching. Pure rules, no I/O.
 */
export {
  IMPORT_FIELDS,
  IMPORT_FIELD_NAMES,
  NAME_FIELDS,
  REQUIRED_FIELDS,
  fieldHelp,
  fieldLabel,
  importFieldInfo,
  isImportField,
  type ImportField,
  type ImportFieldInfo,
  COMPONENT_FIELDS,
  canBuildReference,
  missingFields,
  type ComponentField,
} from './fields.ts';
export { DEFAULT_REFERENCE_PATTERN, REFERENCE_TOKENS, buildReference, referenceTokens, type ReferenceToken } from './reference.ts';
export { mappingProblems, normaliseHeader, suggestMapping, type MappingSuggestion } from './header-mapping.ts';
export { cleanText, detectDecimal, parseAmount, parseDate, parseYesNo, type DecimalSign, type Parsed } from './values.ts';
export {
  TEXT_LIMITS,
  validateRow,
  type ImportedAddress,
  type ImportedAct,
  type ImportedClaim,
  type ImportedComponent,
  type ImportedContact,
  type ImportedDebtor,
  type ImportRecord,
  type RowContext,
  type RowProblem,
  type RowResult,
} from './validate-row.ts';
export { splitFullName, type SplitName } from './names.ts';
export { cfBirth, cfFirstNameCode, cfMatchesBirthDate, cfMatchesName, cfSurnameCode } from './cf-person.ts';
export {
  kindOfTributeCode,
  parseActKind,
  parseClaimKind,
  parseCountry,
  parseCurrency,
  parseDebtorKind,
  parseLanguage,
  type CountryCode,
  type LanguageCode,
} from './words.ts';
export {
  LIMITATION_RULES,
  isTimeBarred,
  limitationRule,
  timeBarredFrom,
  type LimitationRule,
  type TimeBarOptions,
} from './time-bar.ts';
export {
  compareDebtors,
  debtorKeys,
  normaliseAddress,
  normaliseName,
  similarNames,
  type DebtorKeys,
  type MatchSubject,
} from './matching.ts';
