import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { parseDate, Temporal } from '../../domain/dates.ts';
import { missingDetails, OutcomeDetails, outcomeOf, outcomesFor, type OutcomeSettings } from '../../domain/desk/outcomes.ts';
import { promiseProblems } from '../../domain/desk/promises.ts';
import { checkPhoneContact, nextPhoneSlot, type ContactBlock, type ContactMoment } from '../../domain/dunning/index.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { uuid } from '../../domain/fields.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { placeClaimHold } from '../claims/hold-claim.ts';
import { amendClaim } from '../claims/update-claim.ts';
import { raiseDisputeQueries } from '../queries/raise-dispute-queries.ts';
import { localMoment, PHONE_TIME_ZONE, phoneHistory } from '../communications/phone-compliance.ts';
import { authorize } from '../shared/authorize.ts';
import { complianceRulesOf } from '../shared/compliance-rules.ts';
import { parseInput } from '../shared/input.ts';
import { checkCallForOutcome } from './call-outcome.ts';
import { WORKABLE_STATUSES } from './fill-queue.ts';
import { promiseRulesFor } from './promise-rules.ts';

export const RecordOutcomeInput = OutcomeDetails.extend({
  queueId: uuid,
  debtorId: uuid,
  outcome: z.string().min(1).max(40),
  /** The call it ends (start-call); none: the operator's open call on this debtor, if any. */
  callId: uuid.optional(),
});

export type OutcomeResult =
  | { recorded: true; outcome: string; contactLogId: string; promiseId: string | null; nextWorkAt: string | null; leftQueue: boolean }
  | { recorded: false; refusal: ContactBlock & { nextSlot: ContactMoment | null }; contactLogId: string };

/** Days a position stays held after a hardship, plan request, "already paid" or death, for someone to decide. */
const REVIEW_HOLD_DAYS = 30;

export async function recordOutcome(db: Db, actor: Actor, input: z.input<typeof RecordOutcomeInput>, now: Date = new Date()): Promise<OutcomeResult> {
  return db.transaction().execute((trx) => bookOutcome(trx, actor, input, now));
}

/**
 * The outcome of a call the operator made from "next" (issue 14 item 4), in one transaction with its
 * contact-log row and audit event. The operator must hold the debtor (its lease); the debtor row is
 * locked, so two operators never both take the debtor's last allowed conversation. The contact rules
 * are checked again now: a call they forbid is logged as refused (with the reason) and nothing else
 * changes. Then the outcome's effect:
 * - retry (no answer, busy, voicemail) and a third party: back in the queue after the retry delay;
 * - wrong or dead number: the number becomes invalid; with no callable number left the debtor leaves
 *   the queue (for skip tracing);
 * - do not call this number: its consent is withdrawn; the same, for the queue;
 * - callback: an appointment inside the calling hours, back to this operator then;
 * - promise: checked against the rules, recorded, the positions paused (status promised) until it is
 *   judged after its date;
 * - dispute: the positions are disputed (dunning pauses) and a dispute query goes to the creditor for each;
 * - hardship, plan request, already paid, deceased: the positions are held for review, the debtor
 *   leaves the queue — never more pressure;
 * - refused, documents: back in the queue after a week / three days.
 */
