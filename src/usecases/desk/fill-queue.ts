import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { DEFAULT_PRIORITY_WEIGHTS, deskPriority, priorityWeightsSchema, type PriorityWeights } from '../../domain/desk/priority.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { QueueFilter } from './schema.ts';

/** The claim statuses a desk works: open money nobody has paused (promises, plans, disputes wait). */
export const WORKABLE_STATUSES = ['open', 'in_collection', 'partially_paid'] as const;

export async function fillQueue(db: Db, actor: Actor, queueId: string, today: string): Promise<{ debtors: number; added: number; removed: number }> {
  return db.transaction().execute((trx) => refillQueue(trx, actor, queueId, today));
}

/**
 * Brings a queue's debtors up to date with its filter and the portfolio: each debtor with positions
 * the queue covers that may be worked (open, not paused, not held, something owed) and a phone number
 * that may be called (not invalid, not a third party's) is in it with its priority (domain/desk
 * priority.ts, from what it owes, the age of its oldest position and whether anyone worked it); the
 * others leave it unless an operator holds them right now. Leases, callbacks and next-work moments
 * of debtors that stay are kept.
 */
export async function refillQueue(trx: Trx, actor: Actor, queueId: string, today: string): Promise<{ debtors: number; added: number; removed: number }> {
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

  const rows = await trx
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', (j) => j.onRef('b.claim_id', '=', 'c.id').onRef('b.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.debtor_id',
      sql<string>`sum(b.total_due)::text`.as('owed'),
      sql<string>`min(c.due_date)::text`.as('oldest'),
      sql<boolean>`exists (select 1 from contact_log l where l.tenant_id = c.tenant_id and l.debtor_id = c.debtor_id and l.channel in ('phone_task', 'desk'))`.as('worked'),
    ])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.status', 'in', [...WORKABLE_STATUSES])
    .where((eb) => eb.or([eb('c.hold_until', 'is', null), eb('c.hold_until', '<', today)]))
    .where('d.deceased', '=', false)
    .$if(queue.creditor_id !== null, (q) => q.where('c.creditor_id', '=', queue.creditor_id!))
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
    .$if(filter.maxOwed !== undefined, (q) => q.having(sql<boolean>`sum(b.total_due) <= ${filter.maxOwed!}::numeric`))
    .execute();

  const items = rows.map((r) => {
    const p = deskPriority({ today, owed: r.owed, oldestDueOn: r.oldest, timeBarOn: null, brokenPromiseOn: null, worked: r.worked }, weights);
    return { debtor_id: r.debtor_id, priority: p.score, owed: r.owed };
  });
  const before = await trx.selectFrom('desk_items').select('debtor_id').where('tenant_id', '=', actor.tenantId).where('queue_id', '=', queue.id).execute();
  const had = new Set(before.map((b) => b.debtor_id));
  const keep = new Set(items.map((i) => i.debtor_id));
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    await trx
      .insertInto('desk_items')
      .values(chunk.map((c) => ({ tenant_id: actor.tenantId, queue_id: queue.id, debtor_id: c.debtor_id, priority: c.priority, owed: c.owed })))
      .onConflict((oc) => oc.columns(['tenant_id', 'queue_id', 'debtor_id']).doUpdateSet((eb) => ({ priority: eb.ref('excluded.priority'), owed: eb.ref('excluded.owed') })))
      .execute();
  }
  const gone = [...had].filter((d) => !keep.has(d));
  let removed = 0;
  for (let i = 0; i < gone.length; i += 1000) {
    const r = await trx
      .deleteFrom('desk_items')
      .where('tenant_id', '=', actor.tenantId)
      .where('queue_id', '=', queue.id)
      .where('debtor_id', 'in', gone.slice(i, i + 1000))
      // An operator holding the debtor right now keeps it until the lease ends.
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', sql<Date>`now()`)]))
      .executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  const added = items.filter((i) => !had.has(i.debtor_id)).length;
  await recordAudit(trx, actor, { action: 'queue.filled', entityType: 'queue', entityId: queue.id, after: { debtors: items.length, added, removed } });
  return { debtors: items.length, added, removed };
}
