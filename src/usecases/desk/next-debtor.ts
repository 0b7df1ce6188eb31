import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { parseDate } from '../../domain/dates.ts';
import { checkPhoneContact, isoWeekStart, nextPhoneSlot, type ComplianceRules, type ContactMoment } from '../../domain/dunning/index.ts';
import { notFound } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, encodeMessage, msg, translate, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { localMoment, phoneEventsOf, type PhoneHistoryRow } from '../communications/phone-compliance.ts';
import { complianceRulesOf } from '../shared/compliance-rules.ts';
import { instantOf } from './record-outcome.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { workableDebtors } from './fill-queue.ts';
import { NextInput, QueueFilter, type NextView } from './schema.ts';

/** How long a debtor handed out by "next" stays the operator's alone (renewed by working it). */
export const LEASE_MINUTES = 20;
/** Candidates looked at in one "next" before saying nobody may be called (each refused one is moved to its next permitted moment). */
const MAX_CANDIDATES = 25;

export async function nextDebtor(db: Db, actor: Actor, input: z.input<typeof NextInput> = {}, now: Date = new Date(), locale: Locale = DEFAULT_LOCALE): Promise<NextView> {
  // No transaction around it: each statement of "next" is whole by itself (the candidate is locked,
  // checked and leased in one), so a press costs two statements and no BEGIN/COMMIT.
  return takeNext(db, actor, input, now, locale);
}

/**
 * "Prossimo" (issue 14 item 2): the debtor this operator should call now, leased to them so no one else
 * gets it. Callbacks due to this operator come first, then the highest priority. Never a debtor another
 * operator holds (the row is taken `FOR UPDATE SKIP LOCKED` and leased), never one whose next-work
 * moment has not come, and never a call the contact rules forbid now: outside the calling windows, on
 * a holiday, past the debtor's daily or weekly limits (each such debtor is moved to its next permitted
 * moment, and the refusal is audited with its reason: `desk.next_refused`). A debtor whose positions
 * were paid, closed, paused or held since the queue was filled, or who has no number left, leaves the
 * queue instead of being handed out. An operator who still holds a debtor gets the same one back: an
 * outcome comes before the next. When nobody may be called, the answer says why and when a call
 * becomes possible. The answer names whom to call, never what they owe: the call screen shows that
 * after the right-party check.
 *
 * Two statements on the usual path: the operator's queues (with their lease, if any) and the contact
 * rules; then one statement that picks the candidate, checks it (still workable, the day's and week's
 * limits counted in SQL — `callLimitsSql`, the same limits `checkPhoneContact` applies) and takes the
 * lease only if it passes. The pure rule is asked again on the calls that statement returns: it is
 * the one that decides, and names the reason of a refusal.
 */
