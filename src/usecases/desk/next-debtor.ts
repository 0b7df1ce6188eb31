import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { checkPhoneContact, nextPhoneSlot, type ContactMoment } from '../../domain/dunning/index.ts';
import { notFound } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, encodeMessage, msg, translate, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { localMoment, phoneEventsOf, phoneHistoryQuery, type PhoneHistoryRow } from '../communications/phone-compliance.ts';
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
  return db.transaction().execute((trx) => takeNext(trx, actor, input, now, locale));
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
 */
export async function takeNext(trx: Trx, actor: Actor, input: z.input<typeof NextInput>, now: Date, locale: Locale): Promise<NextView> {
  const data = parseInput(NextInput, input);
  authorize(actor, 'update', 'communication');
  const me = actor.userId;
  const nowIso = now.toISOString();
  // One statement: the operator's queues, the tenant's contact rules, and a debtor this operator still holds.
  const member = await trx
    .selectFrom('work_queues as q')
    .innerJoin('tenants as t', 't.id', 'q.tenant_id')
    .select(['q.id', 'q.creditor_id', 'q.filter', 't.settings'])
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
  const scope = new Map(member.map((q) => [q.id, { creditorId: q.creditor_id, filter: QueueFilter.parse(q.filter ?? {}) }]));
  let queues = member.map((q) => q.id);
  if (data.queueId) {
    if (!queues.includes(data.queueId)) throw notFound('queue');
    queues = [data.queueId];
  }
  const none = (m: Message, next: ContactMoment | null): NextView => ({ found: false, reason: translate(m, locale), reasonCode: m.code, next });
  if (queues.length === 0) return none(msg('desk.next_no_queue'), null);

  if (member.some((q) => q.held !== null && queues.includes(q.id))) {
    const held = await itemsQuery(trx, actor, queues)
      .where('i.leased_by', '=', me)
      .where('i.leased_until', '>', sql<Date>`${nowIso}::timestamptz`)
      .executeTakeFirst();
    if (held) return found(held, false, now);
  }

  const at = localMoment(now);
  const rules = complianceRulesOf(member[0]!.settings);
  // The calendar first: at 22:00, on a Sunday or a holiday nobody may be called, whoever they are.
  const calendar = checkPhoneContact(rules, at, []);
  if (!calendar.allowed) return none(calendar.reason.message, nextPhoneSlot(rules, at, []));

  let lastRefusal: Message | null = null;
  for (let i = 0; i < MAX_CANDIDATES; i++) {
    const candidate = await probe(trx, actor, queues, now);
    if (!candidate) break;
    const item = { tenant_id: actor.tenantId, queue_id: candidate.queue_id, debtor_id: candidate.debtor_id };
    // One statement: is the debtor still workable, and the calls made to them this week (the limits count them).
    const state = await trx
      .selectNoFrom((eb) => [
        eb.exists(workableDebtors(trx, actor.tenantId, scope.get(candidate.queue_id)!, at.date, candidate.debtor_id)).as('workable'),
        phoneHistoryQuery(trx, actor.tenantId, [candidate.debtor_id], at.date)
          .clearSelect()
          .clearOrderBy()
          .select(sql<PhoneHistoryRow[] | null>`json_agg(json_build_object('debtor_id', debtor_id, 'kind', kind, 'local_date', local_date::text, 'local_time', local_time) order by id)`.as('calls'))
          .as('history'),
      ])
      .executeTakeFirstOrThrow();
    // Paid, closed, held, disputed or left without a number since the queue was filled: out of it now.
    if (!state.workable) {
      await trx.deleteFrom('desk_items').where('tenant_id', '=', item.tenant_id).where('queue_id', '=', item.queue_id).where('debtor_id', '=', item.debtor_id).execute();
      continue;
    }
    const history = phoneEventsOf(state.history ?? []).get(candidate.debtor_id) ?? [];
    const check = checkPhoneContact(rules, at, history);
    if (!check.allowed) {
      // Reached today, or the week's conversations used up: back when the rules allow; the refusal is logged with its reason.
      lastRefusal = check.reason.message;
      const slot = nextPhoneSlot(rules, at, history);
      const nextWorkAt = slot ? instantOf(slot) : new Date(now.getTime() + 24 * 3600_000);
      await trx
        .updateTable('desk_items')
        .set({ next_work_at: nextWorkAt })
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
      continue;
    }
    const until = new Date(now.getTime() + LEASE_MINUTES * 60_000);
    await trx
      .updateTable('desk_items')
      .set({ leased_by: me, leased_until: until })
      .where('tenant_id', '=', item.tenant_id)
      .where('queue_id', '=', item.queue_id)
      .where('debtor_id', '=', item.debtor_id)
      .execute();
    const callback = candidate.callback_at !== null && candidate.callback_at <= now;
    return found({ ...candidate, leased_until: until }, callback, now);
  }

  // Nobody now: an empty queue, or everyone held, refused or due later — and when the next one is.
  const soonest = await trx
    .selectFrom('desk_items as i')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(greatest(i.next_work_at, coalesce(i.leased_until, i.next_work_at)))`.as('next')])
    .where('i.tenant_id', '=', actor.tenantId)
    .where('i.queue_id', 'in', queues)
    .executeTakeFirstOrThrow();
  if (soonest.n === 0) return none(msg('desk.next_queue_empty'), null);
  const next = soonest.next ? localMoment(new Date(soonest.next)) : null;
  return none(lastRefusal ? msg('desk.next_all_blocked', { reason: encodeMessage(lastRefusal) }) : msg('desk.next_all_busy'), next);
}

/**
 * The best item of the operator's queues that may be worked now, locked (`FOR UPDATE SKIP LOCKED`:
 * one another "next" holds is passed over, never waited for): first a callback due to this operator
 * (or to anyone), else the rest by priority. Each queue is read in the order of its index — callbacks
 * by `desk_items_callbacks`, the rest by `desk_items_next` — and stops at the first row it may take,
 * so "next" costs the same at 100 debtors and at 250,000. One statement per queue (the callback, else
 * the best of the rest, with the debtor's name); of several queues the best is taken (the others'
 * rows stay locked only until this transaction ends).
 */
async function probe(trx: Trx, actor: Actor, queues: readonly string[], now: Date) {
  const at = sql<Date>`${now.toISOString()}::timestamptz`;
  const rows: NonNullable<Awaited<ReturnType<typeof probeQueue>>>[] = [];
  for (const queueId of queues) {
    const row = await probeQueue(trx, actor, queueId, at);
    if (row) rows.push(row);
  }
  const due = (r: (typeof rows)[number]) => (r.callback_at !== null && r.callback_at <= now ? 1 : 0);
  return rows.sort((a, b) => due(b) - due(a) || b.priority - a.priority || a.next_work_at.getTime() - b.next_work_at.getTime() || a.debtor_id.localeCompare(b.debtor_id))[0];
}

/** One queue's due callback, else its best item by priority, locked, with the debtor's name: one statement. */
function probeQueue(trx: Trx, actor: Actor, queueId: string, at: RawBuilder<Date>) {
  const me = actor.userId;
  const free = trx
    .selectFrom('desk_items as i')
    .select(['i.queue_id', 'i.debtor_id', 'i.priority', 'i.leased_until', 'i.callback_at', 'i.next_work_at'])
    .where('i.tenant_id', '=', actor.tenantId)
    .where('i.queue_id', '=', queueId)
    .where((eb) => eb.or([eb('i.leased_until', 'is', null), eb('i.leased_until', '<=', at)]))
    .where('i.next_work_at', '<=', at)
    .where((eb) => eb.or([eb('i.callback_user_id', 'is', null), eb('i.callback_user_id', '=', me)]));
  return trx
    .with('cb', () =>
      free
        .where('i.callback_at', 'is not', null)
        .where('i.callback_at', '<=', at)
        .orderBy('i.callback_at')
        .orderBy('i.priority', 'desc')
        .orderBy('i.next_work_at')
        .orderBy('i.debtor_id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .with('nx', (db) =>
      free
        .where(({ not, exists }) => not(exists(db.selectFrom('cb').select('cb.debtor_id'))))
        .orderBy('i.priority', 'desc')
        .orderBy('i.next_work_at')
        .orderBy('i.debtor_id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .selectFrom((db) => db.selectFrom('cb').selectAll().unionAll(db.selectFrom('nx').selectAll()).as('c'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').on('d.tenant_id', '=', actor.tenantId))
    .select(['c.queue_id', 'c.debtor_id', 'c.priority', 'c.leased_until', 'c.callback_at', 'c.next_work_at', 'd.display_name'])
    .executeTakeFirst();
}

function itemsQuery(trx: Trx, actor: Actor, queues: readonly string[]) {
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
