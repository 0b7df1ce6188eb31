import { money, sumMoney, toMoneyString } from '../money.ts';
import { amountParam, msg, type Message } from '../messages/index.ts';

/**
 * The solvency and cost/benefit sheet of a claim about to go to court (issue 17 item 7; seed 000:
 * "valutare la solvibilità del debitore prima di procedere" — the judicial step "richiede una
 * valutazione attenta dei costi e dei benefici"). Pure: the costs come as data (data/legal/legal-costs.json,
 * each row with its status and source), the amounts from the stored balances and the interest engine.
 */

export const JURISDICTIONS = ['IT', 'CH', 'DE', 'FR'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export const SOURCE_STATUSES = ['VERIFIED', 'PARTIAL', 'UNVERIFIED'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** One value band of a fee: up to `upTo` (inclusive; null = no upper bound) the fee is `amount`. */
export interface FeeBand {
  upTo: string | null;
  amount: string;
  status: SourceStatus;
  source: string;
}
export interface JurisdictionCosts {
  currency: 'EUR' | 'CHF';
  procedure: string;
  /** The claim should be at least this many times the expected costs. */
  minRatio: string;
  courtFees: FeeBand[];
  lawyerFees: FeeBand[];
}
export type LegalCostTable = Record<Jurisdiction, JurisdictionCosts>;

/** The band of `amount`: the first whose bound is not below it (bands are in ascending order). */
export function feeFor(bands: readonly FeeBand[], amount: string): FeeBand {
  const a = money(amount);
  const band = bands.find((b) => b.upTo === null || a.lte(b.upTo));
  if (!band) throw new Error('legal cost table: no open band at the end');
  return band;
}

/** Checks a cost table read from a file: bands ascending, the last one open, amounts money. */
export function costTableProblems(table: LegalCostTable): string[] {
  const out: string[] = [];
  for (const j of JURISDICTIONS) {
    const c = table[j];
    if (!c) {
      out.push(`${j}: missing`);
      continue;
    }
    for (const [name, bands] of [['courtFees', c.courtFees], ['lawyerFees', c.lawyerFees]] as const) {
      if (!bands.length) out.push(`${j}.${name}: no band`);
      bands.forEach((b, i) => {
        if (!/^\d+\.\d{2}$/.test(b.amount)) out.push(`${j}.${name}[${i}]: amount ${b.amount}`);
        if (!SOURCE_STATUSES.includes(b.status)) out.push(`${j}.${name}[${i}]: status ${b.status}`);
        if (!b.source.trim()) out.push(`${j}.${name}[${i}]: no source`);
        const last = i === bands.length - 1;
        if (last !== (b.upTo === null)) out.push(`${j}.${name}[${i}]: only the last band is open`);
        const prev = bands[i - 1]?.upTo;
        if (i > 0 && b.upTo !== null && prev != null && money(b.upTo).lte(prev)) out.push(`${j}.${name}[${i}]: bands not ascending`);
      });
    }
  }
  return out;
}

export interface DebtorStatus {
  kind: 'consumer' | 'sole_trader' | 'company' | 'public_administration';
  deceased: boolean;
  ceased: boolean;
  hardship: boolean;
  /**
   * An insolvency proceeding opened against the debtor. No such flag exists on debtors yet: null means
   * unknown (the sheet says so); art. 1 c.2 D.Lgs. 231/2002 and the stay of individual actions make it
   * decisive when it is known.
   */
  insolvency: boolean | null;
}

/** A guarantee that covers the claim (a parallel feature builds them); null: not known (no register). */
export interface GuaranteeCover {
  kind: string;
  amount: string;
  currency: string;
  validUntil: string | null;
}

export interface SheetInput {
  jurisdiction: Jurisdiction;
  currency: 'EUR' | 'CHF';
  /** What is owed per component, as the stored balances give it. */
  components: { kind: string; due: string }[];
  interestDue: string;
  costsDue: string;
  costs: JurisdictionCosts;
  debtor: DebtorStatus;
  guarantees: GuaranteeCover[] | null;
  /** The day the sheet is for (guarantees expired before it do not count). */
  day: string;
}

export interface FeeLine {
  amount: string;
  status: SourceStatus;
  source: string;
  upTo: string | null;
}

export interface LegalSheet {
  jurisdiction: Jurisdiction;
  procedure: string;
  currency: 'EUR' | 'CHF';
  components: { kind: string; due: string }[];
  principalDue: string;
  interestDue: string;
  costsDue: string;
  amountDue: string;
  courtFee: FeeLine;
  lawyerFee: FeeLine;
  expectedCosts: string;
  /** Whether any figure of the expected costs is not verified (shown next to it). */
  costsUnverified: boolean;
  /** amountDue / expectedCosts, two decimals; null when no costs are expected. */
  ratio: string | null;
  minRatio: string;
  debtor: DebtorStatus;
  guarantees: GuaranteeCover[] | null;
  guaranteeCover: string;
  recommendation: 'proceed' | 'not_worth_it';
  reasons: Message[];
}

/**
 * The recommendation, with its reasons:
 * - a guarantee in force in the claim's currency covering something → proceed (enforce it first), whatever
 *   the debtor's state;
 * - otherwise a deceased debtor (heirs must accept the estate, art. 752 c.c.), a ceased company (struck off:
 *   nobody to sue, art. 2495 c.c.), an insolvency proceeding (individual actions stayed) or hardship make
 *   it not worth it;
 * - otherwise proceed when the amount due is at least `minRatio` times the expected costs (costs the court
 *   awards against the debtor must still be advanced and may not be recovered).
 */
export function legalSheet(input: SheetInput): LegalSheet {
  const principalDue = toMoneyString(sumMoney(input.components.map((c) => c.due)));
  const amountDue = toMoneyString(money(principalDue).plus(input.interestDue).plus(input.costsDue));
  const court = feeFor(input.costs.courtFees, amountDue);
  const lawyer = feeFor(input.costs.lawyerFees, amountDue);
  const expected = money(court.amount).plus(lawyer.amount);
  const ratio = expected.isZero() ? null : money(amountDue).div(expected).toDecimalPlaces(2).toFixed(2);
  const live = (input.guarantees ?? []).filter((g) => g.currency === input.currency && (g.validUntil === null || g.validUntil >= input.day));
  const cover = sumMoney(live.map((g) => g.amount));
  const coverShown = toMoneyString(cover.gt(amountDue) ? money(amountDue) : cover);
  const amount = (a: string) => amountParam(a, input.currency);
  const reasons: Message[] = [];
  const d = input.debtor;
  const blockers: Message[] = [];
  if (d.deceased) blockers.push(msg('legal.reason.deceased'));
  if (d.ceased) blockers.push(msg('legal.reason.ceased'));
  if (d.insolvency === true) blockers.push(msg('legal.reason.insolvency'));
  if (d.hardship) blockers.push(msg('legal.reason.hardship'));
  let proceed: boolean;
  if (cover.gt(0)) {
    reasons.push(msg('legal.reason.guarantee_covers', { cover: amount(coverShown), due: amount(amountDue) }));
    reasons.push(...blockers);
    proceed = true;
  } else if (blockers.length) {
    reasons.push(...blockers);
    proceed = false;
  } else if (ratio !== null && money(ratio).lt(input.costs.minRatio)) {
    reasons.push(msg('legal.reason.costs_too_high', { due: amount(amountDue), costs: amount(toMoneyString(expected)), ratio: input.costs.minRatio }));
    proceed = false;
  } else {
    reasons.push(msg('legal.reason.amount_covers_costs', { due: amount(amountDue), costs: amount(toMoneyString(expected)), ratio: input.costs.minRatio }));
    proceed = true;
  }
  if (d.insolvency === null) reasons.push(msg('legal.reason.insolvency_unknown'));
  if (input.guarantees === null) reasons.push(msg('legal.reason.guarantees_unknown'));
  const unverified = court.status !== 'VERIFIED' || lawyer.status !== 'VERIFIED';
  if (unverified) reasons.push(msg('legal.reason.costs_unverified'));
  const line = (b: FeeBand): FeeLine => ({ amount: b.amount, status: b.status, source: b.source, upTo: b.upTo });
  return {
    jurisdiction: input.jurisdiction,
    procedure: input.costs.procedure,
    currency: input.currency,
    components: input.components,
    principalDue,
    interestDue: toMoneyString(input.interestDue),
    costsDue: toMoneyString(input.costsDue),
    amountDue,
    courtFee: line(court),
    lawyerFee: line(lawyer),
    expectedCosts: toMoneyString(expected),
    costsUnverified: unverified,
    ratio,
    minRatio: input.costs.minRatio,
    debtor: d,
    guarantees: input.guarantees,
    guaranteeCover: coverShown,
    recommendation: proceed ? 'proceed' : 'not_worth_it',
    reasons,
  };
}
