import type { DAY_COUNTS as DayCountList } from '../../../src/domain/model';
import type { paths } from './schema';

/**
 * The API's shapes as the UI uses them (camelCase, money as decimal strings, dates 'YYYY-MM-DD',
 * instants ISO 8601), and the stored enum values the UI offers in its selects.
 */

// The stored enum values come from the domain itself (a file with no imports), so the UI and the
// server can never disagree on them.
export { ROLES, type Role } from '../../../src/domain/policies';
export {
  ADDRESS_KINDS,
  CLAIM_KINDS,
  CLAIM_STATUSES,
  COLLECTION_STAGES,
  CONSENTS,
  CONTACT_CHANNELS,
  CONTACT_STATUSES,
  CREDITOR_KINDS,
  ALLOCATION_ORDERS,
  CLAIM_COST_KINDS,
  CURRENCIES,
  DAY_COUNTS,
  DEBTOR_KINDS,
  INTEREST_REGIMES,
  JURISDICTIONS,
  LANGUAGES,
  OPEN_STATUSES,
  PAYMENT_DRIVEN_STATUSES,
  PAYMENT_METHODS,
  type AddressKind,
  type ClaimCostKind,
  type ClaimKind,
  type ClaimStatus,
  type CollectionStage,
  type Consent,
  type ContactChannel,
  type ContactStatus,
  type CreditorKind,
  type Currency,
  type DebtorKind,
  type Jurisdiction,
  type PaymentMethod,
} from '../../../src/domain/model';

/* ---------- shapes, taken from the generated OpenAPI schema (npm run gen:api) ---------- */

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
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
export type ClaimCost = ClaimDetail['costs'][number];
export type ClaimBalance = ClaimDetail['balance'];
export type ClaimStatement = ResponseOf<'/api/claims/{id}/statement', 'get'>;
export type Payment = ResponseOf<'/api/payments', 'get'>['items'][number];
export type PaymentDetail = ResponseOf<'/api/payments', 'post'>;
export type Note = ResponseOf<'/api/notes', 'get'>['items'][number];
/** One line of a debtor's history: an audit event or a note, newest first. */
export type HistoryEntry = ResponseOf<'/api/debtors/{id}/history', 'get'>['items'][number];
/** One case for the interest calculator, and the statement it answers. */
export type InterestInput = BodyOf<'/api/interest/calculate', 'post'>;
export type InterestStatement = ResponseOf<'/api/interest/calculate', 'post'>;
export type InterestRegime = InterestInput['regime'];
export type DayCount = NonNullable<InterestInput['dayCount']>;

type Assert<T extends true> = T;
/** Fails to compile when the server accepts a day count the list above does not offer. */
export type EveryDayCountOffered = Assert<[DayCount] extends [(typeof DayCountList)[number]] ? true : false>;

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
