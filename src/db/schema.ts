import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ChargedCostKind, ComponentKind } from '../domain/model.ts';
import type { AttachmentDataTable, GuaranteeClaimsTable, GuaranteesTable, GuarantorLettersTable, GuarantorsTable, MediationClaimsTable, MediationsTable } from './schema-guarantees.ts';

/** numeric columns: read as exact decimal strings, written as strings. */
export type Numeric = ColumnType<string, string, string>;
/** date columns: read as 'YYYY-MM-DD' (DATE parser set to identity), written as the same. */
export type DateCol = ColumnType<string, string, string>;
export type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | undefined, string>;

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: 'agency' | 'company';
  country: Generated<string>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface CreditorsTable {
  id: Generated<string>;
  tenant_id: string;
  code: string | null;
  name: string;
  kind: 'company' | 'public_entity' | 'individual';
  tax_code: string | null;
  vat_number: string | null;
  ch_uid: string | null;
  country: Generated<string>;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  province: string | null;
  email: string | null;
  pec: string | null;
  phone: string | null;
  iban: string | null;
  mandate_reference: string | null;
  mandate_signed_on: NullableDate;
  mandate_starts_on: NullableDate;
  mandate_ends_on: NullableDate;
  commission_percent: ColumnType<string | null, string | null | undefined, string | null>;
  default_currency: Generated<string>;
  default_jurisdiction: Generated<string>;
  allocation_order: Generated<string>;
  flat_compensation: Generated<boolean>;
  reminder_fees: ColumnType<string[], string | undefined, string>;
  /** Codice catastale (F24 section EL), e.g. H501. */
  cadastral_code: string | null;
  /** The comune's regulation (domain RevenueRules); null: the shipped defaults. */
  revenue_rules: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** pagoPA set-up (PagopaSettings); null: not set up. */
  pagopa: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  pagopa_next_iuv: ColumnType<string, string | undefined, string>;
  /** The creditor's promise rules (domain/desk/promises.ts PromiseRules, migration 0024); null: the defaults. */
  promise_rules: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** A creditor's own plan rules over the default of its kind (migration 0028; null: the default). */
  plan_rules: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** The creditor's mandate for settlements (migration 0029, domain/settlements.ts); null: the defaults. */
  settlement_rules: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** The creditor's own risk-class thresholds over the defaults (migration 0048, domain/risk/rules.ts). */
  risk_rules: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  notes: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'supervisor' | 'operator' | 'viewer' | 'law_firm';
  creditor_id: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  tenant_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** A debtor's payment-behaviour profile, per debtor (creditor_id null) and per debtor × creditor (migration 0048). */
export interface DebtorProfilesTable {
  tenant_id: string;
  debtor_id: string;
  creditor_id: string | null;
  risk_class: 'A' | 'B' | 'C' | 'D';
  figures: ColumnType<Record<string, unknown>, string, string>;
  reasons: ColumnType<{ code: string; params?: Record<string, string | number> }[], string, string>;
  computed_at: Generated<Date>;
}

/** Debtors whose profile waits to be refreshed (migration 0054: a bank file's chunks mark them). */
export interface DebtorProfilesStaleTable {
  tenant_id: string;
  debtor_id: string;
  marked_at: Generated<Date>;
}

/** The operator's choice on the advice for a debtor in the negotiation tier (migration 0048). */
export interface DebtorAdviceTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  creditor_id: string | null;
  recommended: 'negotiate' | 'guarantee' | 'close';
  choice: 'negotiate' | 'guarantee' | 'close';
  reason: string;
  risk_class: 'A' | 'B' | 'C' | 'D' | null;
  decided_by: string | null;
  decided_at: Generated<Date>;
}

