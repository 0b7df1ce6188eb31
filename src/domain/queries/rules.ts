import type { ClaimStatus } from '../model.ts';
import { can, type Actor } from '../policies.ts';

/**
 * Queries both ways between the agency and the creditor about one position (issue 16 item 4). Pure:
 * which answers a kind takes, whose turn it is, what an answer does to the position's status.
 *
 * Sources (municipal-notes.md §8.2–8.4, agency-notes.md: the client portal): a disputed debt suspends
 * solicitation until it is checked, and a dispute of a comune's act goes to the Ufficio Tributi, which
 * confirms the act, corrects it or annuls it in autotutela — art. 2-quater D.L. 564/1994 (conv.
 * L. 656/1994) and, for tributes, art. 10 L. 212/2000 (Statuto del contribuente: good faith and the
 * protection of the taxpayer's reliance); a company creditor answers the same way under its contract.
 * A debtor who says it paid the creditor directly (GIA_PAGATO) is checked by the creditor, who
 * reports the payment. Instalments beyond the regulation (c.796–799 L. 160/2019) are the creditor's
 * decision. A position the agency cannot collect goes back to the creditor with its reason.
 */
export const QUERY_KINDS = ['dispute', 'plan_approval', 'return', 'question'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
export const QUERY_STATUSES = ['open', 'answered', 'closed'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];
export const QUERY_SIDES = ['agency', 'creditor'] as const;
export type QuerySide = (typeof QUERY_SIDES)[number];
export const QUERY_ANSWERS = ['confirmed', 'corrected', 'annulled', 'already_paid', 'approved', 'rejected', 'acknowledged'] as const;
export type QueryAnswer = (typeof QUERY_ANSWERS)[number];
/** How an answer reached incasso: the creditor's user on the portal, or recorded by the agency from PEC, phone, e-mail or letter. */
export const QUERY_VIAS = ['portal', 'pec', 'phone', 'email', 'letter'] as const;
export type QueryVia = (typeof QUERY_VIAS)[number];

/** The creditor's answers each kind takes. A free question takes none: it is replied to and closed by the agency. */
export const ANSWERS_OF: Readonly<Record<QueryKind, readonly QueryAnswer[]>> = {
  // confirmed: the position stands; corrected: the components as the creditor gives them (sgravio
  // parziale); annulled: cancelled in autotutela (sgravio totale); already_paid: paid to the creditor directly.
  dispute: ['confirmed', 'corrected', 'annulled', 'already_paid'],
  plan_approval: ['approved', 'rejected'],
  return: ['acknowledged'],
  question: [],
};

/** The side an actor writes for: a creditor's own user is the creditor; everyone else the agency. */
export const sideOf = (actor: Actor): QuerySide => (actor.role === 'viewer' && actor.creditorId !== null ? 'creditor' : 'agency');

/** A reply hands the turn to the other side. */
export const waitingAfterReply = (side: QuerySide): QuerySide => (side === 'agency' ? 'creditor' : 'agency');

/** The answers this actor may give now on a query: only while it is open, only the creditor (or a supervisor recording it). */
export function answersFor(actor: Actor, q: { kind: QueryKind; status: QueryStatus }): QueryAnswer[] {
  if (q.status !== 'open' || !can(actor, 'create', 'query_answer')) return [];
  return [...ANSWERS_OF[q.kind]];
}

/** The status a dispute opens with: a position being worked pauses (dunning and desk stop); one already paused or closed keeps its status. */
export function statusOnDispute(current: ClaimStatus): ClaimStatus {
  return current === 'open' || current === 'in_collection' || current === 'partially_paid' ? 'disputed' : current;
}

/**
 * The status after the creditor confirmed (or corrected) a disputed position: the dispute's pause ends
 * and work resumes — partially paid when money came, in collection otherwise. Any other status stays.
 */
export function statusAfterConfirmation(current: ClaimStatus, s: { anyPayment: boolean }): ClaimStatus {
  if (current !== 'disputed') return current;
  return s.anyPayment ? 'partially_paid' : 'in_collection';
}
