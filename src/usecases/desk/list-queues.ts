import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { QueueFilter, type QueueView } from './schema.ts';

function queuesQuery(db: Db, actor: Actor, now: Date) {
  const at = sql<Date>`${now.toISOString()}::timestamptz`;
  return db
    .selectFrom('work_queues as q')
    .leftJoin('creditors as k', (j) => j.onRef('k.id', '=', 'q.creditor_id').onRef('k.tenant_id', '=', 'q.tenant_id'))
    .select([
      'q.id',
      'q.name',
      'q.creditor_id',
      'k.name as creditor_name',
      'q.filter',
      'q.active',
      'q.version',
      sql<string[]>`coalesce((select array_agg(m.user_id::text order by m.user_id) from work_queue_members m where m.tenant_id = q.tenant_id and m.queue_id = q.id), '{}')`.as('operator_ids'),
      sql<number>`(select count(*)::int from desk_items i where i.tenant_id = q.tenant_id and i.queue_id = q.id)`.as('debtors'),
      sql<number>`(select count(*)::int from desk_items i where i.tenant_id = q.tenant_id and i.queue_id = q.id and i.next_work_at <= ${at} and (i.leased_until is null or i.leased_until < ${at}))`.as('due_now'),
      sql<number>`(select count(*)::int from desk_items i where i.tenant_id = q.tenant_id and i.queue_id = q.id and i.leased_until >= ${at})`.as('leased'),
    ])
    .where('q.tenant_id', '=', actor.tenantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof queuesQuery>['execute']>>[number];
const present = (r: Row): QueueView => ({
  id: r.id,
  name: r.name,
  creditorId: r.creditor_id,
  creditorName: r.creditor_name,
  filter: QueueFilter.parse(r.filter ?? {}),
  operatorIds: r.operator_ids,
  active: r.active,
  debtors: r.debtors,
  dueNow: r.due_now,
  leased: r.leased,
  version: r.version,
});

/** The tenant's work queues with their operators and how many debtors each holds and has due now. */
export async function listQueues(db: Db, actor: Actor, now: Date = new Date()): Promise<QueueView[]> {
  authorize(actor, 'read', 'queue');
  return (await queuesQuery(db, actor, now).orderBy('q.name').execute()).map(present);
}

export async function queueView(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<QueueView> {
  const r = await queuesQuery(db, actor, now).where('q.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('queue');
  return present(r);
}