export interface DebtorsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'consumer' | 'sole_trader' | 'company' | 'public_administration';
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  display_name: string;
  tax_code: string | null;
  vat_number: string | null;
  ch_uid: string | null;
  birth_date: NullableDate;
  language: Generated<string>;
  hardship: Generated<boolean>;
  hardship_note: string | null;
  deceased: Generated<boolean>;
  ceased: Generated<boolean>;
  external_ref: string | null;
  match_key: string | null;
  notes: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AddressesTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  kind: 'residence' | 'domicile' | 'registered_office' | 'billing' | 'other';
  line1: string;
  line2: string | null;
  postal_code: string | null;
  city: string;
  province: string | null;
  country: Generated<string>;
  valid_from: NullableDate;
  valid_to: NullableDate;
  source: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContactsTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  channel: 'phone' | 'mobile' | 'email' | 'pec';
  value: string;
  label: string | null;
  status: Generated<'unverified' | 'valid' | 'invalid'>;
  source: Generated<string>;
  consent: Generated<'unknown' | 'granted' | 'withdrawn'>;
  third_party: Generated<boolean>;
  third_party_relation: string | null;
  valid_from: NullableDate;
  valid_to: NullableDate;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ClaimsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  debtor_id: string;
  external_ref: string;
  kind: 'invoice' | 'imu' | 'tari' | 'cup' | 'cds_fine' | 'other';
  description: string | null;
  principal: Numeric;
  currency: 'EUR' | 'CHF';
  issue_date: NullableDate;
  due_date: DateCol;
  contract_date: NullableDate;
  tax_year: number | null;
  jurisdiction: 'IT' | 'CH' | 'DE' | 'FR';
  interest_regime: string | null;
  judicial_claim_date: NullableDate;
  interest_rate: ColumnType<string | null, string | null | undefined, string | null>;
  interest_base: string | null;
  interest_spread: ColumnType<string | null, string | null | undefined, string | null>;
  day_count: Generated<string>;
  interest_paid: ColumnType<string, string | undefined, string>;
  costs_paid: ColumnType<string, string | undefined, string>;
  import_job_id: string | null;
  status: Generated<string>;
  stage: Generated<string>;
  /** What was paid on the principal component(s). */
  principal_paid: ColumnType<string, string | undefined, string>;
  next_action_on: NullableDate;
  closed_on: NullableDate;
  strategy_id: string | null;
  dunning_step_no: Generated<number>;
  /** The claim's number for payment references (RF / QRR), unique in the installation. */
  ref_no: ColumnType<string, never, never>;
  dunning_step_key: string | null;
  dunning_step_on: NullableDate;
  hold_until: NullableDate;
  hold_reason: string | null;
  /** The act behind a comune's position (migration 0017); null for a company's claim. */
  act_kind: 'bonario' | 'accertamento_esecutivo' | 'ingiunzione_fiscale' | 'verbale_cds' | 'cup_notice' | 'other' | null;
  act_number: string | null;
  act_date: NullableDate;
  act_notified_on: NullableDate;
  act_enforceable_on: NullableDate;
  /** pagoPA codice avviso (18 digits), unique per comune. */
  notice_code: string | null;
  /** No agreed due date: interest only from the day after the formal notice was received (migration 0045). */
  interest_after_notice: Generated<boolean>;
  /** The creditor gave up the claim's interest (migration 0045): reason, note, who, when; null: none. */
  interest_waiver: ColumnType<InterestWaiver | null, string | null | undefined, string | null>;
  /** Why the agency handed the position back to the creditor (status returned; migration 0046). */
  return_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The desk's facts (migration 0047): first contact attempt, first right-party conversation, number found invalid with nobody reached. */
  worked_on: ColumnType<string | null, string | null | undefined, string | null>;
  reached_on: ColumnType<string | null, string | null | undefined, string | null>;
  unreachable_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InterestWaiver {
  reason: 'small_amount' | 'loyal_customer' | 'force_majeure' | 'other';
  note: string | null;
  on: string;
  by: string;
}

export interface PaymentsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  debtor_id: string;
  amount: Numeric;
  unallocated: ColumnType<string, string | undefined, string>;
  currency: 'EUR' | 'CHF';
  value_date: DateCol;
  method: string;
  reference: string | null;
  payer_name: string | null;
  note: string | null;
  reversed_at: Date | null;
  /** The day it was reversed (the supervisor's `on`; migration 0042); set exactly when `reversed_at` is. */
  reversed_on: NullableDate;
  reversal_reason: string | null;
  /** How the payment was imputed (migration 0029): by law, to named claims, or as the payer split it; null before. */
  imputation: ColumnType<'law' | 'claims' | 'payer' | null, 'law' | 'claims' | 'payer' | null | undefined, never>;
  idempotency_key: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ClaimComponentsTable {
  id: Generated<string>;
  tenant_id: string;
  claim_id: string;
  position: number;
  kind: ComponentKind;
  amount: Numeric;
  accrues_interest: boolean;
  paid: ColumnType<string, string | undefined, string>;
  waived: ColumnType<string, string | undefined, string>;
  tribute_code: string | null;
  created_at: Generated<Date>;
}

/**
 * A claim's stored balance, as of `balance_on` (null: not computed yet); see src/domain/claims/balance.ts.
 * Rows are made and kept in step with their claim (status, creditor, currency, principal) by triggers.
 */
