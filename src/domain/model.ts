/**
 * The words of the domain, as stored. Labels for people live in the UI dictionaries.
 * This file imports nothing, so the web UI imports it too: one list of values for both.
 */
export const CURRENCIES = ['EUR', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const LANGUAGES = ['it', 'de', 'fr', 'en'] as const;

export const DEBTOR_KINDS = ['consumer', 'sole_trader', 'company', 'public_administration'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];

export const CREDITOR_KINDS = ['company', 'public_entity', 'individual'] as const;
export type CreditorKind = (typeof CREDITOR_KINDS)[number];

export const CLAIM_KINDS = ['invoice', 'imu', 'tari', 'cup', 'cds_fine', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * A comune's revenues, as claim kinds (the stored words): IMU, TARI, the canone unico patrimoniale
 * (CUP) and Codice della strada fines. TEFA, the provincial levy collected with TARI, is not a revenue
 * of its own here: it is a component of a TARI position with its own F24 tribute code.
 */
export const MUNICIPAL_REVENUE_KINDS = ['imu', 'tari', 'cup', 'cds_fine', 'other'] as const satisfies readonly ClaimKind[];
export type MunicipalRevenueKind = (typeof MUNICIPAL_REVENUE_KINDS)[number];
/** Revenues that are taxes (tributi): interest per art. 1 c. 165 L. 296/2006, sanctions per D.Lgs. 471/1997. */
export const MUNICIPAL_TAX_KINDS = ['imu', 'tari'] as const satisfies readonly MunicipalRevenueKind[];

/**
 * The act behind a comune's position (municipal-notes.md §5): an avviso bonario or sollecito (no title
 * yet), an avviso di accertamento esecutivo (art. 1 c. 792 L. 160/2019), an ingiunzione fiscale (R.D.
 * 639/1910), a verbale under the Codice della strada, a CUP invoice or notice, another act.
 */
export const ACT_KINDS = ['bonario', 'accertamento_esecutivo', 'ingiunzione_fiscale', 'verbale_cds', 'cup_notice', 'other'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

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
/** Claims still to be collected (dashboard "open claims"). */
export const OPEN_STATUSES: readonly ClaimStatus[] = [
  'open',
  'in_collection',
  'promised',
  'in_plan',
  'disputed',
  'partially_paid',
  'legal',
];

/**
 * What a claim's money is made of. A company's claim is one `principal`; a comune's act splits into
 * tax (imposta, tributo, canone), sanctions, the interest the act liquidated, notification costs and
 * the c.803 collection charges; fees and costs come later in the claim's life. Whether a component
 * accrues interest is stored per component; these are the defaults.
 */
export const COMPONENT_KINDS = ['principal', 'tax', 'sanctions', 'act_interest', 'notification_costs', 'collection_charges', 'fees', 'costs'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export const COMPONENT_ACCRUES_INTEREST: Readonly<Record<ComponentKind, boolean>> = {
  principal: true,
  tax: true,
  sanctions: false,
  act_interest: false,
  notification_costs: false,
  collection_charges: false,
  fees: false,
  costs: false,
};

/** Collection stages, in escalation order (soft → formal → negotiation → closure → legal). */
export const COLLECTION_STAGES = ['none', 'soft', 'formal', 'negotiation', 'closure', 'legal'] as const;
export type CollectionStage = (typeof COLLECTION_STAGES)[number];

export const JURISDICTIONS = ['IT', 'CH', 'DE', 'FR'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

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

/** Day-count conventions of the interest engine (see interest/day-count.ts). */
export const DAY_COUNTS = ['act365', 'act366', 'act360', '30e360'] as const;

/**
 * The order a creditor applies a payment to a claim's parts. Art. 1194 c.c. and art. 85 CO: costs,
 * then interest, then principal, unless the creditor agrees otherwise (e.g. principal first).
 */
export const ALLOCATION_ORDERS = [
  'costs,interest,principal',
  'interest,costs,principal',
  'costs,principal,interest',
  'principal,costs,interest',
  'interest,principal,costs',
  'principal,interest,costs',
] as const;
export type AllocationOrder = (typeof ALLOCATION_ORDERS)[number];

/** Costs charged on a claim besides interest (no interest runs on them, no VAT). */
export const CLAIM_COST_KINDS = ['reminder_fee', 'collection_cost', 'legal_cost', 'other'] as const;
export type ClaimCostKind = (typeof CLAIM_COST_KINDS)[number];
/**
 * Every kind a claim's cost can have: the ones a person charges, and the interest on the deferral of an
 * accepted instalment plan (issue 15), which only the plan charges, reduces and waives.
 */
export const CHARGED_COST_KINDS = [...CLAIM_COST_KINDS, 'deferral_interest'] as const;
export type ChargedCostKind = (typeof CHARGED_COST_KINDS)[number];

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
  /** Paid by the debtor to the creditor directly and reported by it (a query's answer "already paid"): not money the agency collected. */
  'paid_to_creditor',
  'other',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Set by recorded payments only; a person does not type them. */
export const PAYMENT_DRIVEN_STATUSES: readonly ClaimStatus[] = ['paid', 'partially_paid'];

/** The name a debtor is shown and searched by. */
export function debtorDisplayName(d: {
  kind: DebtorKind;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
}): string {
  if (d.kind === 'company' || d.kind === 'public_administration') return (d.companyName ?? '').trim();
  const person = [d.lastName, d.firstName].filter(Boolean).join(' ').trim();
  if (d.kind === 'sole_trader' && d.companyName) return person ? `${d.companyName.trim()} (${person})` : d.companyName.trim();
  return person;
}