export async function bookOutcome(trx: Trx, actor: Actor, input: z.input<typeof RecordOutcomeInput>, now: Date): Promise<OutcomeResult> {
  const data = parseInput(RecordOutcomeInput, input);
  authorize(actor, 'update', 'communication');
  // One statement: the item and the debtor locked (two operators never both take the debtor's last
  // allowed conversation), the tenant's settings, and the call the outcome ends (locked too: the one
  // named, or the operator's open call on this debtor).
  const item = await trx
    .selectFrom('desk_items as i')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'i.debtor_id').onRef('d.tenant_id', '=', 'i.tenant_id'))
    .innerJoin('tenants as t', 't.id', 'i.tenant_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('desk_calls as c')
          .select(['c.id', 'c.identity_verified_at'])
          .whereRef('c.tenant_id', '=', 'i.tenant_id')
          .where('c.user_id', '=', actor.userId)
          .whereRef('c.queue_id', '=', 'i.queue_id')
          .whereRef('c.debtor_id', '=', 'i.debtor_id')
          .where('c.ended_at', 'is', null)
          .$if(data.callId !== undefined, (q) => q.where('c.id', '=', data.callId!))
          .orderBy('c.started_at', 'desc')
          .limit(1)
          .forUpdate()
          .as('call'),
      (j) => j.onTrue(),
    )
    .select(['i.queue_id', 'i.debtor_id', 'i.leased_by', 'i.leased_until', 'i.owed', 't.settings', 'call.id as call_id', 'call.identity_verified_at'])
    .where('i.tenant_id', '=', actor.tenantId)
    .where('i.queue_id', '=', data.queueId)
    .where('i.debtor_id', '=', data.debtorId)
    .forUpdate(['i', 'd'])
    .executeTakeFirst();
  if (!item) throw notFound('queue');
  if (item.leased_by !== actor.userId || item.leased_until === null || item.leased_until < now) throw conflict(msg('desk.outcome_not_holding'));
  const tenant = { settings: item.settings };
  const outcome = outcomeOf(outcomesFor((tenant.settings as { outcomes?: OutcomeSettings }).outcomes), data.outcome);
  if (!('effect' in outcome)) throw invalid([{ path: 'outcome', message: encodeMessage(outcome) }]);
  const missing = missingDetails(outcome, data);
  if (missing.length) throw invalid(missing.map((m) => ({ path: String(m.params?.field ?? 'outcome'), message: encodeMessage(m) })));
  if (data.contactId) {
    const contact = await trx
      .selectFrom('contacts')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', item.debtor_id)
      .where('id', '=', data.contactId)
      .executeTakeFirst();
    if (!contact) throw invalid([fieldError('contactId', 'desk.outcome_contact_unknown')]);
  }
  // The call it ends; a right-party outcome needs the identity verified on it.
  const callId = checkCallForOutcome(data.callId, item.call_id === null ? undefined : { id: item.call_id, identity_verified_at: item.identity_verified_at }, outcome);

  // The debtor's calls of the week, read after the lock: the contact rules checked now against them.
  const at = localMoment(now);
  const rules = complianceRulesOf(tenant.settings);
  const history = (await phoneHistory(trx, actor.tenantId, [item.debtor_id], at.date)).get(item.debtor_id) ?? [];
  const check = checkPhoneContact(rules, at, history);
  const call: CallLogRow = {
    debtorId: item.debtor_id,
    queueId: item.queue_id,
    contactId: data.contactId ?? null,
    kind: check.allowed && outcome.rightParty ? 'conversation' : 'phone_attempt',
    at,
    allowed: check.allowed,
    reason: check.allowed ? null : encodeMessage(check.reason.message),
    outcome: outcome.code,
    callId,
  };
  if (!check.allowed) {
    const nextSlot = nextPhoneSlot(rules, at, history);
    // One statement: the refused call logged, the call ended, the refusal audited.
    const contactLogId = await logDeskCall(trx, actor, call, now, null, { action: 'desk.call_refused', after: { outcome: outcome.code, reason: check.reason.code } });
    return { recorded: false, refusal: { ...check.reason, nextSlot }, contactLogId };
  }

  // The debtor's positions in the queue: read only by the outcomes that change them.
  const positions = () =>
    trx
    .selectFrom('claims as c')
    .innerJoin('work_queues as q', (j) => j.onRef('q.tenant_id', '=', 'c.tenant_id'))
    .select(['c.id', 'c.version', 'c.creditor_id', 'c.currency', 'q.creditor_id as queue_creditor_id'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('q.id', '=', item.queue_id)
    .where('c.debtor_id', '=', item.debtor_id)
    .where('c.status', 'in', [...WORKABLE_STATUSES])
    .where((eb) => eb.or([eb('q.creditor_id', 'is', null), eb('q.creditor_id', '=', eb.ref('c.creditor_id'))]))
    .orderBy('c.due_date')
    .execute();
  const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
  const days = (d: number) => minutes(d * 24 * 60);
  let nextWorkAt: Date | null = null;
  let leave = false;
  let promiseId: string | null = null;
  let callbackAt: Date | null = null;

  switch (outcome.effect) {
    case 'retry':
    case 'third_party':
      nextWorkAt = minutes(outcome.retryMinutes ?? 120);
      break;
    case 'invalid_number':
    case 'opt_out': {
      await trx
        .updateTable('contacts')
        .set(outcome.effect === 'invalid_number' ? { status: 'invalid', updated_at: sql`now()`, version: sql`version + 1` } : { consent: 'withdrawn', updated_at: sql`now()`, version: sql`version + 1` })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', data.contactId!)
        .execute();
      const left = await trx
        .selectFrom('contacts')
        .select('id')
        .where('tenant_id', '=', actor.tenantId)
        .where('debtor_id', '=', item.debtor_id)
        .where('channel', 'in', ['phone', 'mobile'])
        .where('status', '!=', 'invalid')
        .where('consent', '!=', 'withdrawn')
        .where('third_party', '=', false)
        .executeTakeFirst();
      if (left) nextWorkAt = minutes(5);
      else leave = true;
      break;
    }
    case 'new_contact':
      if (data.newContact!.channel !== 'address') {
        await trx
          .insertInto('contacts')
          .values({
            tenant_id: actor.tenantId,
            debtor_id: item.debtor_id,
            channel: data.newContact!.channel === 'phone' ? 'phone' : 'email',
            value: data.newContact!.value,
            source: 'third_party',
            label: data.newContact!.givenBy ?? null,
          })
          .execute();
      }
      nextWorkAt = minutes(30);
      break;
    case 'callback': {
      const c = data.callbackAt!;
      const allowed = checkPhoneContact(rules, c, []);
      if (!allowed.allowed || `${c.date}T${c.time}` <= `${at.date}T${at.time}`) {
        throw invalid([{ path: 'callbackAt', message: encodeMessage(allowed.allowed ? msg('desk.callback_in_past') : allowed.reason.message) }]);
      }
      callbackAt = instantOf(c);
      nextWorkAt = callbackAt;
      break;
    }
    case 'promise': {
      const p = data.promise!;
      const claims = await positions();
      // A promise is money in one currency; a debtor with positions in two in this queue is offered a plan per currency.
      const currencies = [...new Set(claims.map((c) => c.currency))].sort();
      if (currencies.length !== 1) throw invalid([{ path: 'promise', message: encodeMessage(msg('desk.promise_one_currency', { currencies: currencies.join(', ') })) }]);
      // The creditor's own rules (maximum days ahead, minimum amount), else the defaults.
      const promiseRules = await promiseRulesFor(trx, actor, claims[0]?.queue_creditor_id ?? null, claims.map((c) => c.creditor_id));
      const problems = promiseProblems(promiseRules, { amount: p.amount, dueOn: p.dueOn, today: at.date, owed: item.owed });
      if (problems.length) throw invalid(problems.map((m) => ({ path: 'promise', message: encodeMessage(m) })));
      const row = await trx
        .insertInto('promises')
        .values({
          tenant_id: actor.tenantId,
          debtor_id: item.debtor_id,
          amount: p.amount,
          currency: currencies[0]!,
          due_on: p.dueOn,
          grace_days: promiseRules.graceDays,
          channel: p.channel ?? null,
          made_on: at.date,
          made_by: actor.userId,
          claim_ids: claims.map((c) => c.id),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      promiseId = row.id;
      for (const c of claims) await amendClaim(trx, actor, c.id, { status: 'promised', version: c.version });
      // Judged after its date and grace days; until then nobody calls about it.
      nextWorkAt = instantOf({ date: parseDate(p.dueOn).add({ days: promiseRules.graceDays + 1 }).toString(), time: '08:30' });
      break;
    }
    case 'dispute': {
      const claims = await positions();
      for (const c of claims) await amendClaim(trx, actor, c.id, { status: 'disputed', version: c.version });
      // The creditor checks the dispute: a query waits for it on each position (issue 16 item 4).
      await raiseDisputeQueries(trx, actor, claims.map((c) => c.id), data.reason ?? null);
      leave = true;
      break;
    }
    case 'hardship':
    case 'plan_request':
    case 'already_paid':
    case 'deceased': {
      const until = parseDate(at.date).add({ days: REVIEW_HOLD_DAYS }).toString();
      const reason = `${outcome.code}${data.reason ? `: ${data.reason}` : ''}`.slice(0, 500);
      for (const c of await positions()) await placeClaimHold(trx, actor, c.id, { until, reason });
      leave = true;
      break;
    }
    case 'refused':
      nextWorkAt = days(7);
      break;
    case 'documents':
      nextWorkAt = days(3);
      break;
  }

  // One statement: the call logged and ended, the item updated (or gone from the queue), the outcome audited.
  const contactLogId = await logDeskCall(trx, actor, call, now, leave ? 'leave' : { nextWorkAt: nextWorkAt ?? now, callbackAt }, {
    action: 'desk.outcome_recorded',
    after: {
      queueId: item.queue_id,
      outcome: outcome.code,
      contactId: data.contactId ?? null,
      note: data.note ?? null,
      reason: data.reason ?? null,
      promise: data.promise ?? null,
      callbackAt: data.callbackAt ?? null,
      callId,
      promiseId,
      leftQueue: leave,
    },
  });
  return { recorded: true, outcome: outcome.code, contactLogId, promiseId, nextWorkAt: leave ? null : (nextWorkAt ?? now).toISOString(), leftQueue: leave };
}

/** A local calling moment (Europe/Rome wall clock) as an instant. */
export function instantOf(m: ContactMoment): Date {
  return new Date(Temporal.PlainDateTime.from(`${m.date}T${m.time}`).toZonedDateTime(PHONE_TIME_ZONE).epochMilliseconds);
}

/** A desk call as the contact log keeps it (logCall's row, with the rules already checked). */
interface CallLogRow {
  debtorId: string;
  queueId: string;
  contactId: string | null;
  kind: 'conversation' | 'phone_attempt';
  at: ContactMoment;
  allowed: boolean;
  reason: string | null;
  outcome: string;
  callId: string | null;
}

/**
 * One statement for the writes of an outcome: the contact-log row, the call ended with it, the queue
 * item moved on (`{ nextWorkAt, callbackAt }`), removed (`'leave'`) or left as it is (null), and the
 * audit event, which names the contact-log row (`after.contactLogId`). Returns that row's id.
 */
async function logDeskCall(
  trx: Trx,
  actor: Actor,
  call: CallLogRow,
  now: Date,
  item: { nextWorkAt: Date; callbackAt: Date | null } | 'leave' | null,
  audit: { action: string; after: Record<string, unknown> },
): Promise<string> {
  const t = actor.tenantId;
  const ts = (d: Date | null) => (d === null ? sql`null::timestamptz` : sql`${d.toISOString()}::timestamptz`);
  const key = sql`tenant_id = ${t} and queue_id = ${call.queueId} and debtor_id = ${call.debtorId}`;
  const itemWrite =
    item === null
      ? sql`select 1`
      : item === 'leave'
        ? sql`delete from desk_items where ${key}`
        : sql`update desk_items set leased_by = null, leased_until = null, next_work_at = ${ts(item.nextWorkAt)}, callback_at = ${ts(item.callbackAt)},
                 callback_user_id = ${item.callbackAt ? actor.userId : null}::uuid, last_outcome = ${call.outcome}, last_worked_at = ${ts(now)}
           where ${key}`;
  const row = await sql<{ id: string }>`
    with log as (
      insert into contact_log (tenant_id, debtor_id, channel, kind, contact_id, local_date, local_time, allowed, reason, actor_label, outcome, user_id, queue_id)
      values (${t}, ${call.debtorId}, 'desk', ${call.kind}, ${call.contactId}::uuid, ${call.at.date}::date, ${call.at.time}, ${call.allowed}, ${call.reason}, ${actor.label}, ${call.outcome}, ${actor.userId}::uuid, ${call.queueId})
      returning id),
    ended as (
      update desk_calls set ended_at = ${ts(now)}, outcome = ${call.outcome}, contact_log_id = (select id from log)
       where tenant_id = ${t} and id = ${call.callId}::uuid),
    item as (${itemWrite}),
    audit as (
      insert into audit_events (tenant_id, actor_user_id, actor_label, action, entity_type, entity_id, debtor_id, creditor_id, before, after, request_id, ip)
      select ${t}, ${actor.userId}::uuid, ${actor.label}, ${audit.action}, 'debtor', ${call.debtorId}, ${call.debtorId}, null, null,
             ${JSON.stringify(audit.after)}::jsonb || jsonb_build_object('contactLogId', log.id::text), ${actor.requestId ?? null}, ${actor.ip ?? null}
        from log)
    select id::text as id from log`.execute(trx);
  return row.rows[0]!.id;
}