export interface ClaimBalancesTable {
  claim_id: string;
  tenant_id: string;
  creditor_id: string;
  currency: string;
  status: string;
  principal: Numeric;
  principal_due: Numeric;
  interest_due: Numeric;
  costs_due: Numeric;
  total_due: Numeric;
  /** The part of principal_due that bears no interest (migration 0016). */
  parts_due: ColumnType<string, string | undefined, string>;
  interest_carried: Numeric;
  interest_from: ColumnType<string, string, string>;
  balance_on: NullableDate;
  balance_problem: string | null;
}

export interface ClaimTotalDeltasTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  currency: string;
  status: string;
  claims: string;
  principal: Numeric;
  principal_due: Numeric;
  interest_due: Numeric;
  costs_due: Numeric;
  total_due: Numeric;
}

/** The portal's progress per load, revenue, tax year, placement month and stage (migration 0047). */
export interface PortfolioProgressDeltasTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  import_job_id: string | null;
  revenue: string;
  tax_year: number | null;
  currency: string;
  placed_month: DateCol;
  stage: string;
  claims: string;
  worked: string;
  reached: string;
  loaded: Numeric;
  collected: Numeric;
  collected_other: Numeric;
  annulled: Numeric;
  residual: Numeric;
  closed: string;
  closed_days: string;
}

/** Open positions and their residual per due date (migration 0047). */
export interface OpenDueDeltasTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  currency: string;
  due_date: DateCol;
  claims: string;
  residual: Numeric;
}

/** Collected per claim group and month of payment (migration 0047). */
export interface CollectionDeltasTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  import_job_id: string | null;
  revenue: string;
  tax_year: number | null;
  currency: string;
  placed_month: DateCol;
  paid_month: DateCol;
  amount: Numeric;
  on_load: Numeric;
}

export interface DebtorCountDeltasTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  hardship: boolean;
  debtors: string;
}

/** What an allocation paid: the claim's costs or interest, its accruing capital, or a part by kind (0016). */
export type AllocationComponent = 'costs' | 'fees' | 'interest' | 'principal' | 'tax' | 'sanctions' | 'act_interest' | 'notification_costs' | 'collection_charges';

export interface PaymentAllocationsTable {
  id: Generated<string>;
  tenant_id: string;
  payment_id: string;
  claim_id: string;
  /** The component row an allocation paid (null for the claim's costs and interest; migration 0016). */
  component_id: string | null;
  component: Generated<AllocationComponent>;
  amount: Numeric;
  created_at: Generated<Date>;
}

export interface ClaimCostsTable {
  id: Generated<string>;
  tenant_id: string;
  claim_id: string;
  kind: ChargedCostKind;
  label: string;
  amount: Numeric;
  incurred_on: DateCol;
  source_key: string | null;
  waived_on: NullableDate;
  waived_by: string | null;
  waiver_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ImportMappingsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  name: string;
  mapping: ColumnType<Record<string, string>, string, string>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/**
 * A message an import stored for later reading, rendered in the reader's language then: a code and
 * its params (src/domain/messages); text stored before codes existed is shown as it is.
 */
export type StoredMessage = string | { code: string; params?: Record<string, string | number> };

/** A reason a row was rejected: its field and column, and the coded message (older rows: `message`, Italian text). */
export interface StoredRowProblem {
  field: string | null;
  column: string | null;
  code?: string;
  params?: Record<string, string | number>;
  message?: string;
}

export interface ImportJobsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  file_name: string;
  file_sha256: string;
  file_bytes: ColumnType<string, number | string, number | string>;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headers: ColumnType<string[] | null, string | null | undefined, string | null>;
  mapping: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'uploaded' | 'queued' | 'validating' | 'importing' | 'done' | 'failed'>;
  rows_read: Generated<number>;
  imported: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  debtors_created: Generated<number>;
  debtors_matched: Generated<number>;
  last_line: Generated<number>;
  /** Why the job failed: a coded message as `encodeMessage` writes it, or (older jobs) plain text. */
  error: string | null;
  warnings: ColumnType<StoredMessage[], string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Generated<Date>;
  /** What a start asked for (mapping, preset, options), kept until a worker runs it (migration 0014). */
  start_request: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** The user who started the import: its worker acts as them, with their role at the time it runs. */
  requested_by: string | null;
  requested_at: Date | null;
}

export interface ImportFilesTable {
  job_id: string;
  seq: number;
  data: Buffer;
}

export interface ImportRejectsTable {
  tenant_id: string;
  job_id: string;
  line: number;
  cells: ColumnType<Record<string, string>, string, string>;
  problems: ColumnType<StoredRowProblem[], string, string>;
  status: Generated<'open' | 'reimported' | 'dismissed'>;
  resolved_at: Date | null;
}

