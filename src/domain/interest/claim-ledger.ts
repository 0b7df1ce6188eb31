import type { AllocationOrder, ClaimKind, Currency, DebtorKind, Jurisdiction } from '../model.ts';
import { computeStatement, InterestInputError, type Component, type InterestCase, type Statement } from './compute.ts';
import type { DayCount } from './day-count.ts';
import { fastLastRateDay, fastTotals, totalsOf, type InterestTotals } from './fast.ts';
import { RegimeError, resolveRegime, type RateBook, type Regime } from './regimes.ts';
import type { Message } from '../messages/index.ts';

/**
 * A claim as the interest engine sees it: its terms, the money paid to it and the costs charged on
 * it. Everything a claim owes — interest, costs, principal — is derived from these facts by the one
 * engine, so the claim page, lists, statements, letters and payment allocation cannot disagree.
 */
export interface ClaimTerms {
  principal: string;
  currency: Currency;
  dueDate: string;
  jurisdiction: Jurisdiction;
  kind: ClaimKind;
  debtorKind: DebtorKind;
  /** null: the default regime for the jurisdiction, kind and debtor (see `defaultRegime`). */
  interestRegime: Regime | null;
  contractDate: string | null;
  judicialClaimDate: string | null;
  interestRate: string | null;
  interestBase: Regime | null;
  interestSpread: string | null;
  dayCount: DayCount;
  /** The creditor's terms: whether it claims the €40 where the law grants it, and its allocation order. */
  flatCompensation: boolean;
  allocationOrder: AllocationOrder;
}

/** Money the claim received: one entry per payment (what that payment gave this claim), in booking order. */
export interface ClaimPayment {
  paymentId: string;
  date: string;
  amount: string;
}

export interface ClaimCost {
  date: string;
  amount: string;
  label: string;
}

/**
 * The regime a claim follows when none was set on it: the statutory late-payment interest of its
 * jurisdiction for the kind of debtor. A business invoice under Italian law is a commercial
 * transaction (D.Lgs. 231/2002); a consumer's debt and local taxes run at the legal rate; traffic fines
 * carry their own surcharge (art. 27 L. 689/1981), not interest.
 */
export function defaultRegime(jurisdiction: Jurisdiction, kind: ClaimKind, debtorKind: DebtorKind): Regime {
  const consumer = debtorKind === 'consumer';
  switch (jurisdiction) {
    case 'CH':
      return 'ch';
    case 'DE':
      return consumer ? 'de-consumer' : 'de-business';
    case 'FR':
      return consumer || kind !== 'invoice' ? 'fr-legal-other' : 'fr-commercial';
    default:
      if (kind === 'cds_fine') return 'none';
      return kind === 'invoice' && !consumer ? 'it-commercial' : 'it-legal';
  }
}

export const effectiveRegime = (t: ClaimTerms): Regime => t.interestRegime ?? defaultRegime(t.jurisdiction, t.kind, t.debtorKind);

export const allocationComponents = (order: AllocationOrder): Component[] => order.split(',') as Component[];

/** The engine's case for a claim computed up to `end` (inclusive), payments and costs after it left out. */
export function claimCase(t: ClaimTerms, payments: readonly ClaimPayment[], costs: readonly ClaimCost[], end: string): InterestCase {
  const regime = effectiveRegime(t);
  return {
    principal: t.principal,
    due: t.dueDate,
    paid: end < t.dueDate ? t.dueDate : end,
    regime,
    currency: t.currency,
    contractDate: t.contractDate,
    judicialClaimDate: t.judicialClaimDate,
    dayCount: t.dayCount,
    rate: t.interestRate,
    base: t.interestBase,
    spread: t.interestSpread,
    debtorKind: t.debtorKind,
    payments: payments.filter((p) => p.date <= end).map((p) => ({ date: p.date, amount: p.amount })),
    costs: costs.filter((c) => c.date <= end).map((c) => ({ date: c.date, amount: c.amount, label: c.label })),
    flatCompensation: t.flatCompensation,
    allocationOrder: allocationComponents(t.allocationOrder),
  };
}

/**
 * The last day the claim's rates are known (null: the rate never ends, e.g. Swiss 5 %, a contractual
 * rate). Throws the engine's InterestInputError when the terms themselves are wrong.
 */
