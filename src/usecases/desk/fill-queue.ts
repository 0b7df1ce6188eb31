import { sql, type Expression } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { DEFAULT_PRIORITY_WEIGHTS, deskPriority, priorityWeightsSchema, type PriorityWeights } from '../../domain/desk/priority.ts';
import { Temporal } from '../../domain/dates.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { PHONE_TIME_ZONE } from '../communications/phone-compliance.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { QueueFilter } from './schema.ts';

/** The claim statuses a desk works: open money nobody has paused (promises, plans, disputes wait). */
export const WORKABLE_STATUSES = ['open', 'in_collection', 'partially_paid'] as const;

export async function fillQueue(db: Db, actor: Actor, queueId: string, today: string, now: Date = new Date()): Promise<{ debtors: number; added: number; removed: number }> {
  return db.transaction().execute((trx) => refillQueue(trx, actor, queueId, today, now));
}

/**
 * Brings a queue's debtors up to date with its filter and the portfolio: each debtor with positions
 * the queue covers that may be worked (open, not paused, not held, something owed) and a phone number
 * that may be called (not invalid, not a third party's) is in it with its priority (domain/desk
 * priority.ts, from what it owes, the age of its oldest position and whether anyone worked it); the
 * others leave it unless an operator holds them at `now` (the desk's clock). Leases, callbacks and
 * next-work moments of debtors that stay are kept; a debtor who joins is due from the start of `today`
 * (Europe/Rome), whatever the database's clock says: a desk whose clock is set (INCASSO_CLOCK, a demo)
 * finds its newcomers due on its own day.
 */
export async function refillQueue(trx: Trx, actor: Actor, queueId: string, today: string, now: Date = new Date()): Promise<{ debtors: number; added: number; removed: number }> {
  authorize(actor, 'update', 'queue');
  assertId(queueId, 'queue');
  const queue = await trx
    .selectFrom('work_queues')
    .select(['id', 'creditor_id', 'filter', 'weights'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', queueId)
    .forUpdate()
    .executeTakeFirst();
  if (!queue) throw notFound('queue');
  const filter = QueueFilter.parse(queue.filter ?? {});
  const weights: PriorityWeights = queue.weights ? priorityWeightsSchema.parse(queue.weights) : DEFAULT_PRIORITY_WEIGHTS;

  const rows = await workableDebtors(trx, actor.tenantId, { creditorId: queue.creditor_id, filter }, today).execute();

  const items = rows.map((r) => {
    const p = deskPriority({ today, owed: r.owed, oldestDueOn: r.oldest, timeBarOn: null, brokenPromiseOn: null, worked: r.worked }, weights);
    return { debtor_id: r.debtor_id, priority: p.score, owed: r.owed };
  });
  // Set-based, three statements whatever the size: the items whose priority or amount changed are
  // updated (only those: an upsert would lock and rewrite every row), the new ones inserted, those
  // that left removed.
  const debtorIds = items.map((i) => i.debtor_id);
  const changes = sql`unnest(${debtorIds}::uuid[], ${items.map((i) => i.priority)}::int[], ${items.map((i) => i.owed)}::numeric[]) as x(debtor_id, priority, owed)`;
  await sql`
    update desk_items i set priority = x.priority, owed = x.owed
      from ${changes}
     where i.tenant_id = ${actor.tenantId} and i.queue_id = ${queue.id} and i.debtor_id = x.debtor_id
       and (i.priority <> x.priority or i.owed <> x.owed)`.execute(trx);
  const inserted = await sql`
    insert into desk_items (tenant_id, queue_id, debtor_id, priority, owed, next_work_at)
    select ${actor.tenantId}::uuid, ${queue.id}::uuid, x.debtor_id, x.priority, x.owed, ${dayStart(today).toISOString()}::timestamptz
      from ${changes}
    -- An item already there is passed over without a lock (no anti-join: on a first fill the planner
    -- has no statistics of the rows being written and would read them once per debtor).
    on conflict (tenant_id, queue_id, debtor_id) do nothing`.execute(trx);
  const added = Number(inserted.numAffectedRows ?? 0);
  const gone = await sql`
    delete from desk_items i
     where i.tenant_id = ${actor.tenantId} and i.queue_id = ${queue.id}
       and not (i.debtor_id = any(${debtorIds}::uuid[]))
       -- An operator holding the debtor right now keeps it until the lease ends.
       and (i.leased_until is null or i.leased_until < ${now.toISOString()}::timestamptz)`.execute(trx);
  const removed = Number(gone.numAffectedRows ?? 0);
  await recordAudit(trx, actor, { action: 'queue.filled', entityType: 'queue', entityId: queue.id, after: { debtors: items.length, added, removed } });
  return { debtors: items.length, added, removed };
}

/** The first instant of a calendar day where the desk calls (Europe/Rome). */
export const dayStart = (day: string): Date => new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: PHONE_TIME_ZONE }).epochMilliseconds);