export async function takeNext(db: Db, actor: Actor, input: z.input<typeof NextInput>, now: Date, locale: Locale): Promise<NextView> {
  const data = parseInput(NextInput, input);
  authorize(actor, 'update', 'communication');
  const me = actor.userId;
  const nowIso = now.toISOString();
  // One statement: the operator's queues, the tenant's contact rules, and a debtor this operator still holds.
  const member = await db
    .selectFrom('work_queues as q')
    .innerJoin('tenants as t', 't.id', 'q.tenant_id')
    .select(['q.id', 'q.creditor_id', sql<string | null>`q.filter::text`.as('filter'), sql<string | null>`(t.settings->'compliance')::text`.as('compliance')])
    .select((eb) =>
      eb
        .selectFrom('desk_items as h')
        .select('h.debtor_id')
        .whereRef('h.tenant_id', '=', 'q.tenant_id')
        .whereRef('h.queue_id', '=', 'q.id')
        .where('h.leased_by', '=', me)
        .where('h.leased_until', '>', sql<Date>`${nowIso}::timestamptz`)
        .limit(1)
        .as('held'),
    )
    .where('q.tenant_id', '=', actor.tenantId)
    .where('q.active', '=', true)
    .$if(me !== null && actor.role === 'operator', (q) =>
      q.where((eb) => eb.exists(eb.selectFrom('work_queue_members as m').select('m.user_id').whereRef('m.queue_id', '=', 'q.id').whereRef('m.tenant_id', '=', 'q.tenant_id').where('m.user_id', '=', me!))),
    )
    .execute();
  const scope = new Map(member.map((q) => [q.id, { creditorId: q.creditor_id, filter: queueFilterOf(q.filter) }]));
  let queues = member.map((q) => q.id);
  if (data.queueId) {
    if (!queues.includes(data.queueId)) throw notFound('queue');
    queues = [data.queueId];
  }
  const none = (m: Message, next: ContactMoment | null): NextView => ({ found: false, reason: translate(m, locale), reasonCode: m.code, next });
  if (queues.length === 0) return none(msg('desk.next_no_queue'), null);

  if (member.some((q) => q.held !== null && queues.includes(q.id))) {
    const held = await itemsQuery(db, actor, queues)
      .where('i.leased_by', '=', me)
      .where('i.leased_until', '>', sql<Date>`${nowIso}::timestamptz`)
      .executeTakeFirst();
    if (held) return found(held, false, now);
  }

  const at = localMoment(now);
  const rules = cachedComplianceRules(member[0]!.compliance);
  // The calendar first: at 22:00, on a Sunday or a holiday nobody may be called, whoever they are.
  const calendar = checkPhoneContact(rules, at, []);
  if (!calendar.allowed) return none(calendar.reason.message, nextPhoneSlot(rules, at, []));

  const until = new Date(now.getTime() + LEASE_MINUTES * 60_000);
  let lastRefusal: Message | null = null;
  for (let i = 0; i < MAX_CANDIDATES; i++) {
    const candidate = await pickAndLease(db, actor, queues, scope, rules, at, now, until);
    if (!candidate) break;
    const item = { tenant_id: actor.tenantId, queue_id: candidate.queue_id, debtor_id: candidate.debtor_id };
    // Paid, closed, held, disputed or left without a number since the queue was filled: out of it now.
    if (!candidate.workable) {
      await db.deleteFrom('desk_items').where('tenant_id', '=', item.tenant_id).where('queue_id', '=', item.queue_id).where('debtor_id', '=', item.debtor_id).execute();
      continue;
    }
    const history = phoneEventsOf(candidate.history ?? []).get(candidate.debtor_id) ?? [];
    const check = checkPhoneContact(rules, at, history);
    if (check.allowed && candidate.leased) {
      const callback = candidate.callback_at !== null && candidate.callback_at <= now;
      return found({ ...candidate, leased_until: until }, callback, now);
    }
    if (check.allowed) throw new Error(`desk: the call limits in SQL refused debtor ${candidate.debtor_id} that the contact rules allow`);
    // Reached today, or the week's conversations used up: back when the rules allow; the refusal is logged with its reason.
    lastRefusal = check.reason.message;
    const slot = nextPhoneSlot(rules, at, history);
    const nextWorkAt = slot ? instantOf(slot) : new Date(now.getTime() + 24 * 3600_000);
    await inTransaction(db, async (trx) => {
      await trx
        .updateTable('desk_items')
        // A lease the SQL limits let through is given back (the rule refused: it decides).
        .set(candidate.leased ? { next_work_at: nextWorkAt, leased_by: null, leased_until: null } : { next_work_at: nextWorkAt })
        .where('tenant_id', '=', item.tenant_id)
        .where('queue_id', '=', item.queue_id)
        .where('debtor_id', '=', item.debtor_id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'desk.next_refused',
        entityType: 'debtor',
        entityId: candidate.debtor_id,
        debtorId: candidate.debtor_id,
        after: { queueId: candidate.queue_id, reason: check.reason.code, message: encodeMessage(check.reason.message), nextWorkAt: nextWorkAt.toISOString() },
      });
    });
  }

  // Nobody now: an empty queue, or everyone held, refused or due later — and when the next one is.
  const soonest = await db
    .selectFrom('desk_items as i')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(greatest(i.next_work_at, coalesce(i.leased_until, i.next_work_at)))`.as('next')])
    .where('i.tenant_id', '=', actor.tenantId)
    .where('i.queue_id', 'in', queues)
    .executeTakeFirstOrThrow();
  if (soonest.n === 0) return none(msg('desk.next_queue_empty'), null);
  const next = soonest.next ? localMoment(new Date(soonest.next)) : null;
  return none(lastRefusal ? msg('desk.next_all_blocked', { reason: encodeMessage(lastRefusal) }) : msg('desk.next_all_busy'), next);
}

/** `f` in a transaction: the one given, or a new one. */
async function inTransaction<T>(db: Db, f: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? f(db) : db.transaction().execute(f);
}

/**
 * Parsed once per process and per distinct value (the row's text is the key: a change to the rules or
 * to a queue's filter is a different text, so nothing stale is ever used).
 */
const parsed = { rules: new Map<string, ComplianceRules>(), filters: new Map<string, QueueFilter>() };
function cachedComplianceRules(text: string | null): ComplianceRules {
  const key = text ?? 'null';
  let rules = parsed.rules.get(key);
  if (!rules) {
    rules = complianceRulesOf({ compliance: text === null ? null : JSON.parse(text) });
    if (parsed.rules.size > 100) parsed.rules.clear();
    parsed.rules.set(key, rules);
  }
  return rules;
}
function queueFilterOf(text: string | null): QueueFilter {
  const key = text ?? '{}';
  let filter = parsed.filters.get(key);
  if (!filter) {
    filter = QueueFilter.parse(JSON.parse(key) ?? {});
    if (parsed.filters.size > 1000) parsed.filters.clear();
    parsed.filters.set(key, filter);
  }
  return filter;
}

/**
 * The conditions under which the debtor's calls of the week (`l`: counts of this week's allowed
 * conversations today, this week, and attempts today) leave room for one more call on `date`: the
 * daily conversations, the weekly conversations and the daily attempts of `checkPhoneContact`
 * (domain/dunning compliance.ts, `limitBlock`) as SQL. The calendar and the time of day are checked
 * once per "next" before; the rule itself is asked again on the rows (it decides).
 */
export function callLimitsSql(rules: ComplianceRules, counts: string) {
  const col = (c: string) => sql.ref(`${counts}.${c}`);
  return sql<boolean>`(${col('conv_today')} < ${rules.maxConversationsPerDay}::int and ${col('conv_week')} < ${rules.maxConversationsPerWeek}::int and (${rules.maxAttemptsPerDay}::int is null or ${col('att_today')} < ${rules.maxAttemptsPerDay}::int))`;
}

/** The counts `callLimitsSql` reads, of the debtor `debtor` (a column), and the calls themselves (for the rule and the next slot). */
export function callCountsSql(db: Db, tenantId: string, debtor: RawBuilder<string>, date: string) {
  const week = isoWeekStart(date);
  const weekEnd = parseDate(week).add({ days: 7 }).toString();
  return sql<{ conv_today: number; conv_week: number; att_today: number; history: PhoneHistoryRow[] | null }>`(
    select count(*) filter (where l.kind = 'conversation' and l.local_date = ${date}::date)::int as conv_today,
           count(*) filter (where l.kind = 'conversation' and l.local_date < ${weekEnd}::date)::int as conv_week,
           count(*) filter (where l.kind = 'phone_attempt' and l.local_date = ${date}::date)::int as att_today,
           json_agg(json_build_object('debtor_id', l.debtor_id, 'kind', l.kind, 'local_date', l.local_date::text, 'local_time', l.local_time) order by l.id) as history
      from contact_log l
     where l.tenant_id = ${tenantId} and l.debtor_id = ${debtor}
       and l.kind in ('conversation', 'phone_attempt') and l.allowed and l.local_date >= ${week}::date)`;
}

type Candidate = {
  queue_id: string;
  debtor_id: string;
  priority: number;
  callback_at: Date | null;
  next_work_at: Date;
  display_name: string;
  workable: boolean;
  history: PhoneHistoryRow[] | null;
  leased: boolean;
};

/**
 * One statement: the best item of the operator's queues that may be worked now, locked (`FOR UPDATE
 * SKIP LOCKED`: one another "next" holds is passed over, never waited for) — in each queue a callback
 * due to this operator (or to anyone) first, else the rest by priority, each read in the order of its
 * index (`desk_items_callbacks`, `desk_items_next`) and stopped at the first row it may take, so it
 * costs the same at 100 debtors and at 250,000; of several queues the best — with the debtor's name,
 * whether the debtor is still workable (`workableDebtors`), the week's calls, and the lease taken
 * when it is workable and the call limits leave room.
 */
async function pickAndLease(
  db: Db,
  actor: Actor,
  queues: readonly string[],
  scope: Map<string, { creditorId: string | null; filter: QueueFilter }>,
  rules: ComplianceRules,
  at: ContactMoment,
  now: Date,
  until: Date,
): Promise<Candidate | undefined> {
  const t = actor.tenantId;
  const me = actor.userId;
  const ts = sql<Date>`${now.toISOString()}::timestamptz`;
  const free = sql`i.tenant_id = ${t} and i.queue_id = q.id
         and (i.leased_until is null or i.leased_until <= ${ts}) and i.next_work_at <= ${ts}
         and (i.callback_user_id is null or i.callback_user_id = ${me})`;
  const columns = sql`i.queue_id, i.debtor_id, i.priority, i.callback_at, i.next_work_at`;
  const workable = sql.join(
    queues.map((id) => sql`(cand.queue_id = ${id} and exists (${workableDebtors(db, t, scope.get(id)!, at.date, sql.ref<string>('cand.debtor_id')).clearSelect().select(sql`1`.as('one'))}))`),
    sql` or `,
  );
  const result = await sql<Candidate>`
    with cand as (
      select c.* from unnest(${[...queues]}::uuid[]) as q(id)
      cross join lateral (
        select * from (
          select ${columns} from desk_items i
           where ${free} and i.callback_at is not null and i.callback_at <= ${ts}
           order by i.callback_at, i.priority desc, i.next_work_at, i.debtor_id
           limit 1 for update of i skip locked) cb
        union all
        select * from (
          select ${columns} from desk_items i
           where ${free}
           order by i.priority desc, i.next_work_at, i.debtor_id
           limit 1 for update of i skip locked) nx
        limit 1) c
      order by (c.callback_at is not null and c.callback_at <= ${ts}) desc, c.priority desc, c.next_work_at, c.debtor_id
      limit 1),
    p as (
      select cand.*, d.display_name, (${workable}) as workable, l.*
        from cand
        join debtors d on d.id = cand.debtor_id and d.tenant_id = ${t}
        cross join lateral ${callCountsSql(db, t, sql.ref<string>('cand.debtor_id'), at.date)} l),
    lease as (
      update desk_items i set leased_by = ${me}, leased_until = ${until.toISOString()}::timestamptz
        from p
       where i.tenant_id = ${t} and i.queue_id = p.queue_id and i.debtor_id = p.debtor_id
         and p.workable and ${callLimitsSql(rules, 'p')}
      returning i.debtor_id)
    select p.queue_id, p.debtor_id, p.priority, p.callback_at, p.next_work_at, p.display_name, p.workable, p.history,
           exists (select 1 from lease) as leased
      from p`.execute(db);
  return result.rows[0];
}

function itemsQuery(trx: Db, actor: Actor, queues: readonly string[]) {
  return trx
    .selectFrom('desk_items as i')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'i.debtor_id').onRef('d.tenant_id', '=', 'i.tenant_id'))
    .select(['i.queue_id', 'i.debtor_id', 'd.display_name', 'i.priority', 'i.leased_until', 'i.callback_at'])
    .where('i.tenant_id', '=', actor.tenantId)
    .where('i.queue_id', 'in', queues);
}

function found(
  r: { queue_id: string; debtor_id: string; display_name: string; priority: number; leased_until: Date | null; callback_at: Date | null },
  callback: boolean,
  now: Date,
): NextView {
  return {
    found: true,
    queueId: r.queue_id,
    debtorId: r.debtor_id,
    debtorName: r.display_name,
    leasedUntil: (r.leased_until ?? now).toISOString(),
    priority: r.priority,
    callback,
  };
}