export function ratesKnownUntil(book: RateBook, t: ClaimTerms): string | null {
  try {
    const { table } = resolveRegime(book, {
      regime: effectiveRegime(t),
      due: t.dueDate,
      contractDate: t.contractDate,
      judicialClaimDate: t.judicialClaimDate,
      rate: t.interestRate,
      base: t.interestBase,
      spread: t.interestSpread,
      debtorKind: t.debtorKind,
    });
    return table.rows[table.rows.length - 1]?.to ?? null;
  } catch (err) {
    if (err instanceof RegimeError) throw new InterestInputError(err.msg, err.field);
    throw err;
  }
}

export interface ClaimBalance extends InterestTotals {
  regime: Regime;
  /** The day the balance is computed to: the requested day, or the last day whose rate is known. */
  asOf: string;
  /** Set when the rates stop before the requested day: interest after it is not yet known. */
  ratesKnownUntil: string | null;
  /** Why no balance could be computed (inconsistent terms); the totals are then principal-only. */
  problem: Message | null;
}

/**
 * What a claim owes on a day. When the rate tables end before that day the balance stops at their
 * last day and says so: interest is never extrapolated. `fast` uses the fast path (identical totals).
 */
export function claimBalance(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
  asOf: string,
  fast = false,
): ClaimBalance {
  const regime = effectiveRegime(t);
  let end = asOf;
  let known: string | null = null;
  try {
    const fastUntil = fast ? fastLastRateDay(book, claimCase(t, [], [], t.dueDate)) : undefined;
    const until = fastUntil !== undefined ? fastUntil : ratesKnownUntil(book, t);
    if (until !== null && until < asOf && until >= t.dueDate) {
      end = until;
      known = until;
    }
    const c = claimCase(t, payments, costs, end);
    const totals = fast ? fastTotals(book, c) : totalsOf(computeStatement(book, c));
    return { ...totals, regime, asOf: end, ratesKnownUntil: known, problem: null };
  } catch (err) {
    if (!(err instanceof InterestInputError)) throw err;
    return { ...principalOnly(t, payments, asOf), regime, asOf, ratesKnownUntil: known, problem: err.msg };
  }
}

/** Totals without the engine (terms it refuses): principal less everything paid, nothing else. */
function principalOnly(t: ClaimTerms, payments: readonly ClaimPayment[], asOf: string): InterestTotals {
  const statement = computeStatement(emptyBook, {
    principal: t.principal,
    due: t.dueDate,
    paid: asOf < t.dueDate ? t.dueDate : asOf,
    regime: 'none',
    currency: t.currency,
    payments: payments.filter((p) => p.date <= asOf).map((p) => ({ date: p.date, amount: p.amount })),
    allocationOrder: allocationComponents(t.allocationOrder),
  });
  return totalsOf(statement);
}

const noTable = { name: 'none', rows: [] };
const emptyBook: RateBook = {
  itLegal: noTable,
  itCommercialPlus7: noTable,
  itCommercialPlus8: noTable,
  ecbMro: noTable,
  deBasiszins: noTable,
  frLegalPrivate: noTable,
  frLegalOther: noTable,
};

/**
 * The full statement (prospetto) of a claim to a day, stopped at the last known rate like
 * `claimBalance`. Errors in the terms are thrown as the engine's InterestInputError.
 */
export function claimStatement(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
  asOf: string,
): { statement: Statement; ratesKnownUntil: string | null } {
  const until = ratesKnownUntil(book, t);
  const known = until !== null && until < asOf && until >= t.dueDate ? until : null;
  return { statement: computeStatement(book, claimCase(t, payments, costs, known ?? asOf)), ratesKnownUntil: known };
}

export interface PaymentSplit {
  paymentId: string;
  costs: string;
  interest: string;
  principal: string;
  /** What this payment gave the claim beyond what the claim owed on its date. */
  excess: string;
}

/**
 * How each payment to a claim splits into costs, interest and principal, replaying the claim's whole
 * history (so a payment booked with an earlier value date than others re-splits the later ones, as the
 * law's order requires). Throws InterestInputError when a payment date lies past the known rates.
 */
export function splitPayments(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
): { splits: PaymentSplit[]; statement: Statement } {
  if (payments.length === 0) return { splits: [], statement: computeStatement(book, claimCase(t, [], costs, t.dueDate)) };
  // Stable order by date, then booking order: the engine allocates same-day payments in the order given.
  const ordered = payments.map((p, i) => ({ p, i })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i));
  const last = ordered[ordered.length - 1]!.p.date;
  const statement = computeStatement(book, claimCase(t, ordered.map((o) => o.p), costs, last));
  const splits = statement.payments.map((row, k) => ({
    paymentId: ordered[k]!.p.paymentId,
    costs: row.costs,
    interest: row.interest,
    principal: row.principal,
    excess: row.unallocated,
  }));
  return { splits, statement };
}
