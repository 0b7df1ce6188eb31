import type { OutcomeDefinition } from '../../domain/desk/outcomes.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';

/**
 * The call an outcome ends (record-outcome reads it, locked, with the item): the one named, or the
 * operator's open call on this debtor. A right-party outcome (a promise, a dispute, a callback agreed
 * with the debtor…) needs that call's identity verified: a third party reached gets nothing but a
 * neutral callback.
 */
export function checkCallForOutcome(
  callId: string | undefined,
  call: { id: string; identity_verified_at: Date | null } | undefined,
  outcome: OutcomeDefinition,
): string | null {
  if (callId !== undefined && !call) throw invalid([fieldError('callId', 'desk.call_not_open')]);
  // Without a call whose identity was checked, nobody was known to be the debtor: no right-party outcome.
  if (outcome.rightParty && (!call || call.identity_verified_at === null)) throw conflict(msg('desk.outcome_needs_identity', { code: outcome.code }));
  return call?.id ?? null;
}
