import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { StartCallInput } from './schema.ts';

export type CallStarted = { id: string; queueId: string; debtorId: string; contactId: string; tel: string; startedAt: string };

export async function startCall(db: Db, actor: Actor, input: z.input<typeof StartCallInput>, now: Date = new Date()): Promise<CallStarted> {
  return db.transaction().execute((trx) => dialCall(trx, actor, input, now));
}

/**
 * The operator dials one of the debtor's numbers from the call screen (issue 14 item 3): a call
 * object with its start, on which the right-party check and the outcome are recorded. Only the
 * operator who holds the debtor from "next" may call it, and only a number that may be called (not
 * invalid, consent not withdrawn, not a third party's). A call the operator left open on this debtor
 * (another number dialled before an outcome) ends now.
 */
export async function dialCall(trx: Trx, actor: Actor, input: z.input<typeof StartCallInput>, now: Date): Promise<CallStarted> {
  const data = parseInput(StartCallInput, input);
  authorize(actor, 'update', 'communication');
  const item = await trx
    .selectFrom('desk_items')
    .select(['leased_by', 'leased_until'])
    .where('tenant_id', '=', actor.tenantId)
    .where('queue_id', '=', data.queueId)
    .where('debtor_id', '=', data.debtorId)
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw notFound('queue');
  if (item.leased_by !== actor.userId || item.leased_until === null || item.leased_until <= now) throw conflict(msg('desk.outcome_not_holding'));
  const contact = await trx
    .selectFrom('contacts')
    .select(['id', 'value', 'channel', 'status', 'consent', 'third_party'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', data.debtorId)
    .where('id', '=', data.contactId)
    .executeTakeFirst();
  if (!contact || (contact.channel !== 'phone' && contact.channel !== 'mobile')) throw invalid([fieldError('contactId', 'desk.outcome_contact_unknown')]);
  if (contact.status === 'invalid' || contact.consent === 'withdrawn' || contact.third_party) throw invalid([fieldError('contactId', 'desk.call_number_not_callable')]);

  await trx
    .updateTable('desk_calls')
    .set({ ended_at: now })
    .where('tenant_id', '=', actor.tenantId)
    .where('user_id', '=', actor.userId!)
    .where('debtor_id', '=', data.debtorId)
    .where('ended_at', 'is', null)
    .execute();
  const row = await trx
    .insertInto('desk_calls')
    .values({ tenant_id: actor.tenantId, queue_id: data.queueId, debtor_id: data.debtorId, contact_id: contact.id, user_id: actor.userId!, started_at: now })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'desk.call_started',
    entityType: 'debtor',
    entityId: data.debtorId,
    debtorId: data.debtorId,
    after: { callId: row.id, queueId: data.queueId, contactId: contact.id, startedAt: now.toISOString() },
  });
  return { id: row.id, queueId: data.queueId, debtorId: data.debtorId, contactId: contact.id, tel: telOf(contact.value), startedAt: now.toISOString() };
}

/** A number as a `tel:` URI dials it: digits and a leading +, nothing else. */
export function telOf(value: string): string {
  const v = value.trim();
  return `tel:${v.startsWith('+') ? '+' : ''}${v.replace(/\D+/g, '')}`;
}
