import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { assertId, loadCreditor } from '../shared/scope.ts';
import { assertDeskOperators } from './list-desk-operators.ts';
import { queueView } from './list-queues.ts';
import { QueueFilter, UpdateQueueInput, type QueueView } from './schema.ts';

export async function updateQueue(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateQueueInput>, now: Date = new Date()): Promise<QueueView> {
  return db.transaction().execute((trx) => amendQueue(trx, actor, id, input, now));
}

/**
 * A supervisor changes a work queue: its name, mandate, filter, whether it is active, and who works it
 * (the whole list of operators: those missing are unassigned). Optimistic: the version read must be
 * the current one. The queue's debtors are not refilled here — a changed filter takes effect at the
 * next fill (the "fill" action, or the nightly one); switching a queue off stops "next" offering its
 * debtors at once. Leases and callbacks of an unassigned operator stay until they end or a
 * supervisor reassigns them.
 */
export async function amendQueue(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateQueueInput>, now: Date = new Date()): Promise<QueueView> {
  assertId(id, 'queue');
  const data = parseInput(UpdateQueueInput, input);
  const queue = await trx.selectFrom('work_queues').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!queue) throw notFound('queue');
  authorize(actor, 'update', 'queue');
  checkVersion(queue.version, data.version);
  if (data.creditorId) await loadCreditor(trx, actor, data.creditorId);
  if (data.name !== undefined && data.name !== queue.name) {
    const clash = await trx.selectFrom('work_queues').select('id').where('tenant_id', '=', actor.tenantId).where('name', '=', data.name).where('id', '!=', id).executeTakeFirst();
    if (clash) throw conflict(msg('desk.queue_name_taken', { name: data.name }));
  }
  const members = (await trx.selectFrom('work_queue_members').select('user_id').where('tenant_id', '=', actor.tenantId).where('queue_id', '=', id).orderBy('user_id').execute()).map((m) => m.user_id);
  const operators = data.operatorIds ? [...new Set(data.operatorIds)].sort() : members;
  await assertDeskOperators(trx, actor, operators.filter((o) => !members.includes(o)));

  const before = { name: queue.name, creditorId: queue.creditor_id, filter: QueueFilter.parse(queue.filter ?? {}), active: queue.active, operatorIds: members };
  const after = {
    name: data.name ?? queue.name,
    creditorId: data.creditorId === undefined ? queue.creditor_id : data.creditorId,
    filter: data.filter ?? before.filter,
    active: data.active ?? queue.active,
    operatorIds: operators,
  };
  const changes = diff(before, after);
  if (!changes) return queueView(trx, actor, id, now);
  await trx
    .updateTable('work_queues')
    .set({ name: after.name, creditor_id: after.creditorId, filter: JSON.stringify(after.filter), active: after.active, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  const unassigned = members.filter((m) => !operators.includes(m));
  const assigned = operators.filter((o) => !members.includes(o));
  if (unassigned.length) await trx.deleteFrom('work_queue_members').where('tenant_id', '=', actor.tenantId).where('queue_id', '=', id).where('user_id', 'in', unassigned).execute();
  if (assigned.length) await trx.insertInto('work_queue_members').values(assigned.map((user_id) => ({ tenant_id: actor.tenantId, queue_id: id, user_id }))).execute();
  await recordAudit(trx, actor, { action: 'queue.updated', entityType: 'queue', entityId: id, creditorId: after.creditorId, ...changes });
  return queueView(trx, actor, id, now);
}
