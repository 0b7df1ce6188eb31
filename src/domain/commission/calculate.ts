import { daysBetween } from '../dates.ts';
import type { ClaimKind } from '../model.ts';
import { money, toMoneyString, type Money } from '../money.ts';
import type { CommissionRule, Component, MandateTerms } from './terms.ts';

/**
 * The commission of one remittance statement (issue 16 item 2), pure and exact (decimal.js, half-up to
 * the cent). The contract logic it follows (see terms.ts and docs/commission.md):
 *
 * 1. Each payment collected in the period (value date in it) is split by the positions it paid; each
 *    share is one line. The terms are the version in force on the payment's value date — a change of
 *    terms never reaches back (issue 16: "changing terms applies from a date, never retroactively").
 * 2. A line's base = the share's components that the terms put in the base; commission = base × rate,
 *    rounded to the cent, then held between the rule's minimum and maximum per position (the minimum
 *    never more than the base: the agency is not paid more than was collected). Components that are
 *    the agency's own (its notification costs, c.803 charges, per contract) are reimbursed in full.
 * 3. A payment reversed in the period (a returned direct debit, a bounced cheque) is credited back as
 *    negative lines: exactly what an issued statement charged for it, or — not charged yet — what it
 *    would have been charged (the terms of its value date).
 * 4. A payment reported as paid to the creditor directly (method `paid_to_creditor`) is a line like
 *    any other — the terms do not tell them apart, so it is commissioned the same — marked as such,
 *    totalled apart, and never part of the money the agency holds and remits.
 * 5. The period's terms (in force on its last day) give the overall cap, the fixed fees (per position
 *    collected on, per successful contact), the VAT on the fees and how the money is settled.
 */

export interface TermsVersion {
  id: string;
  effectiveFrom: string;
  terms: MandateTerms;
}

export interface PositionShare {
  paymentId: string;
  claimId: string;
  claimKind: ClaimKind;
  /** A comune's position: its tax year; null otherwise. */
  claimTaxYear?: number | null | undefined;
  /** The position's due date (its age is counted from it). */
  claimDueDate: string;
  /** The loaded amount (amount bands). */
  claimPrincipal: string;
  valueDate: string;
  /** Reported as paid to the creditor directly (payment method `paid_to_creditor`): money the agency does not hold. */
  paidToCreditor?: boolean | undefined;
  /** What the payment paid on this position, by component. */
  parts: { component: Component; amount: string }[];
}

/** A line as an issued statement stored it (a reversal credits exactly this back). */
export interface ChargedLine {
  collected: string;
  base: string;
  percent: string;
  commission: string;
  reimbursed: string;
  termsId: string | null;
}

export interface ReversedShare extends PositionShare {
  reversedOn: string;
  /** The line an issued statement charged for this share, if any. */
  charged: ChargedLine | null;
}

export interface StatementLine extends ChargedLine {
  kind: 'payment' | 'reversal';
  paymentId: string;
  claimId: string;
  valueDate: string;
  reversedOn: string | null;
  /** Reported as paid to the creditor directly: listed apart, commissioned as any payment, never remitted. */
  paidToCreditor: boolean;
  /** No terms were in force on the value date, or no rule matched the position: commission 0. */
  unpriced: 'no_terms' | 'no_rule' | null;
}

export interface StatementTotals {
  collected: string;
  /** Of `collected`: what was reported as paid to the creditor directly (absent on statements issued before it was told apart). */
  collectedByCreditor?: string;
  base: string;
  commissionLines: string;
  /** ≤ 0: what the overall cap takes off. */
  capAdjustment: string;
  commission: string;
  positions: number;
  positionFees: string;
  contacts: number;
  contactFees: string;
  /** Commission + fixed fees: what VAT is charged on. */
  fees: string;
  vatPercent: string;
  vat: string;
  reimbursed: string;
  /** Fees + VAT + reimbursed components. */
  dueToAgency: string;
  /** Money of the debtors the agency holds and remits (0 when the creditor received it). */
  toRemit: string;
  /** What the agency invoices (gross), 0 when it withheld its due (net). */
  toInvoice: string;
  remittance: MandateTerms['remittance'];
  paymentsReceivedBy: MandateTerms['paymentsReceivedBy'];
}

