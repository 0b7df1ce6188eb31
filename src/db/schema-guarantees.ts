import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Json, NullableDate, Numeric } from './schema.ts';

/** Tables of guarantees and mediation (issue 17 items 3–4, migration 0049). */

export type GuarantorKind = 'bank' | 'insurer' | 'person' | 'company';

export interface GuarantorsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: GuarantorKind;
  name: string;
  /** Set when the guarantor is also a debtor record (decision 0007). */
  debtor_id: string | null;
  tax_id: string | null;
  email: string | null;
  phone: string | null;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  province: string | null;
  country: ColumnType<string, string | undefined, string>;
  language: ColumnType<'it' | 'en' | 'de' | 'fr', 'it' | 'en' | 'de' | 'fr' | undefined, 'it' | 'en' | 'de' | 'fr'>;
  created_at: Generated<Date>;
}

export interface GuaranteesTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  debtor_id: string;
  guarantor_id: string;
  kind: 'bank_guarantee' | 'insurance_guarantee' | 'pledge' | 'security_deposit' | 'personal_guarantee';
  reference: string | null;
  amount: Numeric;
  currency: 'EUR' | 'CHF';
  valid_from: DateCol;
  valid_to: NullableDate;
  covers: 'claims' | 'relationship';
  /** Stored state; "expired" is read from valid_to (domain/guarantees/state.ts). */
  state: ColumnType<'active' | 'enforced' | 'released', 'active' | 'enforced' | 'released' | undefined, 'active' | 'enforced' | 'released'>;
  enforced_on: NullableDate;
  enforced_amount: ColumnType<string | null, string | null | undefined, string | null>;
  released_on: NullableDate;
  release_reason: string | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GuaranteeClaimsTable {
  tenant_id: string;
  guarantee_id: string;
  claim_id: string;
}

export interface AttachmentDataTable {
  tenant_id: string;
  attachment_id: string;
  seq: number;
  data: Buffer;
}

export interface GuarantorLettersTable {
  id: Generated<string>;
  tenant_id: string;
  guarantee_id: string;
  guarantor_id: string;
  sent_on: DateCol;
  amount: Numeric;
  currency: 'EUR' | 'CHF';
  language: 'it' | 'en' | 'de' | 'fr';
  recipient: string;
  subject: string;
  pdf: Buffer;
  sha256: string;
  letter: Json;
  /** Migration 0052: how it goes to the guarantor and whether it went. */
  channel: 'email' | 'letter' | 'registered_letter';
  /** Migration 0057: `printed` — a letter by post taken by a print batch (`print_batch_id`). */
  status: 'queued' | 'to_print' | 'printed' | 'sent' | 'failed';
  print_batch_id: Generated<string | null>;
  message_id: string | null;
  body_text: string | null;
  sent_at: Date | null;
  error: string | null;
  /** The strategy step that made the demand; null: the enforce button. */
  step_key: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type MediationProcedure = 'mediazione' | 'negoziazione_assistita' | 'conciliazione_paritetica' | 'schlichtung';
export type MediationOutcome = 'pending' | 'agreed' | 'failed' | 'refused';

export interface MediationsTable {
  id: Generated<string>;
  tenant_id: string;
  creditor_id: string;
  debtor_id: string;
  procedure: MediationProcedure;
  compulsory: boolean;
  proposed_on: DateCol;
  pause_until: DateCol;
  body: string | null;
  note: string | null;
  currency: 'EUR' | 'CHF';
  amount: Numeric;
  outcome: ColumnType<MediationOutcome, MediationOutcome | undefined, MediationOutcome>;
  agreed_amount: ColumnType<string | null, string | null | undefined, string | null>;
  outcome_on: NullableDate;
  outcome_note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MediationClaimsTable {
  tenant_id: string;
  mediation_id: string;
  claim_id: string;
}
