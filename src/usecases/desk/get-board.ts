import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { addCalls, addCollected, addKept, addPromises, emptyFigures, RIGHT_PARTY_CODES, type Figures } from '../../domain/desk/board.ts';
import { attributionDaysOf } from '../../domain/portal/agency-kpis.ts';
import { invalid, fieldError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { BoardQuery, type BoardView } from './schema.ts';

/**
 * The supervisor's board (issue 14 item 6) for a period of local days (today, Europe/Rome, by
 * default): per operator and per queue, the desk's calls by the flags of their outcome as it counts
 * (corrected or original), promises made (count, amount) and kept (judged kept in the period), and
 * the money received after a right-party contact (domain/desk/board.ts). Four aggregate queries over
 * the period, each grouped by operator and queue — never a loop over debtors —, on the indexes of
 * migration 0025 (contact_log_desk, promises_made, promises_judged, payments_value_date) and the
 * contact log's per-debtor index for crediting a promise or a payment to its call.
 */
export async function getBoard(db: Db, actor: Actor, query: z.input<typeof BoardQuery>): Promise<BoardView> {
  authorize(actor, 'read', 'supervision');
  const q = parseInput(BoardQuery, query);
  const from = q.from ?? today().toString();
  const to = q.to ?? (q.from ?? today().toString());
  if (to < from) throw invalid([fieldError('to', 'desk.board_period')]);
  const t = actor.tenantId;
  // The attribution window is the tenant's (settings.kpiAttributionDays), the same as the agency's KPIs.
  const tenant = await db.selectFrom('tenants').select('settings').where('id', '=', t).executeTakeFirstOrThrow();
  const window = attributionDaysOf(tenant.settings);

  const calls = await db
    .selectFrom('contact_log as l')
    .select(['l.user_id', 'l.queue_id', 'l.allowed', sql<string | null>`coalesce(l.corrected_outcome, l.outcome)`.as('outcome'), sql<number>`count(*)::int`.as('n')])
    .where('l.tenant_id', '=', t)
    .where('l.channel', '=', 'desk')
    .where('l.local_date', '>=', from)
    .where('l.local_date', '<=', to)
    .groupBy(['l.user_id', 'l.queue_id', 'l.allowed', sql`coalesce(l.corrected_outcome, l.outcome)`])
    .execute();

  // The queue of a promise: the desk call that made it (same debtor, operator and day).
  const promiseQueue = sql<string | null>`(select l.queue_id from contact_log l where l.tenant_id = p.tenant_id and l.debtor_id = p.debtor_id
    and l.local_date = p.made_on and l.channel = 'desk' and l.outcome = 'PROMESSA_PAGAMENTO' and l.user_id is not distinct from p.made_by
    order by l.id desc limit 1)`;
  const made = await db
    .selectFrom('promises as p')
    .select(['p.made_by', promiseQueue.as('queue_id'), 'p.currency', sql<number>`count(*)::int`.as('n'), sql<string>`round(sum(p.amount), 2)::text`.as('amount')])
    .where('p.tenant_id', '=', t)
    .where('p.made_on', '>=', from)
    .where('p.made_on', '<=', to)
    .groupBy(['p.made_by', sql`2`, 'p.currency'])
    .execute();
  const kept = await db
    .selectFrom('promises as p')
    .select(['p.made_by', promiseQueue.as('queue_id'), 'p.currency', sql<number>`count(*)::int`.as('n'), sql<string>`round(sum(p.amount), 2)::text`.as('amount')])
    .where('p.tenant_id', '=', t)
    .where('p.judged_on', 'is not', null)
    .where('p.judged_on', '>=', from)
    .where('p.judged_on', '<=', to)
    .where('p.state', '=', 'kept')
    .groupBy(['p.made_by', sql`2`, 'p.currency'])
    .execute();

  // Money on the debtor's positions in the period, credited to the latest right-party contact of the
  // days before (the same day included: a call's date has no time against a payment's value date).
  const collected = await sql<{ user_id: string | null; queue_id: string | null; currency: string; amount: string }>`
    select c.user_id, c.queue_id, y.currency, round(sum(a.amount), 2)::text as amount
    from payments y
    join payment_allocations a on a.tenant_id = y.tenant_id and a.payment_id = y.id
    join lateral (
      select l.user_id, l.queue_id from contact_log l
      where l.tenant_id = y.tenant_id and l.debtor_id = y.debtor_id and l.channel = 'desk' and l.allowed
        and coalesce(l.corrected_outcome, l.outcome) in (${sql.join(RIGHT_PARTY_CODES)})
        and l.local_date between y.value_date - ${window}::int and y.value_date
      order by l.local_date desc, l.id desc limit 1
    ) c on true
    where y.tenant_id = ${t} and y.value_date between ${from}::date and ${to}::date and y.reversed_at is null
    group by c.user_id, c.queue_id, y.currency`.execute(db);

  // Everyone who works a queue, and every active queue, appear even with nothing yet.
  const queues = await db.selectFrom('work_queues').select(['id', 'name', 'active']).where('tenant_id', '=', t).orderBy('name').execute();
  const users = await db.selectFrom('users').select(['id', 'name']).where('tenant_id', '=', t).orderBy('name').execute();
  const members = await db.selectFrom('work_queue_members').select('user_id').distinct().where('tenant_id', '=', t).execute();
  const working = new Set(members.map((m) => m.user_id));

  const byUser = new Map<string | null, Figures>(users.filter((u) => working.has(u.id)).map((u) => [u.id, emptyFigures()]));
  const byQueue = new Map<string | null, Figures>(queues.filter((x) => x.active).map((x) => [x.id, emptyFigures()]));
  const total = emptyFigures();
  const each = (user: string | null, queue: string | null, f: (x: Figures) => void) => {
    for (const [map, key] of [[byUser, user], [byQueue, queue]] as const) {
      if (!map.has(key)) map.set(key, emptyFigures());
      f(map.get(key)!);
    }
    f(total);
  };
  for (const c of calls) each(c.user_id, c.queue_id, (f) => addCalls(f, c.outcome, c.allowed, c.n));
  for (const m of made) each(m.made_by, m.queue_id, (f) => addPromises(f, m.n, m.currency, m.amount));
  for (const k of kept) each(k.made_by, k.queue_id, (f) => addKept(f, k.n, k.currency, k.amount));
  for (const c of collected.rows) each(c.user_id, c.queue_id, (f) => addCollected(f, c.currency, c.amount));

  const userName = new Map(users.map((u) => [u.id, u.name]));
  const queueName = new Map(queues.map((x) => [x.id, x.name]));
  return {
    from,
    to,
    collectedAfterDays: window,
    operators: [...byUser].map(([userId, f]) => ({ userId, name: userId ? (userName.get(userId) ?? '—') : '—', ...f })),
    queues: [...byQueue].map(([queueId, f]) => ({ queueId, name: queueId ? (queueName.get(queueId) ?? null) : null, ...f })),
    total,
  };
}
