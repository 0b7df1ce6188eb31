import type { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { outcomeOf, SHIPPED_OUTCOMES } from '../domain/desk/outcomes.ts';
import type { Actor } from '../domain/policies.ts';
import { recordOutcome, type RecordOutcomeInput } from '../usecases/desk/record-outcome.ts';
import { startCall } from '../usecases/desk/start-call.ts';
import { verifyCallIdentity } from '../usecases/desk/verify-call-identity.ts';

/**
 * An outcome as the desk records it: the operator dials one of the debtor's callable numbers (the
 * named contact, or the first), and for a right-party outcome the person first confirms the debtor's
 * codice fiscale (or date of birth) — then the outcome ends that call. Errors of the outcome itself
 * (not holding the debtor, rules refused) surface as they would.
 */
export async function recordOnCall(db: Db, actor: Actor, input: z.input<typeof RecordOutcomeInput>, now: Date) {
  // One read: the number to dial and whether the operator holds the debtor (what the call screen knows).
  const found = await db
    .selectFrom('contacts as k')
    .leftJoin('desk_items as i', (j) =>
      j
        .onRef('i.tenant_id', '=', 'k.tenant_id')
        .onRef('i.debtor_id', '=', 'k.debtor_id')
        .on('i.queue_id', '=', input.queueId)
        .on('i.leased_by', '=', actor.userId)
        .on('i.leased_until', '>', now),
    )
    .select(['k.id', 'i.debtor_id as held'])
    .where('k.tenant_id', '=', actor.tenantId)
    .where('k.debtor_id', '=', input.debtorId)
    .where('k.channel', 'in', ['phone', 'mobile'])
    .$if(input.contactId !== undefined && input.contactId !== null, (q) => q.where('k.id', '=', input.contactId!))
    .orderBy('k.created_at')
    .executeTakeFirst();
  const contact = found;
  const held = found?.held ?? null;
  // Not holding the debtor: the outcome says why (no call can be started either).
  if (!contact || !held) return recordOutcome(db, actor, input, now);
  const call = await startCall(db, actor, { queueId: input.queueId, debtorId: input.debtorId, contactId: contact.id }, now);
  const definition = outcomeOf(SHIPPED_OUTCOMES, input.outcome);
  if ('rightParty' in definition && definition.rightParty) {
    const d = await db.selectFrom('debtors').select(['tax_code', 'vat_number', 'birth_date']).where('id', '=', input.debtorId).executeTakeFirstOrThrow();
    const answer = d.tax_code ?? d.vat_number;
    const r = await verifyCallIdentity(db, actor, call.id, answer ? { method: 'tax_id', value: answer } : { method: 'birth_date', value: d.birth_date ?? '' }, now);
    if (!r.verified) throw new Error(`test debtor ${input.debtorId} has no identity to confirm`);
  }
  return recordOutcome(db, actor, { ...input, callId: call.id }, now);
}
