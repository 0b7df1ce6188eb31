import { LANGUAGES } from '../model.ts';

/**
 * The vocabulary of dunning, shared by strategies, plans, templates and compliance checks.
 * Tiers follow COLLECTION_STAGES of the model (without 'none'), in escalation order.
 */
export const DUNNING_TIERS = ['soft', 'formal', 'negotiation', 'closure', 'legal'] as const;
export type DunningTier = (typeof DUNNING_TIERS)[number];

/** How a step reaches its reader. 'phone_task' is a call by a person (never an automated voice). */
export const DUNNING_CHANNELS = ['email', 'pec', 'letter', 'registered_letter', 'sms', 'phone_task'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

/** A debtor's risk class from its payment-behaviour profile (src/domain/risk/rules.ts): A best … D worst. */
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** none: interest not named; mention: interest said to accrue; charge: accrued interest added to the total. */
export const INTEREST_MODES = ['none', 'mention', 'charge'] as const;
export type InterestMode = (typeof INTEREST_MODES)[number];

export { LANGUAGES };
export type Language = (typeof LANGUAGES)[number];

/** A stored language as one the texts exist in: Italian unless German, French or English. */
export function asLanguage(value: string | null | undefined): Language {
  return value === 'de' || value === 'fr' || value === 'en' ? value : 'it';
}

/** Position of a tier in the escalation (soft = 0 … legal = 4). */
export const tierRank = (tier: DunningTier): number => DUNNING_TIERS.indexOf(tier);