export interface ImportReviewsTable {
  id: Generated<string>;
  tenant_id: string;
  job_id: string;
  line: number;
  debtor_id: string;
  candidate_id: string;
  /** A coded message as `encodeMessage` writes it, or (older reviews) plain text. */
  reason: string;
  status: Generated<'open' | 'merged' | 'kept_separate'>;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export interface NotesTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  claim_id: string | null;
  body: string;
  author_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string | null;
  claim_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: ColumnType<string, string | number, string | number>;
  sha256: string;
  uploaded_by: string | null;
  created_at: Generated<Date>;
  /** The guarantee the document belongs to (migration 0049). */
  guarantee_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  tenant_id: string;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  debtor_id: string | null;
  creditor_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
}

export interface RatePeriodsTable {
  id: Generated<string>;
  series: 'it-legal' | 'it-commercial-reference' | 'ecb-mro' | 'de-basiszins' | 'fr-legal';
  valid_from: DateCol;
  valid_to: NullableDate;
  rate_percent: Numeric;
  rate2_percent: ColumnType<string | null, string | null | undefined, string | null>;
  source: string;
  /** Set only on rows entered before rates became installation-wide (0009). */
  tenant_id: string | null;
  added_by: string | null;
  /** The installation operator who entered this version (never shown to tenants). */
  added_by_label: string;
  /** 1 for the period as first entered; a correction is version + 1 and names what it supersedes. */
  version: Generated<number>;
  supersedes: string | null;
  /** Why a correction was made (required from version 2). */
  reason: string | null;
  created_at: Generated<Date>;
}

