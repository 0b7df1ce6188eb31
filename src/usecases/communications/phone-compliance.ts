import type { Db } from '../../db/connect.ts';
import { encodeMessage } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { complianceRulesOf } from '../shared/compliance-rules.ts';
import { parseDate, Temporal } from '../../domain/dates.ts';
import {
  checkPhoneContact,
  holidayName,
  isoWeekStart,
  nextPhoneSlot,
  phoneWindowsOn,
  type ComplianceResult,
  type ComplianceRules,
  type ContactBlock,
  type ContactMoment,
  type PhoneEvent,
} from '../../domain/dunning/index.ts';

/** Calling hours are local to the debtors: Italian (and Swiss: same offsets) wall-clock time. */
export const PHONE_TIME_ZONE = 'Europe/Rome';
/** How many days of calling windows a list of tasks carries, today included. */
export const PHONE_DAYS = 14;

/**
 * The tenant's contact rules (tenants.settings.compliance), the Italian defaults when none are set.
 * Rules that are set but invalid are refused rather than replaced: calling under rules nobody chose
 * is worse than not calling.
 */
export async function tenantComplianceRules(db: Db, tenantId: string): Promise<ComplianceRules> {
  const t = await db.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return complianceRulesOf(t.settings);
}

/** An instant as the date and 'HH:MM' of the calling-hours time zone. */
export function localMoment(now: Date): ContactMoment {
  // The same minute is asked again and again (every "next" and outcome): the last answer is kept.
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastMoment.minute === minute) return { ...lastMoment.moment };
  const z = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(PHONE_TIME_ZONE);
  const moment = { date: z.toPlainDate().toString(), time: `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}` };
  lastMoment = { minute, moment };
  return { ...moment };
}
let lastMoment: { minute: number; moment: ContactMoment } = { minute: NaN, moment: { date: '', time: '' } };

/**
 * The calls made to each debtor since the Monday of `from`'s ISO week (what the daily and weekly
 * limits count): conversations and attempts that were allowed. Refused attempts were never calls.
 */
export async function phoneHistory(db: Db, tenantId: string, debtorIds: readonly string[], from: string): Promise<Map<string, PhoneEvent[]>> {
  if (!debtorIds.length) return new Map();
  return phoneEventsOf(await phoneHistoryQuery(db, tenantId, debtorIds, from).execute());
}

/** The contact-log rows `phoneHistory` reads (composable: "next" folds it into one statement). */
export function phoneHistoryQuery(db: Db, tenantId: string, debtorIds: readonly string[], from: string) {
  return db
    .selectFrom('contact_log')
    .select(['debtor_id', 'kind', 'local_date', 'local_time'])
    .where('tenant_id', '=', tenantId)
    .where('debtor_id', 'in', [...new Set(debtorIds)])
    .where('kind', 'in', ['conversation', 'phone_attempt'])
    .where('allowed', '=', true)
    .where('local_date', '>=', isoWeekStart(from))
    .orderBy('id');
}

export interface PhoneHistoryRow {
  debtor_id: string;
  kind: string;
  local_date: string;
  local_time: string | null;
}

/** The calls per debtor, in the order they were logged. */
export function phoneEventsOf(rows: readonly PhoneHistoryRow[]): Map<string, PhoneEvent[]> {
  const out = new Map<string, PhoneEvent[]>();
  for (const r of rows) {
    const list = out.get(r.debtor_id) ?? [];
    list.push({ date: r.local_date, time: r.local_time ?? '00:00', kind: r.kind === 'conversation' ? 'conversation' : 'attempt' });
    out.set(r.debtor_id, list);
  }
  return out;
}

export interface PhoneDay {
  date: string;
  holiday: string | null;
  windows: { from: string; to: string }[];
}

