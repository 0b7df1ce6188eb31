import type { ClaimKind } from '../model.ts';
import { money } from '../money.ts';

/**
 * A creditor's mandate terms (issue 16 item 1): how the agency is paid. Stored as data, one version
 * per effective date (`mandate_terms`, migration 0038); a payment is commissioned under the version in
 * force on its value date, so a change applies from its date and never to what was collected before.
 *
 * Contract logic (docs/commission.md, with the domain notes it rests on — agency-notes §8,
 * municipal-notes §7.2–7.3 — and their sources):
 * - aggio = a percentage of what is collected, per creditor and optionally per revenue (claim kind),
 *   age band or amount band ("rate plans sliding by age, listed amount", Collect! commissionrates;
 *   "aggio per comune × entrata × year × stage", municipal-notes §7.3); a minimum and a maximum per
 *   position and an overall cap (Debtrak "maximum commission cap");
 * - fixed fees per position or per successful contact (Quantrax per-case charges; Trentino Riscossioni
 *   €20 per appointment, municipal-notes §7.3);
 * - VAT on the agency's fees: a rate as data (22 % is Italy's ordinary rate — UNVERIFIED for this
 *   service, art. 16 DPR 633/1972; a contract may say otherwise);
 * - what the base includes: the components of each payment (payment_allocations.component). c.803
 *   collection charges and notification costs belong to the comune or to the agency per contract: the
 *   comune's may be in the base or not; the agency's are reimbursed in full, outside the aggio;
 * - remittance net (fees withheld) or gross (everything remitted, fees invoiced). A comune's money never
 *   passes through the agency (L.160/2019 c.784–815, municipal-notes §7.2): every payment is "paid
 *   to the creditor" and the aggio is invoiced — gross only.
 */

export const COMPONENTS = ['principal', 'tax', 'sanctions', 'act_interest', 'interest', 'costs', 'fees', 'notification_costs', 'collection_charges'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface CommissionRule {
  /** Revenue / claim kinds the rule applies to; empty or absent: every kind. */
  claimKinds?: ClaimKind[] | undefined;
  /** Tax years of a comune's positions (claims.tax_year) the rule applies to; empty or absent: every year. */
  taxYears?: number[] | undefined;
  /** Age band of the position on the payment's value date, days after its due date: from ≥ minAgeDays … to < maxAgeDays. */
  minAgeDays?: number | null | undefined;
  maxAgeDays?: number | null | undefined;
  /** Amount band on the position's loaded amount (claims.principal): ≥ minAmount … < maxAmount. */
  minAmount?: string | null | undefined;
  maxAmount?: string | null | undefined;
  /** The aggio, percent of the base (e.g. "8.5"). */
  percent: string;
  /** Least commission on a position's share of one payment (never more than that share's base). */
  minPerPosition?: string | null | undefined;
  /** Most commission on a position's share of one payment. */
  maxPerPosition?: string | null | undefined;
}

export interface MandateTerms {
  /** Tried in order; the first that matches a position decides its rate. */
  rules: CommissionRule[];
  /** Components of a payment the aggio is computed on. */
  base: Component[];
  /** Components that belong to the agency (per contract: its notification costs, c.803 charges): reimbursed in full, not commissioned. */
  agencyComponents: Component[];
  /** Overall cap on the commission of one statement (a remittance period); null: none. */
  capPerStatement: string | null;
  /** Fixed fee per position collected on in the period (each position once per statement). */
  feePerPosition: string | null;
  /** Fixed fee per successful (right-party) contact in the period. */
  feePerContact: string | null;
  /** VAT on the agency's fees (commission and fixed fees), percent. */
  vatPercent: string;
  /** Net: the agency keeps its fees and remits the rest; gross: remits everything and invoices its fees. */
  remittance: 'net' | 'gross';
  /** Who receives the debtors' money: a comune always (its treasury); a company's agency may collect on a trust account. */
  paymentsReceivedBy: 'creditor' | 'agency';
  /** How often a statement is made. */
  period: 'monthly' | 'quarterly';
}

/** UNVERIFIED default: Italy's ordinary VAT rate (art. 16 DPR 633/1972), to be confirmed per contract. */
export const DEFAULT_VAT_PERCENT = '22';

/** Everything a debtor pays except the charges that are the agency's or the comune's own costs. */
export const DEFAULT_BASE: Component[] = ['principal', 'tax', 'sanctions', 'act_interest', 'interest', 'costs', 'fees'];

/** The terms a creditor gets when only a percentage is known (the old creditors.commission_percent). */
export function defaultTerms(percent: string, creditorKind: 'company' | 'public_entity' | 'individual'): MandateTerms {
  const comune = creditorKind === 'public_entity';
  return {
    rules: [{ percent }],
    base: DEFAULT_BASE,
    agencyComponents: [],
    capPerStatement: null,
    feePerPosition: null,
    feePerContact: null,
    vatPercent: DEFAULT_VAT_PERCENT,
    remittance: 'gross',
    paymentsReceivedBy: comune ? 'creditor' : 'agency',
    period: 'monthly',
  };
}

/** Why a set of terms cannot be used (message codes of the commission area), or [] when it can. */
export function termsProblems(t: MandateTerms): { field: string; code: 'commission.overlap_components' | 'commission.net_needs_agency' | 'commission.min_above_max' | 'commission.band_empty' }[] {
  const out: ReturnType<typeof termsProblems> = [];
  if (t.base.some((c) => t.agencyComponents.includes(c))) out.push({ field: 'agencyComponents', code: 'commission.overlap_components' });
  // Net remittance withholds fees from money the agency holds: with payments to the creditor there is nothing to withhold from.
  if (t.remittance === 'net' && t.paymentsReceivedBy === 'creditor') out.push({ field: 'remittance', code: 'commission.net_needs_agency' });
  t.rules.forEach((r, i) => {
    if (r.minPerPosition != null && r.maxPerPosition != null && money(r.minPerPosition).gt(r.maxPerPosition))
      out.push({ field: `rules.${i}.minPerPosition`, code: 'commission.min_above_max' });
    if (r.minAgeDays != null && r.maxAgeDays != null && r.minAgeDays >= r.maxAgeDays) out.push({ field: `rules.${i}.maxAgeDays`, code: 'commission.band_empty' });
    if (r.minAmount != null && r.maxAmount != null && money(r.minAmount).gte(r.maxAmount)) out.push({ field: `rules.${i}.maxAmount`, code: 'commission.band_empty' });
  });
  return out;
}
