import type { paths } from './schema';

/**
 * The API's shapes as the UI uses them (camelCase, money as decimal strings, dates 'YYYY-MM-DD',
 * instants ISO 8601), and the stored enum values the UI offers in its selects.
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

/* ---------- shapes, taken from the generated OpenAPI schema (npm run gen:api) ---------- */

type Method = 'get' | 'post' | 'patch';
type Operation<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: infer O } ? O : never;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** What a successful call answers (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer OK }
      ? JsonOf<OK>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;
/** The JSON body a call takes. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query string a list takes. */
export type QueryOf<P extends keyof paths> =
  Operation<P, 'get'> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Me = ResponseOf<'/api/auth/me', 'get'>['user'];
export type Dashboard = ResponseOf<'/api/dashboard', 'get'>;
export type Creditor = ResponseOf<'/api/creditors/{id}', 'get'>;
export type DebtorListItem = ResponseOf<'/api/debtors', 'get'>['items'][number];
export type DebtorDetail = ResponseOf<'/api/debtors/{id}', 'get'>;
export type Debtor = ResponseOf<'/api/debtors/{id}', 'patch'>;
export type Outstanding = DebtorListItem['outstanding'][number];
export type Address = DebtorDetail['addresses'][number];
export type Contact = DebtorDetail['contacts'][number];
export type Claim = ResponseOf<'/api/claims', 'get'>['items'][number];
export type ClaimDetail = ResponseOf<'/api/claims/{id}', 'get'>;
export type Allocation = ClaimDetail['allocations'][number];
export type Payment = ResponseOf<'/api/payments', 'get'>['items'][number];
export type PaymentDetail = ResponseOf<'/api/payments', 'post'>;
export type Note = ResponseOf<'/api/notes', 'get'>['items'][number];
/** One line of a debtor's history: an audit event or a note, newest first. */
export type HistoryEntry = ResponseOf<'/api/debtors/{id}/history', 'get'>['items'][number];

export type ListParams = {
  page?: number;
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
};

export interface FieldError {
  path: string;
  message: string;
}
