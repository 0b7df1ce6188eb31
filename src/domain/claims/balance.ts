import { DEFAULT_ALLOCATION, InterestInputError } from '../interest/compute.ts';
import { claimBalance, claimCase, ratesKnownUntil, type ClaimCost, type ClaimPayment, type ClaimTerms } from '../interest/claim-ledger.ts';
import { fastLastRateDay, fastTotals, type InterestTotals } from '../interest/fast.ts';
import type { RateBook } from '../interest/regimes.ts';
import { encodeMessage } from '../messages/index.ts';
import { money, toMoneyString } from '../money.ts';
import { chargeBandOn } from '../municipal/charges.ts';

/**
 * What a claim owes, stored on the claim and kept current: every event that changes it (payment,
 * reversal, cost, waiver, change of terms) recomputes it from the ledger in the same transaction
 * (`balanceFromLedger`), and a daily roll-forward (`rollBalance`) brings the interest to the new day
 * from the stored figures alone, in O(1) per claim, without replaying the ledger. Lists, the dashboard
 * and reports read these figures; `incasso check balances` compares them with the engine.
 *
 * Why a roll-forward is exact: the engine rounds the interest a payment meets to the cent at that
 * payment and accrues exactly from the next day, rounding once at the end. So the interest owed on any
 * later day is the interest still owed right after the last payment (`interestCarried`, whole cents)
 * plus the interest on the principal then left, accrued from the day after `interestFrom`, rounded
 * once — which is the engine's case with `accrueFrom`.
 */
export interface StoredBalance {
  /** The day the figures are computed to (today, or the last day whose rate is known). */
  asOf: string;
  principalPaid: string;
  interestPaid: string;
  costsPaid: string;
  principalDue: string;
  interestDue: string;
  costsDue: string;
  totalDue: string;
  /**
   * The part of `principalDue` that bears no interest (a comune's sanctions, act interest, costs and
   * charges): interest runs on `principalDue − partsDue` only. 0 for a company's claim.
   */
  partsDue: string;
  /** Interest still owed right after the last payment (0 before any), in whole cents. */
  interestCarried: string;
  /** Interest up to and including this day is in `interestCarried`: the due date or the last payment's value date. */
  interestFrom: string;
  /**
   * Why the engine refuses the claim's terms (a coded message, `encodeMessage`), the figures then being
   * principal less payments only; null when it computes them.
   */
  problem: string | null;
}

const ZERO = '0.00';

/** The stored balance of a claim to a day, from its whole ledger (at write time, for the claims written). */
export function balanceFromLedger(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
  asOf: string,
): StoredBalance {
  const b = claimBalance(book, t, payments, costs, asOf, true);
  let interestFrom = t.dueDate;
  let interestCarried = ZERO;
  if (b.problem === null) {
    for (const p of payments) if (p.date <= b.asOf && p.date > interestFrom) interestFrom = p.date;
    if (interestFrom > t.dueDate) interestCarried = claimBalance(book, t, payments, costs, interestFrom, true).interestDue;
  }
  return {
    asOf: b.asOf,
    principalPaid: b.principalPaid,
    interestPaid: b.interestPaid,
    costsPaid: b.costsPaid,
    principalDue: b.principalDue,
    interestDue: b.interestDue,
    costsDue: b.costsDue,
    totalDue: b.totalDue,
    partsDue: b.partsDue,
    interestCarried,
    interestFrom,
    problem: b.problem === null ? null : encodeMessage(b.problem),
  };
}

/**
 * The stored balance brought forward to a later day without the ledger, or null when it cannot be:
 * the claim was not yet overdue when it was stored (the flat compensation and the start of interest
 * lie in between: replay it with `balanceFromLedger`), or a c.803 band starts in between (the act
 * becomes enforceable, or the 60 days after run out). A balance the engine refused only moves its
 * day; interest stops at the last known rate, as everywhere.
 */
