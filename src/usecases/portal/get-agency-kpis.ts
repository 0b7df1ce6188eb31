import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { fieldError, forbidden, invalid, notFound } from '../../domain/errors.ts';
import { isoDate, uuid } from '../../domain/fields.ts';
import {
  agencyFigures,
  attributionDaysOf,
  emptyTally,
  RIGHT_PARTY_OUTCOMES,
  tallyCalls,
  tallyCollected,
  tallyHandling,
  tallyJudged,
  tallyPromises,
  type AgencyTally,
} from '../../domain/portal/agency-kpis.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';

/** A period of local days (Europe/Rome; the current month when not given) and optionally one creditor. */
export const AgencyKpisQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), creditorId: uuid.optional() });

const Amounts = z.array(z.object({ currency: z.string(), amount: z.string() }));
const Figures = z.object({
  /** Desk calls that count as an attempt / as a right-party contact (the outcome as it counts); RPC rate = right party ÷ attempts, %. */
  attempts: z.number(),
  rightParty: z.number(),
  rpcRate: z.string().nullable(),
  /** Promises made in the period, and their amount per currency. */
  promises: z.number(),
  promised: Amounts,
  /** Promises judged in the period: kept, broken (short or broken); kept rate = kept ÷ judged, %. */
  promisesKept: z.number(),
  promisesBroken: z.number(),
  keptRate: z.string().nullable(),
  /** Plans opened in the period (not rejected). */
  plans: z.number(),
  /** Money of the period's payments credited to the last right-party contact within `attributionDays`, per currency. */
  collected: Amounts,
  /** Desk calls with a recorded end, and their average length in whole seconds. */
  handledCalls: z.number(),
  averageHandlingSeconds: z.number().nullable(),
  /** The desk's calls behind the counts: the query of GET /api/work/outcomes (null: no operator or no queue to filter by). */
  calls: z.record(z.string(), z.string()).nullable(),
});
export const AgencyKpis = z.object({
  from: z.string(),
  to: z.string(),
  creditorId: z.string().nullable(),
  attributionDays: z.number(),
  operators: z.array(Figures.extend({ userId: z.uuid().nullable(), name: z.string().nullable() })),
  queues: z.array(Figures.extend({ queueId: z.uuid().nullable(), name: z.string().nullable() })),
  total: Figures,
  /** Money of the period's payments with no right-party contact in the window before them. */
  notAttributed: Amounts,
});
export type AgencyKpis = z.infer<typeof AgencyKpis>;

/**
 * The same KPIs per operator and per queue (issue 16 item 7) for the agency's supervisors, over a
 * period and optionally one creditor; definitions and the attribution rule in domain/portal/agency-kpis.ts.
 * Six aggregate queries over the period, each grouped by operator and queue — never a loop over
 * debtors — on the period indexes of migrations 0025 and 0051; a payment finds its contact by the
 * contact log's per-debtor index. A creditor narrows calls to debtors with a position of it, promises
 * to those naming one of its positions, plans and payments to its own.
 */