/** The calling windows of `days` days from `from`: none on holidays and closed days. */
export function phoneDays(rules: ComplianceRules, from: string, days = PHONE_DAYS): PhoneDay[] {
  const start = parseDate(from);
  return Array.from({ length: days }, (_, i) => {
    const date = start.add({ days: i }).toString();
    return { date, holiday: holidayName(date, rules.holidays), windows: phoneWindowsOn(date, rules).map((w) => ({ from: w.from, to: w.to })) };
  });
}

export interface TaskCompliance {
  permittedNow: boolean;
  blockedNow: ContactBlock | null;
  nextSlot: ContactMoment | null;
  blockedDays: (ContactBlock & { date: string })[];
}

/** Whether a debtor may be called now, when next, and which of `days` its limits close. */
export function taskCompliance(rules: ComplianceRules, now: ContactMoment, history: readonly PhoneEvent[], days: readonly PhoneDay[]): TaskCompliance {
  const check = checkPhoneContact(rules, now, history);
  const blockedDays: TaskCompliance['blockedDays'] = [];
  for (const d of days) {
    const first = d.windows[0];
    if (!first) continue;
    // Inside the day's first window the calendar allows the call: only the debtor's limits can refuse it.
    const r = checkPhoneContact(rules, { date: d.date, time: first.from }, history);
    if (!r.allowed) blockedDays.push({ date: d.date, ...r.reason });
  }
  return {
    permittedNow: check.allowed,
    blockedNow: check.allowed ? null : check.reason,
    nextSlot: check.allowed ? now : nextPhoneSlot(rules, now, history),
    blockedDays,
  };
}

export interface LoggedCall {
  contactLogId: string;
  check: ComplianceResult;
  /** When refused: the next moment the rules allow a call to this debtor. */
  nextSlot: ContactMoment | null;
  /** The tenant's rules the call was checked against. */
  rules: ComplianceRules;
}

/**
 * A call as the contact log keeps it: the tenant's rules checked now against the debtor's calls of the
 * week (lock the debtor row first, so two operators cannot both take the last allowed conversation),
 * and the row written — a conversation when the debtor was reached and the call allowed, an attempt
 * otherwise, a refused one with its reason.
 */
export async function logCall(
  trx: Db,
  actor: Actor,
  call: { debtorId: string; communicationId?: string | null; channel: string; contactId: string | null; reached: boolean; outcome?: string | null; queueId?: string | null },
  at: ContactMoment,
  /** The tenant's contact rules when the caller has read them already (the same transaction). */
  known?: ComplianceRules,
): Promise<LoggedCall> {
  // A desk call belongs to the queue the operator holds the debtor in (its lease), for the supervisor's board.
  const queueId =
    call.queueId ??
    (call.channel === 'desk' && actor.userId
      ? ((
          await trx
            .selectFrom('desk_items')
            .select('queue_id')
            .where('tenant_id', '=', actor.tenantId)
            .where('debtor_id', '=', call.debtorId)
            .where('leased_by', '=', actor.userId)
            .orderBy('leased_until', 'desc')
            .executeTakeFirst()
        )?.queue_id ?? null)
      : null);
  const rules = known ?? (await tenantComplianceRules(trx, actor.tenantId));
  const history = (await phoneHistory(trx, actor.tenantId, [call.debtorId], at.date)).get(call.debtorId) ?? [];
  const check = checkPhoneContact(rules, at, history);
  const log = await trx
    .insertInto('contact_log')
    .values({
      tenant_id: actor.tenantId,
      debtor_id: call.debtorId,
      communication_id: call.communicationId ?? null,
      channel: call.channel,
      kind: check.allowed && call.reached ? 'conversation' : 'phone_attempt',
      contact_id: call.contactId,
      local_date: at.date,
      local_time: at.time,
      allowed: check.allowed,
      reason: check.allowed ? null : encodeMessage(check.reason.message),
      actor_label: actor.label,
      outcome: call.outcome ?? null,
      user_id: actor.userId,
      queue_id: queueId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { contactLogId: String(log.id), check, nextSlot: check.allowed ? null : nextPhoneSlot(rules, at, history), rules };
}