export function rollBalance(book: RateBook, t: ClaimTerms, s: StoredBalance, asOf: string): StoredBalance | null {
  if (asOf <= s.asOf) return s;
  // Refused terms: principal less payments, which no day changes.
  if (s.problem !== null) return { ...s, asOf };
  if (s.asOf <= t.dueDate) return null;
  let end = asOf;
  try {
    const fastUntil = fastLastRateDay(book, claimCase(t, [], [], t.dueDate));
    const until = fastUntil !== undefined ? fastUntil : ratesKnownUntil(book, t);
    if (until !== null && until < end) end = until;
  } catch (err) {
    if (err instanceof InterestInputError) return null;
    throw err;
  }
  if (end <= s.asOf) return s;
  // The c.803 charges change only with the band (enforceability, the day after the 60th day): a roll
  // across a band's start replays the ledger, which derives them anew; within a band they stay as stored.
  if (t.charges && chargeBandOn(t.charges.rules, t.charges.enforceableOn, s.asOf).band !== chargeBandOn(t.charges.rules, t.charges.enforceableOn, end).band) {
    return null;
  }
  let interestDue = s.interestCarried;
  // The capital interest runs on: what is due of the accruing components, never the parts.
  const accruing = money(s.partsDue).eq(0) ? s.principalDue : toMoneyString(money(s.principalDue).minus(s.partsDue));
  if (money(accruing).gt(0)) {
    const c = {
      ...claimCase(t, [], [], end),
      principal: accruing,
      parts: undefined,
      allocationOrder: DEFAULT_ALLOCATION,
      accrueFrom: s.interestFrom,
      flatCompensation: false,
    };
    try {
      interestDue = toMoneyString(money(s.interestCarried).plus(fastTotals(book, c).interestDue));
    } catch (err) {
      if (err instanceof InterestInputError) return null;
      throw err;
    }
  }
  return {
    ...s,
    asOf: end,
    interestDue,
    totalDue: toMoneyString(money(s.principalDue).plus(interestDue).plus(s.costsDue)),
  };
}

/**
 * {@link balanceFromLedger} for a claim whose statement up to its last payment the caller already
 * holds (the statement a payment was just split by, `splitPayments`): the figures right after the last
 * payment are that statement's, rolled forward to `asOf` ({@link rollBalance}, exact) — one fast run
 * instead of replaying the ledger twice. Null when that does not hold and the ledger must be replayed:
 * nothing paid after the due date, costs or payments after `last`, parts, c.803 charges, pauses of
 * interest, or rates not known up to `last`.
 */
export function balanceAfterStatement(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
  statement: InterestTotals & { parts?: unknown },
  last: string,
  asOf: string,
): StoredBalance | null {
  if (!payments.length || last <= t.dueDate || last > asOf || statement.parts || t.charges || t.interestPauses?.length || t.components?.some((k) => k.kind !== 'principal' || !k.accrues)) return null;
  if (payments.some((p) => p.date > last) || costs.some((c) => c.date > last)) return null;
  try {
    const fastUntil = fastLastRateDay(book, claimCase(t, [], [], t.dueDate));
    const until = fastUntil !== undefined ? fastUntil : ratesKnownUntil(book, t);
    if (until !== null && until < last) return null;
  } catch (err) {
    if (err instanceof InterestInputError) return null;
    throw err;
  }
  const after: StoredBalance = {
    asOf: last,
    principalPaid: statement.principalPaid,
    interestPaid: statement.interestPaid,
    costsPaid: statement.costsPaid,
    principalDue: statement.principalDue,
    interestDue: statement.interestDue,
    costsDue: statement.costsDue,
    totalDue: statement.totalDue,
    partsDue: ZERO,
    // Right after the last payment: the interest it left owing, accruing again from the next day.
    interestCarried: statement.interestDue,
    interestFrom: last,
    problem: null,
  };
  return rollBalance(book, t, after, asOf);
}

/** The figures two balances differ in (for `check balances`), empty when they agree to the cent. */
export function balanceDifferences(stored: StoredBalance, engine: StoredBalance): string[] {
  const fields = ['asOf', 'principalPaid', 'interestPaid', 'costsPaid', 'principalDue', 'interestDue', 'costsDue', 'totalDue', 'partsDue'] as const;
  return fields.filter((f) => (f === 'asOf' ? stored[f] !== engine[f] : !money(stored[f]).eq(engine[f]))).map((f) => `${f}: ${stored[f]} ≠ ${engine[f]}`);
}
