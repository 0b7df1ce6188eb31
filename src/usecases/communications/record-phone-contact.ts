import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { ContactBlock, ContactMoment } from '../../domain/dunning/index.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { releaseStep } from '../dunning/release-step.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { claimsOf } from './communication-query.ts';
import { localMoment, logCall } from './phone-compliance.ts';
import { phoneTasksQuery, presentPhoneTask } from './phone-task-query.ts';
import { RecordPhoneContactInput, type PhoneContactView } from './schema.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

export type PhoneContactResult =
  | ({ recorded: true } & PhoneContactView)
  | {
      recorded: false;
      /** Why the call is not permitted now; the refused attempt is in the contact log all the same. */
      refusal: ContactBlock & { nextSlot: ContactMoment | null };
      at: ContactMoment;
      contactLogId: string;
    };

/** The debtor answered (and spoke, or refused to): the limits count a conversation. */
const REACHED = new Set(['conversation', 'refused', 'asked_in_writing']);

/**
 * Records a call made for a phone task. The contact rules are checked again here, at `now` in
 * Europe/Rome (the screen's clock may be wrong or the page old): outside the calling windows, on a
 * Sunday or holiday, or past the debtor's daily/weekly limits the call is refused — and the refused
 * attempt is logged with its reason and audited, committed even though nothing else changes. An
 * allowed call goes into the contact log; a conversation (or a refusal to talk) closes the task; a
 * wrong number marks the number invalid and closes every open task that would call it (see
 * recordWrongNumber).
 * Calls for one debtor are serialised (the debtor row is locked), so two operators cannot both take
 * the day's last conversation.
 */
export async function recordPhoneContact(
  db: Db,
  actor: Actor,
  taskId: string,
  input: z.input<typeof RecordPhoneContactInput>,
  now: Date = new Date(),
): Promise<PhoneContactResult> {
  return db.transaction().execute((trx) => bookPhoneContact(trx, actor, taskId, input, now));
}

