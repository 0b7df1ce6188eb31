import { amountParam, type MessageCode } from '../messages/index.ts';
import { money } from '../money.ts';
import { CLAIM_STATUSES, OPEN_STATUSES, PAYMENT_DRIVEN_STATUSES, type ClaimStatus } from '../model.ts';

/**
 * A claim's lifecycle in one place: which statuses there are (the list itself is in model.ts, shared
 * with the web UI), what each means for the work on it, and every change of status — by payments, by
 * a dunning step, by a person — with why a change is refused. The ledger, the dunning batch and the
 * claim update apply these rules; none keeps its own.
 *
 *   open ──(first dunning step)──▶ in_collection
 *   open | in_collection | … ──(part payment)──▶ partially_paid ──(paid in full)──▶ paid
 *   paid ──(a payment re-split or a cost added leaves something owed)──▶ partially_paid
 *   any open status ──(a person)──▶ promised | in_plan | disputed | legal | written_off | returned
 *   promised ──(the promise judged, something still owed)──▶ partially_paid | in_collection
 */
export { CLAIM_STATUSES, OPEN_STATUSES, PAYMENT_DRIVEN_STATUSES };
export type { ClaimStatus };

/** Claims that are closed: `closed_on` is set, nothing more is collected. */
export const CLOSED_STATUSES: readonly ClaimStatus[] = ['paid', 'written_off', 'returned'];
/** Claims in these states are never acted on by the dunning engine: a promise, a plan, a dispute. */
export const PAUSED_STATUSES: readonly ClaimStatus[] = ['promised', 'in_plan', 'disputed'];
/** Claims the dunning engine works. */
export const ACTIONABLE_STATUSES: readonly ClaimStatus[] = ['open', 'in_collection', 'partially_paid'];

export const isClosed = (s: ClaimStatus) => CLOSED_STATUSES.includes(s);

/**
 * The status after the claim's payments were (re)settled: paid when nothing is owed any more;
 * partially paid when something was paid and the claim was open or in collection, or when a paid
 * claim owes again (a back-dated payment re-split, a cost charged); otherwise unchanged (a promise or
 * a plan stays one while it is being paid). A paid or partially paid claim left with no payment at
 * all (its payments reversed) owes as before any: back in collection, as after a pause.
 */
export function statusAfterSettlement(current: ClaimStatus, s: { anyPayment: boolean; paidOff: boolean }): ClaimStatus {
  if (s.anyPayment && s.paidOff) return 'paid';
  if (!s.anyPayment && (current === 'paid' || current === 'partially_paid')) return statusAfterPause({ anyPayment: false });
  if (current === 'paid') return 'partially_paid';
  if (s.anyPayment && (current === 'open' || current === 'in_collection')) return 'partially_paid';
  return current;
}

/**
 * When a pause ends — a promise judged (kept for part of the debt, short or broken), a plan ended — a
 * claim still owing goes back to work: partially paid if money came, in collection otherwise.
 */
export function statusAfterPause(s: { anyPayment: boolean }): ClaimStatus {
  return s.anyPayment ? 'partially_paid' : 'in_collection';
}

/** What a dunning step does to the status: the first one puts an open claim in collection. */
export const STATUS_AFTER_DUNNING_STEP: Readonly<Partial<Record<ClaimStatus, ClaimStatus>>> = { open: 'in_collection' };

/**
 * Why a person may not set this status, or null. Paid and partially paid follow from recorded
 * payments; a claim that received money cannot go back to open.
 */
export function manualStatusProblem(next: ClaimStatus, s: { principalPaid: string }): { code: MessageCode; params?: Record<string, string> } | null {
  if (PAYMENT_DRIVEN_STATUSES.includes(next)) return { code: 'claim.status_from_payments' };
  if (next === 'open' && money(s.principalPaid).gt(0)) return { code: 'claim.cannot_reopen', params: { paid: amountParam(s.principalPaid) } };
  return null;
}
