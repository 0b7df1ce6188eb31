import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
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
  // One statement: the item locked (the operator must hold the debtor) and the number asked for.
  const item = await trx
    .selectFrom('desk_items as i')
    .leftJoin('contacts as k', (j) => j.onRef('k.tenant_id', '=', 'i.tenant_id').onRef('k.debtor_id', '=', 'i.debtor_id').on('k.id', '=', data.contactId))
    .select(['i.leased_by', 'i.leased_until', 'k.id as contact_id', 'k.value', 'k.channel', 'k.status', 'k.consent', 'k.third_party'])
    .where('i.tenant_id', '=', actor.tenantId)
    .where('i.queue_id', '=', data.queueId)
    .where('i.debtor_id', '=', data.debtorId)
    .forUpdate('i')
    .executeTakeFirst();
  if (!item) throw notFound('queue');
  if (item.leased_by !== actor.userId || item.leased_until === null || item.leased_until <= now) throw conflict(msg('desk.outcome_not_holding'));
  const contact = item.contact_id === null ? undefined : { id: item.contact_id, value: item.value!, channel: item.channel, status: item.status, consent: item.consent, third_party: item.third_party };
  if (!contact || (contact.channel !== 'phone' && contact.channel !== 'mobile')) throw invalid([fieldError('contactId', 'desk.outcome_contact_unknown')]);
  if (contact.status === 'invalid' || contact.consent === 'withdrawn' || contact.third_party) throw invalid([fieldError('contactId', 'desk.call_number_not_callable')]);

  // One statement: a call left open on this debtor ended, the new one started and audited.
  const t = actor.tenantId;
  const at = now.toISOString();
  const row = (
    await sql<{ id: string }>`
      with ended as (
        update desk_calls set ended_at = ${at}::timestamptz
         where tenant_id = ${t} and user_id = ${actor.userId} and debtor_id = ${data.debtorId} and ended_at is null),
      call as (
        insert into desk_calls (tenant_id, queue_id, debtor_id, contact_id, user_id, started_at)
        values (${t}, ${data.queueId}, ${data.debtorId}, ${contact.id}, ${actor.userId}, ${at}::timestamptz)
        returning id),
      audit as (
        insert into audit_events (tenant_id, actor_user_id, actor_label, action, entity_type, entity_id, debtor_id, creditor_id, before, after, request_id, ip)
        select ${t}, ${actor.userId}::uuid, ${actor.label}, 'desk.call_started', 'debtor', ${data.debtorId}, ${data.debtorId}, null, null,
               jsonb_build_object('callId', call.id, 'queueId', ${data.queueId}::text, 'contactId', ${contact.id}::text, 'startedAt', ${at}::text), ${actor.requestId ?? null}, ${actor.ip ?? null}
          from call)
      select id from call`.execute(trx)
  ).rows[0]!;
  return { id: row.id, queueId: data.queueId, debtorId: data.debtorId, contactId: contact.id, tel: telOf(contact.value), startedAt: now.toISOString() };
}

/** A number as a `tel:` URI dials it: digits and a leading +, nothing else. */
export function telOf(value: string): string {
  const v = value.trim();
  return `tel:${v.startsWith('+') ? '+' : ''}${v.replace(/\D+/g, '')}`;
}