export async function getAgencyKpis(db: Db, actor: Actor, input: z.input<typeof AgencyKpisQuery>): Promise<AgencyKpis> {
  authorize(actor, 'read', 'supervision');
  if (actor.creditorId !== null) throw forbidden();
  const q = parseInput(AgencyKpisQuery, input);
  const now = today();
  const from = q.from ?? now.with({ day: 1 }).toString();
  const to = q.to ?? (q.from ? from : now.with({ day: now.daysInMonth }).toString());
  if (to < from) throw invalid([fieldError('to', 'desk.board_period')]);
  const t = actor.tenantId;
  const tenant = await db.selectFrom('tenants').select('settings').where('id', '=', t).executeTakeFirstOrThrow();
  const days = attributionDaysOf(tenant.settings);
  const cid = q.creditorId ?? null;
  if (cid !== null) {
    const c = await db.selectFrom('creditors').select('id').where('tenant_id', '=', t).where('id', '=', cid).executeTakeFirst();
    if (!c) throw notFound('creditor');
  }
  const debtorOfCreditor = (alias: string): RawBuilder<unknown> =>
    cid === null ? sql`` : sql`and exists (select 1 from claims c where c.tenant_id = ${sql.ref(`${alias}.tenant_id`)} and c.debtor_id = ${sql.ref(`${alias}.debtor_id`)} and c.creditor_id = ${cid})`;
  const promiseOfCreditor = cid === null ? sql`` : sql`and exists (select 1 from claims c where c.id = any(p.claim_ids) and c.tenant_id = p.tenant_id and c.creditor_id = ${cid})`;
  const rightParty = sql.join(RIGHT_PARTY_OUTCOMES.map((c) => sql`${c}`));
  // The queue of a promise: the desk call that made it (same debtor, operator and day).
  const promiseQueue = sql`(select l.queue_id from contact_log l where l.tenant_id = p.tenant_id and l.debtor_id = p.debtor_id
    and l.local_date = p.made_on and l.channel = 'desk' and l.outcome = 'PROMESSA_PAGAMENTO' and l.user_id is not distinct from p.made_by
    order by l.id desc limit 1)`;

  const [calls, made, judged, plans, collected, handling] = await Promise.all([
    sql<{ user_id: string | null; queue_id: string | null; allowed: boolean; outcome: string | null; n: number }>`
      select l.user_id, l.queue_id, l.allowed, coalesce(l.corrected_outcome, l.outcome) as outcome, count(*)::int as n
        from contact_log l
       where l.tenant_id = ${t} and l.channel = 'desk' and l.local_date between ${from}::date and ${to}::date ${debtorOfCreditor('l')}
       group by 1, 2, 3, 4`.execute(db),
    sql<{ user_id: string | null; queue_id: string | null; currency: string; n: number; amount: string }>`
      select p.made_by as user_id, ${promiseQueue} as queue_id, p.currency, count(*)::int as n, sum(p.amount)::text as amount
        from promises p
       where p.tenant_id = ${t} and p.made_on between ${from}::date and ${to}::date ${promiseOfCreditor}
       group by 1, 2, 3`.execute(db),
    sql<{ user_id: string | null; queue_id: string | null; kept: number; broken: number }>`
      select p.made_by as user_id, ${promiseQueue} as queue_id, (count(*) filter (where p.state = 'kept'))::int as kept,
             (count(*) filter (where p.state <> 'kept'))::int as broken
        from promises p
       where p.tenant_id = ${t} and p.judged_on between ${from}::date and ${to}::date and p.state in ('kept', 'short', 'broken') ${promiseOfCreditor}
       group by 1, 2`.execute(db),
    sql<{ user_id: string | null; queue_id: string | null; n: number }>`
      select u.id as user_id,
             (select l.queue_id from contact_log l where l.tenant_id = p.tenant_id and l.debtor_id = p.debtor_id and l.channel = 'desk' and l.user_id = u.id
                 and l.local_date between p.started_on - ${days}::int and p.started_on order by l.local_date desc, l.id desc limit 1) as queue_id,
             count(*)::int as n
        from plans p
        left join users u on u.tenant_id = p.tenant_id and p.proposed_by = 'user:' || u.email
       where p.tenant_id = ${t} and p.started_on between ${from}::date and ${to}::date and p.state <> 'rejected'
             ${cid === null ? sql`` : sql`and p.creditor_id = ${cid}`}
       group by 1, 2`.execute(db),
    // Each payment once, to the last right-party contact before it within the window (or to nobody).
    sql<{ attributed: boolean; user_id: string | null; queue_id: string | null; currency: string; amount: string }>`
      select k.id is not null as attributed, k.user_id, k.queue_id, y.currency, sum(a.amount)::text as amount
        from payments y
        join payment_allocations a on a.tenant_id = y.tenant_id and a.payment_id = y.id
        left join lateral (
          select l.id, l.user_id, l.queue_id from contact_log l
           where l.tenant_id = y.tenant_id and l.debtor_id = y.debtor_id and l.channel = 'desk' and l.allowed
             and coalesce(l.corrected_outcome, l.outcome) in (${rightParty})
             and l.local_date between y.value_date - ${days}::int and y.value_date
           order by l.local_date desc, l.id desc limit 1
        ) k on true
       where y.tenant_id = ${t} and y.value_date between ${from}::date and ${to}::date and y.reversed_at is null
             ${cid === null ? sql`` : sql`and y.creditor_id = ${cid}`}
       group by 1, 2, 3, 4`.execute(db),
    sql<{ user_id: string; queue_id: string; n: number; seconds: string }>`
      select k.user_id, k.queue_id, count(*)::int as n, round(sum(extract(epoch from k.ended_at - k.started_at)))::bigint::text as seconds
        from desk_calls k
       where k.tenant_id = ${t} and k.ended_at is not null
         and k.started_at >= (${from}::date::timestamp at time zone 'Europe/Rome') and k.started_at < ((${to}::date + 1)::timestamp at time zone 'Europe/Rome')
         ${debtorOfCreditor('k')}
       group by 1, 2`.execute(db),
  ]);

  // Everyone who works a queue, and every active queue, appear even with nothing yet.
  const queues = await db.selectFrom('work_queues').select(['id', 'name', 'active']).where('tenant_id', '=', t).orderBy('name').execute();
  const users = await db.selectFrom('users').select(['id', 'name']).where('tenant_id', '=', t).orderBy('name').execute();
  const members = await db.selectFrom('work_queue_members').select('user_id').distinct().where('tenant_id', '=', t).execute();
  const working = new Set(members.map((m) => m.user_id));
  const byUser = new Map<string | null, AgencyTally>(users.filter((u) => working.has(u.id)).map((u) => [u.id, emptyTally()]));
  const byQueue = new Map<string | null, AgencyTally>(queues.filter((x) => x.active).map((x) => [x.id, emptyTally()]));
  const total = emptyTally();
  const each = (user: string | null, queue: string | null, f: (x: AgencyTally) => void) => {
    for (const [map, key] of [[byUser, user], [byQueue, queue]] as const) {
      if (!map.has(key)) map.set(key, emptyTally());
      f(map.get(key)!);
    }
    f(total);
  };
  for (const c of calls.rows) each(c.user_id, c.queue_id, (f) => tallyCalls(f, c.outcome, c.allowed, c.n));
  for (const m of made.rows) each(m.user_id, m.queue_id, (f) => tallyPromises(f, m.n, m.currency, m.amount));
  for (const j of judged.rows) each(j.user_id, j.queue_id, (f) => tallyJudged(f, j.kept, j.broken));
  for (const p of plans.rows) each(p.user_id, p.queue_id, (f) => (f.plans += p.n));
  const notAttributed = emptyTally();
  for (const c of collected.rows) {
    if (c.attributed) each(c.user_id, c.queue_id, (f) => tallyCollected(f, c.currency, c.amount));
    else tallyCollected(notAttributed, c.currency, c.amount);
  }
  for (const h of handling.rows) each(h.user_id, h.queue_id, (f) => tallyHandling(f, h.n, h.seconds));

  const userName = new Map(users.map((u) => [u.id, u.name]));
  const queueName = new Map(queues.map((x) => [x.id, x.name]));
  const callsOf = (k: 'userId' | 'queueId', id: string | null) => (id === null ? null : { [k]: id, from, to });
  return {
    from,
    to,
    creditorId: cid,
    attributionDays: days,
    operators: [...byUser].map(([userId, f]) => ({ userId, name: userId ? (userName.get(userId) ?? null) : null, ...agencyFigures(f), calls: callsOf('userId', userId) })),
    queues: [...byQueue].map(([queueId, f]) => ({ queueId, name: queueId ? (queueName.get(queueId) ?? null) : null, ...agencyFigures(f), calls: callsOf('queueId', queueId) })),
    total: { ...agencyFigures(total), calls: { from, to } },
    notAttributed: notAttributed.collected,
  };
}
