/**
 * The API's shapes as the UI uses them (camelCase, money as decimal strings, dates 'YYYY-MM-DD',
 * instants ISO 8601). Mirrors the use case views in src/usecases/<area>/schema.ts.
 */

export const ROLES = ['admin', 'supervisor', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CURRENCIES = ['EUR', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const JURISDICTIONS = ['IT', 'CH', 'DE', 'FR'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const LANGUAGES = ['it', 'de', 'fr', 'en'] as const;

export const DEBTOR_KINDS = ['consumer', 'sole_trader', 'company', 'public_administration'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];

export const CREDITOR_KINDS = ['company', 'public_entity', 'individual'] as const;
export type CreditorKind = (typeof CREDITOR_KINDS)[number];

export const CLAIM_KINDS = ['invoice', 'imu', 'tari', 'cup', 'cds_fine', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_STATUSES = [
  'open',
  'in_collection',
  'promised',
  'in_plan',
  'disputed',
  'paid',
  'partially_paid',
  'written_off',
  'returned',
  'legal',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Claims still to be collected (what the dashboard counts as open). */
export const OPEN_STATUSES: readonly ClaimStatus[] = [
  'open',
  'in_collection',
  'promised',
  'in_plan',
  'disputed',
  'partially_paid',
  'legal',
];
/** Set by recorded payments only; a person cannot choose them in the claim form. */
export const PAYMENT_DRIVEN_STATUSES: readonly ClaimStatus[] = ['paid', 'partially_paid'];

export const COLLECTION_STAGES = ['none', 'soft', 'formal', 'negotiation', 'closure', 'legal'] as const;
export type CollectionStage = (typeof COLLECTION_STAGES)[number];

export const INTEREST_REGIMES = [
  'it-legal',
  'it-commercial',
  'ch',
  'de-consumer',
  'de-business',
  'fr-legal-private',
  'fr-legal-other',
  'fr-commercial',
  'fixed',
  'spread',
  'none',
] as const;

export const CONTACT_CHANNELS = ['phone', 'mobile', 'email', 'pec'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_STATUSES = ['unverified', 'valid', 'invalid'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const CONSENTS = ['unknown', 'granted', 'withdrawn'] as const;
export type Consent = (typeof CONSENTS)[number];
export const ADDRESS_KINDS = ['residence', 'domicile', 'registered_office', 'billing', 'other'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export const PAYMENT_METHODS = [
  'bank_transfer',
  'sepa_direct_debit',
  'card',
  'cash',
  'cheque',
  'pagopa',
  'qr_bill',
  'postal',
  'other',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListParams {
  page?: number;
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  creditorId: string | null;
  tenant: { id: string; name: string; kind: string };
}

export interface Creditor {
  id: string;
  code: string | null;
  name: string;
  kind: CreditorKind;
  taxCode: string | null;
  vatNumber: string | null;
  chUid: string | null;
  country: string;
  addressLine1: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  email: string | null;
  pec: string | null;
  phone: string | null;
  iban: string | null;
  mandateReference: string | null;
  mandateSignedOn: string | null;
  mandateStartsOn: string | null;
  mandateEndsOn: string | null;
  commissionPercent: string | null;
  defaultCurrency: string;
  defaultJurisdiction: string;
  notes: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Principal still unpaid on open claims, per currency. */
export interface Outstanding {
  currency: string;
  amount: string;
  count: number;
}

export interface Debtor {
  id: string;
  kind: DebtorKind;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  displayName: string;
  taxCode: string | null;
  vatNumber: string | null;
  chUid: string | null;
  birthDate: string | null;
  language: string;
  hardship: boolean;
  hardshipNote: string | null;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DebtorListItem extends Debtor {
  outstanding: Outstanding[];
}

export interface Address {
  id: string;
  debtorId: string;
  kind: AddressKind;
  line1: string;
  line2: string | null;
  postalCode: string | null;
  city: string;
  province: string | null;
  country: string;
  validFrom: string | null;
  validTo: string | null;
  source: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  id: string;
  debtorId: string;
  channel: ContactChannel;
  value: string;
  label: string | null;
  status: ContactStatus;
  source: string;
  consent: Consent;
  thirdParty: boolean;
  thirdPartyRelation: string | null;
  validFrom: string | null;
  validTo: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DebtorDetail extends DebtorListItem {
  addresses: Address[];
  contacts: Contact[];
}

export interface Claim {
  id: string;
  creditorId: string;
  creditorName: string;
  debtorId: string;
  debtorName: string;
  externalRef: string;
  kind: ClaimKind;
  description: string | null;
  principal: string;
  amountPaid: string;
  outstanding: string;
  currency: string;
  issueDate: string | null;
  dueDate: string;
  contractDate: string | null;
  taxYear: number | null;
  jurisdiction: string;
  interestRegime: string | null;
  judicialClaimDate: string | null;
  status: ClaimStatus;
  stage: CollectionStage;
  nextActionOn: string | null;
  closedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Allocation {
  paymentId: string;
  valueDate: string;
  method: string;
  reference: string | null;
  component: string;
  amount: string;
  reversed: boolean;
}

export interface ClaimDetail extends Claim {
  allocations: Allocation[];
}

export interface Payment {
  id: string;
  creditorId: string;
  creditorName: string;
  debtorId: string;
  debtorName: string;
  amount: string;
  unallocated: string;
  currency: string;
  valueDate: string;
  method: string;
  reference: string | null;
  payerName: string | null;
  note: string | null;
  reversedAt: string | null;
  version: number;
  createdAt: string;
}

export interface PaymentDetail extends Payment {
  allocations: { claimId: string; externalRef: string; component: string; amount: string }[];
}

export interface Note {
  id: string;
  debtorId: string;
  claimId: string | null;
  body: string;
  authorId: string | null;
  authorName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One line of a debtor's history: an audit event or a note, newest first. */
export interface HistoryEntry {
  id: string;
  at: string;
  type: 'audit' | 'note';
  /** "<entity>.<verb>", e.g. "claim.created". */
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  before: unknown;
  after: unknown;
  body: string | null;
}

export interface DashboardTotals {
  currency: string;
  count: number;
  principal: string;
  outstanding: string;
}

export interface Dashboard {
  byCurrency: DashboardTotals[];
  byStatus: (DashboardTotals & { status: string })[];
  byCreditor: (DashboardTotals & { creditorId: string; creditorName: string })[];
}

export interface FieldError {
  path: string;
  message: string;
}