/**
 * The debtors a queue covers, with what they owe in its positions, their oldest due date and whether
 * anyone worked them: positions that may be worked (open, not paused, not held today, something
 * owed), of a debtor alive and with a phone number that may be called (not invalid, not a third
 * party's, consent not withdrawn, still valid). Filling a queue reads them all; "next" asks again
 * for the one debtor it is about to hand out (`debtorId`), so a debtor paid, closed, held or left
 * without a number since the last fill is never called.
 */
export function workableDebtors(trx: Db, tenantId: string, queue: { creditorId: string | null; filter: QueueFilter }, today: string, debtorId?: string | Expression<string>) {
  const { creditorId, filter } = queue;
  return trx
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', (j) => j.onRef('b.claim_id', '=', 'c.id').onRef('b.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.debtor_id',
      sql<string>`sum(b.total_due)::text`.as('owed'),
      sql<string>`min(c.due_date)::text`.as('oldest'),
      sql<boolean>`exists (select 1 from contact_log l where l.tenant_id = c.tenant_id and l.debtor_id = c.debtor_id and l.channel in ('phone_task', 'desk'))`.as('worked'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .$if(debtorId !== undefined, (q) => q.where('c.debtor_id', '=', debtorId!))
    .where('c.status', 'in', [...WORKABLE_STATUSES])
    .where((eb) => eb.or([eb('c.hold_until', 'is', null), eb('c.hold_until', '<', today)]))
    .where('d.deceased', '=', false)
    .$if(creditorId !== null, (q) => q.where('c.creditor_id', '=', creditorId!))
    .$if(Boolean(filter.kinds?.length), (q) => q.where('c.kind', 'in', filter.kinds!))
    .$if(Boolean(filter.actKinds?.length), (q) => q.where('c.act_kind', 'in', filter.actKinds!))
    .$if(Boolean(filter.languages?.length), (q) => q.where('d.language', 'in', filter.languages!))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contacts as k')
          .select('k.id')
          .whereRef('k.tenant_id', '=', 'c.tenant_id')
          .whereRef('k.debtor_id', '=', 'c.debtor_id')
          .where('k.channel', 'in', ['phone', 'mobile'])
          .where('k.status', '!=', 'invalid')
          .where('k.third_party', '=', false)
          .where('k.consent', '!=', 'withdrawn')
          .where((w) => w.or([w('k.valid_to', 'is', null), w('k.valid_to', '>=', today)])),
      ),
    )
    .groupBy(['c.debtor_id', 'c.tenant_id'])
    .having(sql<boolean>`sum(b.total_due) > 0`)
    .$if(filter.minOwed !== undefined, (q) => q.having(sql<boolean>`sum(b.total_due) >= ${filter.minOwed!}::numeric`))
    .$if(filter.maxOwed !== undefined, (q) => q.having(sql<boolean>`sum(b.total_due) <= ${filter.maxOwed!}::numeric`));
}