export interface StrategiesTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  name: string;
  template: string | null;
  /** Step[] of the domain's strategy schema, validated on every write. */
  steps: Json;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CommunicationsTable {
  id: string;
  tenant_id: string;
  debtor_id: string;
  creditor_id: string;
  ref_no: ColumnType<string, string | undefined, never>;
  run_date: DateCol;
  step_no: number;
  step_key: string;
  tier: 'soft' | 'formal' | 'negotiation' | 'closure' | 'legal';
  channel: 'email' | 'pec' | 'letter' | 'registered_letter' | 'sms' | 'phone_task';
  contact_id: string | null;
  recipient: string;
  language: 'it' | 'de' | 'fr' | 'en';
  subject: string;
  currency: 'EUR' | 'CHF';
  amount: Numeric;
  fees: ColumnType<string, string | undefined, string>;
  postage: ColumnType<string, string | undefined, string>;
  payment_reference: string | null;
  status: 'queued' | 'sent' | 'failed' | 'to_print' | 'printed' | 'task_open' | 'task_done' | 'cancelled';
  body_text: string | null;
  body_html: string | null;
  pdf: Buffer | null;
  /** SHA-256 of the stored document (PDF, else the HTML e-mail); null until a letter is rendered. */
  sha256: string | null;
  /** The day it reached the debtor (A/R card, PEC delivery receipt), when known (migration 0045). */
  received_on: NullableDate;
  message_id: string | null;
  error: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** The letter as decided (the renderer's input), for letters sent by post: a print batch re-lays it. */
  letter: Json | null;
  print_batch_id: string | null;
}

export interface PrintBatchesTable {
  id: string;
  tenant_id: string;
  ref_no: ColumnType<string, never, never>;
  letters: number;
  pages: number;
  duplex: boolean;
  pdf: Buffer;
  pdf_sha256: string;
  manifest: string;
  manifest_sha256: string;
  created_by: string | null;
  actor_label: string;
  created_at: Generated<Date>;
}

export interface CommunicationClaimsTable {
  tenant_id: string;
  communication_id: string;
  claim_id: string;
  step_no: number;
  step_key: string;
  total_due: Numeric;
  fee: string | null;
  superseded: Generated<boolean>;
}

export interface OutboxTable {
  id: Generated<string>;
  tenant_id: string;
  /** A letter or e-mail to a debtor; or, instead (migration 0043), a scheduled report to a creditor. */
  communication_id: string | null;
  report_mail_id: string | null;
  /** Or a guarantor's written demand (migration 0052). */
  guarantor_letter_id: string | null;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  lease_until: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface LocalMailboxTable {
  id: Generated<string>;
  tenant_id: string;
  message_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  received_at: Generated<Date>;
}

/** A supervisor's work queue (migration 0023): which debtors, for which mandate, weighted how. */
export interface WorkQueuesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  creditor_id: string | null;
  filter: ColumnType<unknown, string | undefined, string>;
  weights: ColumnType<unknown, string | null | undefined, string | null>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WorkQueueMembersTable {
  tenant_id: string;
  queue_id: string;
  user_id: string;
}

/** A debtor in a work queue: its priority, when it may be worked next, its callback and lease. */
export interface DeskItemsTable {
  tenant_id: string;
  queue_id: string;
  debtor_id: string;
  priority: Generated<number>;
  owed: ColumnType<string, string | undefined, string>;
  next_work_at: ColumnType<Date, Date | string | undefined, Date | string>;
  callback_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  callback_user_id: string | null;
  leased_by: string | null;
  leased_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_outcome: string | null;
  last_worked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  added_at: Generated<Date>;
}

/** A promise to pay made on the desk (migration 0023). */
export interface PromisesTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  amount: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  grace_days: number;
  channel: string | null;
  made_on: ColumnType<string, string, string>;
  made_by: string | null;
  claim_ids: ColumnType<string[], string[], string[]>;
  /** The currency of the positions it covers (migration 0055). */
  currency: string;
  state: Generated<'pending' | 'kept' | 'short' | 'broken' | 'cancelled'>;
  paid: ColumnType<string, string | undefined, string>;
  judged_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

/** An instalment plan (migration 0028). */
export interface PlansTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  creditor_id: string;
  claim_ids: ColumnType<string[], string[], string[]>;
  currency: string;
  total: ColumnType<string, string, string>;
  instalment_count: number;
  state: 'proposed' | 'active' | 'lapsed' | 'paid' | 'cancelled' | 'rejected';
  needs_approval: ColumnType<boolean, boolean | undefined, boolean>;
  /** Why it is outside the rules, coded (encodeMessage). */
  reasons: ColumnType<string[], string[] | undefined, string[]>;
  /** What each position owed when the plan was made, claim id → amount (migration 0030; null: older plans). */
  claim_amounts: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  rules: ColumnType<Record<string, unknown>, string, string>;
  started_on: ColumnType<string, string, string>;
  proposed_by: string;
  approved_by: string | null;
  approved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decided_reason: string | null;
  extension_used: ColumnType<boolean, boolean | undefined, boolean>;
  extended_on: NullableDate;
  lapsed_on: NullableDate;
  closed_on: NullableDate;
  paid: ColumnType<string, string | undefined, string>;
  /** Interest on the deferral, within `total` (migration 0036; 0: none). */
  interest: ColumnType<string, string | undefined, string>;
  /** Its yearly rate (percent, legal rate on the start + the rules' points) and the legal rate's source; null: none. */
  deferral_rate: ColumnType<string | null, string | null | undefined, string | null>;
  deferral_rate_source: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
}

export interface PlanInstalmentsTable {
  tenant_id: string;
  plan_id: string;
  number: number;
  due_on: ColumnType<string, string, string>;
  amount: ColumnType<string, string, string>;
  /** Its interest on the deferral, within `amount` (migration 0036); the capital is amount − interest. */
  interest: ColumnType<string, string | undefined, string>;
  paid: ColumnType<string, string | undefined, string>;
  state: ColumnType<'due' | 'paid' | 'partly_paid' | 'late', ('due' | 'paid' | 'partly_paid' | 'late') | undefined, 'due' | 'paid' | 'partly_paid' | 'late'>;
  reminded_on: NullableDate;
  /** The courtesy reminder before the due date was sent on this day (migration 0031). */
  courtesy_on: NullableDate;
  /** The instalment's number for its RF / QR references (migration 0030), from an installation-wide sequence. */
  ref_no: ColumnType<string, string | undefined, never>;
  /** Its own pagoPA codice avviso when the creditor is a comune that generates its notices (migration 0030). */
  notice_code: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A settlement offer (saldo e stralcio, migration 0029). */
export interface SettlementsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  debtor_id: string;
  claim_ids: ColumnType<string[], string[], string[]>;
  currency: string;
  owed: Numeric;
  amount: Numeric;
  offered_on: DateCol;
  deadline: DateCol;
  state: 'awaiting_approval' | 'offered' | 'paid' | 'expired' | 'rejected' | 'cancelled';
  approvals: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  proposed_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  paid_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

/** A call dialled from the desk, with its right-party check (migration 0024). */
export interface DeskCallsTable {
  id: Generated<string>;
  tenant_id: string;
  queue_id: string;
  debtor_id: string;
  contact_id: string;
  user_id: string;
  started_at: Date;
  ended_at: Date | null;
  identity_method: 'tax_id' | 'birth_date' | null;
  identity_verified_at: Date | null;
  identity_failures: Generated<number>;
  outcome: string | null;
  contact_log_id: string | null;
}

/** A creditor's own wording of a template (migration 0022; the text is domain/dunning/custom-templates.ts TemplateText). */
export interface CreditorTemplatesTable {
  tenant_id: string;
  creditor_id: string;
  template_key: string;
  language: 'it' | 'en' | 'de' | 'fr';
  text: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface ContactLogTable {
  id: Generated<string>;
  tenant_id: string;
  debtor_id: string;
  communication_id: string | null;
  channel: string;
  kind: 'written' | 'phone_attempt' | 'conversation';
  contact_id: string | null;
  local_date: DateCol;
  local_time: string | null;
  allowed: boolean;
  reason: string | null;
  actor_label: string;
  /** The desk's outcome code (migration 0023). */
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who made the desk call and from which queue (migration 0025). */
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  queue_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A supervisor's correction of the outcome, next to the original (migration 0025). */
  corrected_outcome: ColumnType<string | null, string | null | undefined, string | null>;
  corrected_by: ColumnType<string | null, string | null | undefined, string | null>;
  corrected_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  correction_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The review of a debtor this outcome sent out of the queues, closed (migration 0025). */
  review_closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  review_closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  review_resolution: ColumnType<'requeued' | 'closed' | null, 'requeued' | 'closed' | null | undefined, 'requeued' | 'closed' | null>;
  created_at: Generated<Date>;
}

/** A bank file imported (migration 0027). */
export interface BankFilesTable {
  id: Generated<string>;
  tenant_id: string;
  file_name: string;
  sha256: string;
  format: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<BankFileStatus, BankFileStatus | undefined, BankFileStatus>;
  entries: Generated<number>;
  matched: Generated<number>;
  to_reconcile: Generated<number>;
  already_recorded: Generated<number>;
  not_booked: Generated<number>;
  problems: Json;
  error: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The saved CSV mapping a stored bank CSV is read with (migration 0037). */
  mapping: ColumnType<string | null, string | null | undefined, string | null>;
  /** Size of the stored file (`bank_file_data`); null for a file the CLI read from disk. */
  file_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  updated_at: Generated<Date>;
}

export type BankFileStatus = 'queued' | 'running' | 'done' | 'failed';

/** The bytes of a bank file uploaded over HTTP, in chunks (migration 0037). */
export interface BankFileDataTable {
  tenant_id: string;
  file_id: string;
  seq: number;
  data: Buffer;
}

/** One transaction of a bank file (migration 0027): unique per account and entry key. */
export interface BankEntriesTable {
  id: Generated<string>;
  tenant_id: string;
  file_id: string;
  account: string;
  entry_key: string;
  direction: 'credit' | 'debit';
  reversal: Generated<boolean>;
  amount: Numeric;
  currency: string;
  booking_date: NullableDate;
  value_date: NullableDate;
  party_name: string | null;
  party_iban: string | null;
  remittance: string | null;
  refs: ColumnType<string[], string[] | undefined, string[]>;
  end_to_end_id: string | null;
  return_reason: string | null;
  state: 'matched' | 'to_reconcile' | 'ignored';
  matched_by: ColumnType<string | null, string | null | undefined, string | null>;
  reason: ColumnType<unknown, string | null | undefined, string | null>;
  claim_ids: ColumnType<string[], string[] | undefined, string[]>;
  payment_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Every payment the entry became (several when a person split it); payment_id is the first. */
  payment_ids: ColumnType<string[], string[] | undefined, string[]>;
  suggestions: ColumnType<unknown, string | null | undefined, string | null>;
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Generated<Date>;
}

/** A creditor's mandate terms, one version per effective date (migration 0038; domain/commission/terms.ts). */
export interface MandateTermsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  effective_from: DateCol;
  terms: ColumnType<unknown, string, never>;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface RemittanceStatementNumbersTable {
  tenant_id: string;
  year: number;
  last_number: number;
}

/** An issued remittance statement (migration 0038): immutable, a trigger refuses update and delete. */
export interface RemittanceStatementsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  year: number;
  number: number;
  currency: string;
  period_from: DateCol;
  period_to: DateCol;
  issued_on: DateCol;
  language: 'it' | 'en' | 'de' | 'fr';
  corrects_id: string | null;
  totals: ColumnType<unknown, string, never>;
  terms: ColumnType<unknown, string, never>;
  pdf: Buffer;
  pdf_sha256: string;
  xlsx: Buffer;
  xlsx_sha256: string;
  issued_by: string | null;
  issued_at: Generated<Date>;
}

export interface RemittanceStatementLinesTable {
  statement_id: string;
  tenant_id: string;
  position: number;
  kind: 'payment' | 'reversal';
  payment_id: string;
  claim_id: string;
  claim_ref: string;
  debtor_name: string;
  value_date: DateCol;
  reversed_on: NullableDate;
  collected: Numeric;
  base: Numeric;
  percent: string;
  commission: Numeric;
  reimbursed: Numeric;
  terms_id: string | null;
  unpriced: 'no_terms' | 'no_rule' | null;
  /** Reported as paid to the creditor directly (migration 0053). */
  paid_to_creditor: Generated<boolean>;
}

/** An issued discharge report, sealed (migration 0039): a trigger refuses UPDATE and DELETE. */
export interface DischargeReportsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  import_job_id: string | null;
  as_of: DateCol;
  format: 'csv' | 'xlsx' | 'pdf';
  language: 'it' | 'en' | 'de' | 'fr';
  file_name: string;
  content: Buffer;
  sha256: string;
  positions: number;
  totals: Json;
  issued_by: string | null;
  issued_by_label: string;
  issued_at: Generated<Date>;
}

/** A creditor's scheduled report (migration 0043): how often, in which language, to whom, next due day. */
export interface ReportSchedulesTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  frequency: 'weekly' | 'monthly';
  language: 'it' | 'en' | 'de' | 'fr';
  recipients: string[];
  active: Generated<boolean>;
  next_run_on: DateCol;
  created_by_label: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

/** One scheduled report as made for a period (migration 0043): its PDF and XLSX with their SHA-256. */
export interface ReportRunsTable {
  id: Generated<string>;
  tenant_id: string;
  schedule_id: string;
  creditor_id: string;
  period_from: DateCol;
  period_to: DateCol;
  language: string;
  pdf: Buffer;
  pdf_sha256: string;
  xlsx: Buffer;
  xlsx_sha256: string;
  created_at: Generated<Date>;
}

/** A report's (0043) or an alert digest's (0044) e-mail to one recipient, delivered through the outbox. */
export interface ReportMailsTable {
  id: Generated<string>;
  tenant_id: string;
  run_id: string | null;
  digest_id: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  message_id: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  error: string | null;
  sent_at: Date | null;
}

/** A user's choice of alerts (migration 0044) and the last day its digest covered. */
export interface AlertSubscriptionsTable {
  tenant_id: string;
  user_id: string;
  kinds: string[];
  email: Generated<boolean>;
  last_digest_on: NullableDate;
  updated_at: Generated<Date>;
}

/** A user's daily digest of alerts (migration 0044): the items found for its period. */
export interface AlertDigestsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  digest_on: DateCol;
  period_from: DateCol;
  period_to: DateCol;
  items: ColumnType<unknown, string, string>;
  total: number;
  created_at: Generated<Date>;
}