/** `recordPhoneContact` on a transaction the caller holds. */
export async function bookPhoneContact(
  trx: Trx,
  actor: Actor,
  taskId: string,
  input: z.input<typeof RecordPhoneContactInput>,
  now: Date = new Date(),
): Promise<PhoneContactResult> {
  const data = parseInput(RecordPhoneContactInput, input);
  assertId(taskId, 'phone_task');
  const at = localMoment(now);
  const task = await phoneTasksQuery(trx, actor, at.date).where('c.id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound('phone_task');
  authorize(actor, 'update', 'communication');
  await trx.selectFrom('debtors').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', task.debtor_id).forUpdate().execute();
  const status = (
    await trx.selectFrom('communications').select('status').where('tenant_id', '=', actor.tenantId).where('id', '=', taskId).forUpdate().executeTakeFirstOrThrow()
  ).status;
  if (status !== 'task_open') {
    throw conflict(msg('dunning.phone_task_closed', { status }));
  }

  const reached = REACHED.has(data.outcome);
  const { contactLogId, check, nextSlot } = await logCall(trx, actor, { debtorId: task.debtor_id, communicationId: task.id, channel: 'phone_task', contactId: task.contact_id, reached }, at);

  if (!check.allowed) {
    await recordAudit(trx, actor, {
      action: 'communication.phone_contact_refused',
      entityType: 'communication',
      entityId: task.id,
      debtorId: task.debtor_id,
      creditorId: task.creditor_id,
      after: { code: check.reason.code, reason: encodeMessage(check.reason.message), localDate: at.date, localTime: at.time, nextSlot, contactLogId },
    });
    return { recorded: false as const, refusal: { ...check.reason, nextSlot }, at, contactLogId };
  }

  if (data.outcome === 'wrong_number') {
    const closed = await recordWrongNumber(trx, actor, task, data.note ?? null, at, now, contactLogId);
    const claims = (await claimsOf(trx, actor, [task.id])).get(task.id) ?? [];
    return {
      recorded: true as const,
      task: { ...presentPhoneTask(task, claims.map((c) => ({ claimId: c.claimId, externalRef: c.externalRef }))), status: 'failed' as const },
      outcome: data.outcome,
      at,
      contactLogId,
      ...closed,
    };
  }

  const done = REACHED.has(data.outcome);
  if (data.outcome === 'asked_in_writing') await optOutOfCalls(trx, actor, task, contactLogId);
  if (done) {
    await trx
      .updateTable('communications')
      .set({ status: 'task_done', sent_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', task.id)
      .execute();
  }
  const after = done ? 'task_done' : 'task_open';
  await recordAudit(trx, actor, {
    action: 'communication.phone_contact_recorded',
    entityType: 'communication',
    entityId: task.id,
    debtorId: task.debtor_id,
    creditorId: task.creditor_id,
    before: done ? { status } : null,
    after: { ...(done ? { status: after } : {}), outcome: data.outcome, note: data.note ?? null, localDate: at.date, localTime: at.time, contactLogId },
  });
  const claims = (await claimsOf(trx, actor, [task.id])).get(task.id) ?? [];
  return {
    recorded: true as const,
    task: { ...presentPhoneTask(task, claims.map((c) => ({ claimId: c.claimId, externalRef: c.externalRef }))), status: after },
    outcome: data.outcome,
    at,
    contactLogId,
  };
}

/**
 * "Mi scriva": the debtor asks to be written to rather than called (seed 004: the comune writes to
 * whom asks for it in writing). Every phone number of the debtor's own (not a third party's) is
 * marked opted out (consent withdrawn), audited with the call as the reason: no more calls, and the
 * reachableByPhone condition of a phone-first strategy is false, so its written steps apply.
 */
async function optOutOfCalls(trx: Trx, actor: Actor, task: { id: string; debtor_id: string }, contactLogId: string): Promise<void> {
  const phones = await trx
    .selectFrom('contacts')
    .select(['id', 'consent'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', task.debtor_id)
    .where('channel', 'in', ['phone', 'mobile'])
    .where('third_party', '=', false)
    .where('consent', '!=', 'withdrawn')
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const c of phones) {
    await trx
      .updateTable('contacts')
      .set({ consent: 'withdrawn', updated_at: sql`now()`, version: sql`version + 1` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', c.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'contact.updated',
      entityType: 'contact',
      entityId: c.id,
      debtorId: task.debtor_id,
      before: { consent: c.consent },
      after: { consent: 'withdrawn', reason: 'asked_in_writing', communicationId: task.id, contactLogId },
    });
  }
}

/** Stored coded (communications.error, the audit), worded where it is shown. */
const WRONG_NUMBER = encodeMessage(msg('dunning.wrong_number'));

/**
 * "Numero errato": the number does not belong to the debtor. In the call's transaction: the phone
 * contact becomes invalid (valid until today, audited with the reason), and every open phone task of
 * the debtor to that number is closed as failed with its claims' step released, so the next tick
 * takes the step's next usable channel (never this number again). A debtor left with no usable
 * contact is on the skip-tracing list (`withoutUsableContact`) from this moment.
 */
async function recordWrongNumber(
  trx: Trx,
  actor: Actor,
  task: { id: string; debtor_id: string; creditor_id: string; contact_id: string | null; recipient: string },
  note: string | null,
  at: ContactMoment,
  now: Date,
  contactLogId: string,
): Promise<{ contactInvalidated: string | null; tasksClosed: string[] }> {
  // The task's own contact; tasks written before contacts were linked carry only the number.
  const contact = await trx
    .selectFrom('contacts')
    .select(['id', 'status', 'valid_to', 'value'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', task.debtor_id)
    .where('channel', 'in', ['phone', 'mobile'])
    .$if(task.contact_id !== null, (q) => q.where('id', '=', task.contact_id!))
    .$if(task.contact_id === null, (q) => q.where('value', '=', task.recipient))
    .orderBy('created_at')
    .forUpdate()
    .executeTakeFirst();
  if (contact && contact.status !== 'invalid') {
    await trx
      .updateTable('contacts')
      .set({ status: 'invalid', valid_to: at.date, updated_at: sql`now()`, version: sql`version + 1` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', contact.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'contact.invalidated',
      entityType: 'contact',
      entityId: contact.id,
      debtorId: task.debtor_id,
      before: { status: contact.status, validTo: contact.valid_to },
      after: { status: 'invalid', validTo: at.date, reason: 'wrong_number', note, communicationId: task.id, contactLogId },
    });
  }
  const open = await trx
    .selectFrom('communications')
    .select(['id', 'creditor_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', task.debtor_id)
    .where('channel', '=', 'phone_task')
    .where('status', '=', 'task_open')
    .where((eb) => eb.or([eb('id', '=', task.id), ...(contact ? [eb('contact_id', '=', contact.id)] : []), eb('recipient', '=', contact?.value ?? task.recipient)]))
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const c of open) {
    await trx
      .updateTable('communications')
      .set({ status: 'failed', error: WRONG_NUMBER, sent_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', c.id)
      .execute();
    await releaseStep(trx, actor.tenantId, c.id);
    await recordAudit(trx, actor, {
      action: c.id === task.id ? 'communication.phone_contact_recorded' : 'communication.failed',
      entityType: 'communication',
      entityId: c.id,
      debtorId: task.debtor_id,
      creditorId: c.creditor_id,
      before: { status: 'task_open' },
      after: {
        status: 'failed',
        error: WRONG_NUMBER,
        ...(c.id === task.id ? { outcome: 'wrong_number', note, localDate: at.date, localTime: at.time, contactLogId } : { byTask: task.id }),
        contactMarkedInvalid: contact?.id ?? null,
      },
    });
  }
  return { contactInvalidated: contact?.id ?? null, tasksClosed: open.map((c) => c.id) };
}