/** The version in force on `day`: the latest effective on or before it. */
export function termsOn(versions: readonly TermsVersion[], day: string): TermsVersion | null {
  let best: TermsVersion | null = null;
  for (const v of versions) if (v.effectiveFrom <= day && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

export function ruleFor(terms: MandateTerms, share: Pick<PositionShare, 'claimKind' | 'claimTaxYear' | 'claimDueDate' | 'claimPrincipal' | 'valueDate'>): CommissionRule | null {
  const age = daysBetween(share.claimDueDate, share.valueDate);
  const principal = money(share.claimPrincipal);
  return (
    terms.rules.find(
      (r) =>
        (!r.claimKinds || r.claimKinds.length === 0 || r.claimKinds.includes(share.claimKind)) &&
        (!r.taxYears || r.taxYears.length === 0 || (share.claimTaxYear != null && r.taxYears.includes(share.claimTaxYear))) &&
        (r.minAgeDays == null || age >= r.minAgeDays) &&
        (r.maxAgeDays == null || age < r.maxAgeDays) &&
        (r.minAmount == null || principal.gte(r.minAmount)) &&
        (r.maxAmount == null || principal.lt(r.maxAmount)),
    ) ?? null
  );
}

/** The commission of one position's share of a payment, under the terms of its value date. */
export function chargeShare(versions: readonly TermsVersion[], share: PositionShare): ChargedLine & { unpriced: StatementLine['unpriced'] } {
  const collected = sum(share.parts.map((p) => p.amount));
  const version = termsOn(versions, share.valueDate);
  if (!version) return { collected: toMoneyString(collected), base: '0.00', percent: '0', commission: '0.00', reimbursed: '0.00', termsId: null, unpriced: 'no_terms' };
  const t = version.terms;
  const base = sum(share.parts.filter((p) => t.base.includes(p.component)).map((p) => p.amount));
  const reimbursed = sum(share.parts.filter((p) => t.agencyComponents.includes(p.component)).map((p) => p.amount));
  const rule = ruleFor(t, share);
  if (!rule) return { collected: toMoneyString(collected), base: toMoneyString(base), percent: '0', commission: '0.00', reimbursed: toMoneyString(reimbursed), termsId: version.id, unpriced: 'no_rule' };
  let commission = base.mul(rule.percent).div(100).toDecimalPlaces(2);
  if (base.gt(0)) {
    if (rule.minPerPosition != null && commission.lt(rule.minPerPosition)) commission = money(rule.minPerPosition);
    if (rule.maxPerPosition != null && commission.gt(rule.maxPerPosition)) commission = money(rule.maxPerPosition);
    if (commission.gt(base)) commission = base;
  }
  return {
    collected: toMoneyString(collected),
    base: toMoneyString(base),
    percent: rule.percent,
    commission: toMoneyString(commission),
    reimbursed: toMoneyString(reimbursed),
    termsId: version.id,
    unpriced: null,
  };
}

export interface StatementInput {
  versions: readonly TermsVersion[];
  periodTo: string;
  payments: readonly PositionShare[];
  reversals: readonly ReversedShare[];
  /** Successful (right-party) contacts on the creditor's positions in the period. */
  contacts: number;
}

export function calculateStatement(input: StatementInput): { lines: StatementLine[]; totals: StatementTotals; periodTerms: TermsVersion | null } {
  const lines: StatementLine[] = [];
  for (const s of input.payments) {
    lines.push({ kind: 'payment', paymentId: s.paymentId, claimId: s.claimId, valueDate: s.valueDate, reversedOn: null, paidToCreditor: s.paidToCreditor === true, ...chargeShare(input.versions, s) });
  }
  for (const r of input.reversals) {
    const c = r.charged ? { ...r.charged, unpriced: null } : chargeShare(input.versions, r);
    lines.push({
      kind: 'reversal',
      paymentId: r.paymentId,
      claimId: r.claimId,
      valueDate: r.valueDate,
      reversedOn: r.reversedOn,
      paidToCreditor: r.paidToCreditor === true,
      collected: neg(c.collected),
      base: neg(c.base),
      percent: c.percent,
      commission: neg(c.commission),
      reimbursed: neg(c.reimbursed),
      termsId: c.termsId,
      unpriced: c.unpriced,
    });
  }
  const period = termsOn(input.versions, input.periodTo);
  const t = period?.terms;
  const collected = sum(lines.map((l) => l.collected));
  const collectedByCreditor = sum(lines.filter((l) => l.paidToCreditor).map((l) => l.collected));
  const commissionLines = sum(lines.map((l) => l.commission));
  let capAdjustment = money(0);
  if (t?.capPerStatement != null && commissionLines.gt(t.capPerStatement)) capAdjustment = money(t.capPerStatement).sub(commissionLines);
  const commission = commissionLines.add(capAdjustment);
  const positions = new Set(lines.filter((l) => l.kind === 'payment' && money(l.collected).gt(0)).map((l) => l.claimId)).size;
  const positionFees = money(t?.feePerPosition ?? 0).mul(positions);
  const contactFees = money(t?.feePerContact ?? 0).mul(input.contacts);
  const fees = commission.add(positionFees).add(contactFees);
  const vatPercent = t?.vatPercent ?? '0';
  // VAT on the fees of the statement as a whole (one invoice), rounded once.
  const vat = fees.mul(vatPercent).div(100).toDecimalPlaces(2);
  const reimbursed = sum(lines.map((l) => l.reimbursed));
  const dueToAgency = fees.add(vat).add(reimbursed);
  const remittance = t?.remittance ?? 'gross';
  const receivedBy = t?.paymentsReceivedBy ?? 'creditor';
  // The agency holds what it received, never what the debtor paid the creditor directly; its fees on
  // those payments are withheld from what it holds (net) or invoiced (gross), as on any other.
  const held = receivedBy === 'agency' ? collected.sub(collectedByCreditor) : money(0);
  const toRemit = remittance === 'net' ? held.sub(dueToAgency) : held;
  const toInvoice = remittance === 'net' ? money(0) : dueToAgency;
  return {
    lines,
    periodTerms: period,
    totals: {
      collected: toMoneyString(collected),
      collectedByCreditor: toMoneyString(collectedByCreditor),
      base: toMoneyString(sum(lines.map((l) => l.base))),
      commissionLines: toMoneyString(commissionLines),
      capAdjustment: toMoneyString(capAdjustment),
      commission: toMoneyString(commission),
      positions,
      positionFees: toMoneyString(positionFees),
      contacts: input.contacts,
      contactFees: toMoneyString(contactFees),
      fees: toMoneyString(fees),
      vatPercent,
      vat: toMoneyString(vat),
      reimbursed: toMoneyString(reimbursed),
      dueToAgency: toMoneyString(dueToAgency),
      toRemit: toMoneyString(toRemit),
      toInvoice: toMoneyString(toInvoice),
      remittance,
      paymentsReceivedBy: receivedBy,
    },
  };
}

function sum(values: readonly (string | Money)[]): Money {
  return values.reduce<Money>((a, v) => a.add(v), money(0));
}

function neg(v: string): string {
  const n = money(v);
  return toMoneyString(n.isZero() ? n.abs() : n.neg());
}