/** The last number of a creditor's interest invoices in a year (migration 0045). */
export interface InterestInvoiceNumbersTable {
  tenant_id: string;
  creditor_id: string;
  year: number;
  last: number;
}

/** A separate invoice of a claim's interest over a period (migration 0045), sealed. */
export interface InterestInvoicesTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  claim_id: string;
  debtor_id: string;
  year: number;
  number: number;
  issued_on: DateCol;
  period_from: DateCol;
  period_to: DateCol;
  amount: Numeric;
  currency: string;
  language: 'it' | 'en' | 'de' | 'fr';
  pdf: Buffer;
  sha256: string;
  issued_by_label: string;
  issued_at: Generated<Date>;
}

export interface DB {
  tenants: TenantsTable;
  interest_invoice_numbers: InterestInvoiceNumbersTable;
  interest_invoices: InterestInvoicesTable;
  alert_subscriptions: AlertSubscriptionsTable;
  alert_digests: AlertDigestsTable;
  report_schedules: ReportSchedulesTable;
  // guarantees and mediation (issue 17 items 3-4, migration 0049): src/db/schema-guarantees.ts
  guarantors: GuarantorsTable;
  guarantees: GuaranteesTable;
  guarantee_claims: GuaranteeClaimsTable;
  attachment_data: AttachmentDataTable;
  guarantor_letters: GuarantorLettersTable;
  mediations: MediationsTable;
  mediation_claims: MediationClaimsTable;
  report_runs: ReportRunsTable;
  report_mails: ReportMailsTable;
  mandate_terms: MandateTermsTable;
  remittance_statement_numbers: RemittanceStatementNumbersTable;
  remittance_statements: RemittanceStatementsTable;
  remittance_statement_lines: RemittanceStatementLinesTable;
  creditors: CreditorsTable;
  debtor_profiles: DebtorProfilesTable;
  debtor_profiles_stale: DebtorProfilesStaleTable;
  debtor_advice: DebtorAdviceTable;
  users: UsersTable;
  sessions: SessionsTable;
  debtors: DebtorsTable;
  addresses: AddressesTable;
  contacts: ContactsTable;
  claims: ClaimsTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  settlements: SettlementsTable;
  claim_components: ClaimComponentsTable;
  claim_total_deltas: ClaimTotalDeltasTable;
  portfolio_progress_deltas: PortfolioProgressDeltasTable;
  open_due_deltas: OpenDueDeltasTable;
  collection_deltas: CollectionDeltasTable;
  debtor_count_deltas: DebtorCountDeltasTable;
  claim_balances: ClaimBalancesTable;
  claim_costs: ClaimCostsTable;
  import_mappings: ImportMappingsTable;
  import_jobs: ImportJobsTable;
  import_files: ImportFilesTable;
  import_rejects: ImportRejectsTable;
  import_reviews: ImportReviewsTable;
  notes: NotesTable;
  attachments: AttachmentsTable;
  audit_events: AuditEventsTable;
  rate_periods: RatePeriodsTable;
  strategies: StrategiesTable;
  communications: CommunicationsTable;
  print_batches: PrintBatchesTable;
  communication_claims: CommunicationClaimsTable;
  outbox: OutboxTable;
  local_mailbox: LocalMailboxTable;
  contact_log: ContactLogTable;
  creditor_templates: CreditorTemplatesTable;
  work_queues: WorkQueuesTable;
  work_queue_members: WorkQueueMembersTable;
  desk_items: DeskItemsTable;
  promises: PromisesTable;
  bank_files: BankFilesTable;
  bank_entries: BankEntriesTable;
  bank_file_data: BankFileDataTable;
  desk_calls: DeskCallsTable;
  plans: PlansTable;
  plan_instalments: PlanInstalmentsTable;
  discharge_reports: DischargeReportsTable;
  legal_handoffs: LegalHandoffsTable;
  legal_outcomes: LegalOutcomesTable;
  queries: QueriesTable;
  query_messages: QueryMessagesTable;
}

