import { plainDateOf } from '../dates.ts';
import { money, sumMoney, toMoneyString } from '../money.ts';

/**
 * Guarantees a creditor holds for a debtor's debts (issue 17 item 3; seed 000: "richiesta di garanzie o
 * fideiussioni", "una fideiussione bancaria prima di continuare a fornire merce").
 * - bank_guarantee / insurance_guarantee: fideiussione (art. 1936 ss. c.c.) issued by a bank or an insurer;
 * - pledge: pegno (art. 2784 ss. c.c.) on goods or credits;
 * - security_deposit: deposito cauzionale, money the creditor already holds;
 * - personal_guarantee: a person (or a company) standing surety without a bank (fideiussione personale).
 */
export const GUARANTEE_KINDS = ['bank_guarantee', 'insurance_guarantee', 'pledge', 'security_deposit', 'personal_guarantee'] as const;
export type GuaranteeKind = (typeof GUARANTEE_KINDS)[number];

/** Who stands behind the debtor: an issuing bank or insurer, a person, a company. */
export const GUARANTOR_KINDS = ['bank', 'insurer', 'person', 'company'] as const;
export type GuarantorKind = (typeof GUARANTOR_KINDS)[number];

/** What a guarantee covers: named claims, or every claim of the debtor toward the creditor (the relationship). */
export const GUARANTEE_COVERS = ['claims', 'relationship'] as const;
export type GuaranteeCovers = (typeof GUARANTEE_COVERS)[number];

/** Stored states; "expired" is never stored but read from the last day of validity. */
export const STORED_GUARANTEE_STATES = ['active', 'enforced', 'released'] as const;
export type StoredGuaranteeState = (typeof STORED_GUARANTEE_STATES)[number];
export const GUARANTEE_STATES = ['active', 'expired', 'enforced', 'released'] as const;
export type GuaranteeState = (typeof GUARANTEE_STATES)[number];

/** Guarantees expiring within this many days are listed as expiring soon, unless the caller asks for another window. */
export const EXPIRY_ALERT_DAYS = 30;

/**
 * The state a guarantee is in on `today`: an active one whose last day of validity has passed is expired —
 * a guarantee with a term binds the guarantor for that term only, so the demand must reach it before
 * (and art. 1957 c.c. frees the fideiussore when the creditor has not acted against the debtor within six
 * months of the principal obligation's due date: a reason to enforce in time). Enforced and released stay
 * so whatever the date. No end date: valid until released (a pledge, a deposit).
 */
export function guaranteeState(stored: StoredGuaranteeState, validTo: string | null, today: string): GuaranteeState {
  if (stored !== 'active') return stored;
  return validTo !== null && validTo < today ? 'expired' : 'active';
}

/** Days from `today` to the last day of validity (0 = expires today), or null when it has no end. */
export function daysToExpiry(validTo: string | null, today: string): number | null {
  if (validTo === null) return null;
  return plainDateOf(today).until(plainDateOf(validTo), { largestUnit: 'days' }).days;
}

/** Whether an active guarantee expires within `days` (today included, already expired excluded). */
export function expiresWithin(stored: StoredGuaranteeState, validTo: string | null, today: string, days: number): boolean {
  const left = daysToExpiry(validTo, today);
  return stored === 'active' && left !== null && left >= 0 && left <= days;
}

/** The last day of the window of guarantees expiring within `days` from `today`. */
export function expiryWindowEnd(today: string, days: number): string {
  return plainDateOf(today).add({ days }).toString();
}

export type GuaranteeProblem = 'not_active' | 'expired' | 'not_yet_valid' | 'nothing_due';

/**
 * What the guarantor is asked to pay when the guarantee is enforced: what the covered claims still owe,
 * never more than the guaranteed amount (art. 1941 c.c.: the fideiussione cannot exceed what the debtor
 * owes; the guarantor answers up to the maximum it signed for). Amounts of one currency only.
 */
export function demandAmount(guaranteed: string, coveredDue: readonly string[]): string {
  const due = sumMoney(coveredDue);
  const cap = money(guaranteed);
  return toMoneyString(due.lt(cap) ? due : cap);
}

/** Why a guarantee cannot be enforced on `today` (null: it can). */
export function enforceProblem(g: { state: StoredGuaranteeState; validFrom: string; validTo: string | null }, today: string, demanded: string): GuaranteeProblem | null {
  if (g.state !== 'active') return 'not_active';
  if (guaranteeState(g.state, g.validTo, today) === 'expired') return 'expired';
  if (g.validFrom > today) return 'not_yet_valid';
  if (!money(demanded).gt(0)) return 'nothing_due';
  return null;
}

/** Which guarantor kinds can issue which guarantee (a bank issues a bank guarantee, a person a personal one…). */
export const ISSUERS: Readonly<Record<GuaranteeKind, readonly GuarantorKind[]>> = {
  bank_guarantee: ['bank'],
  insurance_guarantee: ['insurer'],
  pledge: ['person', 'company', 'bank', 'insurer'],
  security_deposit: ['person', 'company', 'bank', 'insurer'],
  personal_guarantee: ['person', 'company'],
};

export function issuerFits(kind: GuaranteeKind, guarantor: GuarantorKind): boolean {
  return ISSUERS[kind].includes(guarantor);
}
