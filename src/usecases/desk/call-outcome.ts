import type { Trx } from '../../db/connect.ts';
import type { OutcomeDefinition } from '../../domain/desk/outcomes.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';

/**
 * The call an outcome ends (record-outcome): the one named, or the operator's open call on this
 * debtor. A right-party outcome (a promise, a dispute, a callback agreed with the debtor…) needs
 * that call's identity verified: a third party reached gets nothing but a neutral callback.
 */
export async function callForOutcome(
  trx: Trx,
  actor: Actor,
  callId: string | undefined,
  item: { queue_id: string; debtor_id: string },
  outcome: OutcomeDefinition,
): Promise<string | null> {
  const call = await trx
    .selectFrom('desk_calls')
    .select(['id', 'identity_verified_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('user_id', '=', actor.userId)
    .where('queue_id', '=', item.queue_id)
    .where('debtor_id', '=', item.debtor_id)
    .where('ended_at', 'is', null)
    .$if(callId !== undefined, (q) => q.where('id', '=', callId!))
    .orderBy('started_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (callId !== undefined && !call) throw invalid([fieldError('callId', 'desk.call_not_open')]);
  // Without a call whose identity was checked, nobody was known to be the debtor: no right-party outcome.
  if (outcome.rightParty && (!call || call.identity_verified_at === null)) throw conflict(msg('desk.outcome_needs_identity', { code: outcome.code }));
  return call?.id ?? null;
}

/** The call ends with its outcome: when, which code, and the contact-log row that records it. */
export async function endCall(trx: Trx, actor: Actor, callId: string, contactLogId: string, outcome: string, now: Date): Promise<void> {
  await trx
    .updateTable('desk_calls')
    .set({ ended_at: now, outcome, contact_log_id: contactLogId })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', callId)
    .execute();
}