export type Tenant = Selectable<TenantsTable>;
export type Creditor = Selectable<CreditorsTable>;
export type User = Selectable<UsersTable>;
export type Debtor = Selectable<DebtorsTable>;
export type Address = Selectable<AddressesTable>;
export type Contact = Selectable<ContactsTable>;
export type Claim = Selectable<ClaimsTable>;
export type Payment = Selectable<PaymentsTable>;
export type Note = Selectable<NotesTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type NewClaim = Insertable<ClaimsTable>;
export type ClaimUpdate = Updateable<ClaimsTable>;

/** A query between the agency and the creditor about one position (migration 0046, issue 16 item 4). */
export interface QueriesTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  debtor_id: string;
  claim_id: string;
  plan_id: string | null;
  kind: 'dispute' | 'plan_approval' | 'return' | 'question';
  status: ColumnType<'open' | 'answered' | 'closed', 'open' | 'answered' | 'closed' | undefined, 'open' | 'answered' | 'closed'>;
  waiting_for: 'agency' | 'creditor' | null;
  answer: 'confirmed' | 'corrected' | 'annulled' | 'already_paid' | 'approved' | 'rejected' | 'acknowledged' | null;
  answered_by: string | null;
  answered_via: 'portal' | 'pec' | 'phone' | 'email' | 'letter' | null;
  answered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  opened_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface QueryMessagesTable {
  id: Generated<string>;
  tenant_id: string;
  query_id: string;
  side: 'agency' | 'creditor';
  author: string;
  body: string;
  created_at: Generated<Date>;
}

/** A claim handed over to a law firm (migration 0050, issue 17 item 7). */
export interface LegalHandoffsTable {
  id: Generated<string>;
  tenant_id: string;
  claim_id: string;
  firm_name: string;
  /** The firm's user (role law_firm): the only external user who sees this dossier. */
  firm_user_id: string;
  handed_on: DateCol;
  handed_by: string | null;
  handed_by_label: string;
  /** The cost/benefit sheet as it stood at the hand-off. */
  sheet: Json;
  outcome: LegalOutcome | null;
  outcome_on: NullableDate;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type LegalOutcome = 'decree_issued' | 'opposed' | 'paid' | 'enforcement' | 'withdrawn';

/** What the law firm reported back, in order (migration 0050). */
export interface LegalOutcomesTable {
  id: Generated<string>;
  tenant_id: string;
  handoff_id: string;
  outcome: LegalOutcome;
  occurred_on: DateCol;
  note: string | null;
  cost_ids: ColumnType<string[], string[] | undefined, string[]>;
  recorded_by: string | null;
  recorded_by_label: string;
  created_at: Generated<Date>;
}
