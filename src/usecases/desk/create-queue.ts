import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { refillQueue } from './fill-queue.ts';
import { queueView } from './list-queues.ts';
import { CreateQueueInput, type QueueView } from './schema.ts';

export async function createQueue(db: Db, actor: Actor, input: z.input<typeof CreateQueueInput>, day = today().toString(), now: Date = new Date()): Promise<QueueView> {
  return db.transaction().execute((trx) => openQueue(trx, actor, input, day, now));
}

/**
 * A supervisor's new work queue on a given transaction: its mandate (creditor) and filter, the
 * operators who work it — users of the tenant who may act on communications —, filled at once with
 * the debtors it covers.
 */
export async function openQueue(trx: Trx, actor: Actor, input: z.input<typeof CreateQueueInput>, day: string, now: Date = new Date()): Promise<QueueView> {
  const data = parseInput(CreateQueueInput, input);
  authorize(actor, 'create', 'queue');
  if (data.creditorId) await loadCreditor(trx, actor, data.creditorId);
  const operators = [...new Set(data.operatorIds)];
  if (operators.length) {
    const found = await trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', operators)
      .where('role', 'in', ['operator', 'supervisor', 'admin'])
      .execute();
    const known = new Set(found.map((u) => u.id));
    const unknown = operators.filter((o) => !known.has(o));
    if (unknown.length) throw invalid(unknown.map((id) => fieldError('operatorIds', 'desk.queue_operator_unknown', { id })));
  }
  const clash = await trx.selectFrom('work_queues').select('id').where('tenant_id', '=', actor.tenantId).where('name', '=', data.name).executeTakeFirst();
  if (clash) throw conflict(msg('desk.queue_name_taken', { name: data.name }));
  const row = await trx
    .insertInto('work_queues')
    .values({ tenant_id: actor.tenantId, name: data.name, creditor_id: data.creditorId ?? null, filter: JSON.stringify(data.filter) })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  if (operators.length) {
    await trx
      .insertInto('work_queue_members')
      .values(operators.map((user_id) => ({ tenant_id: actor.tenantId, queue_id: row.id, user_id })))
      .execute();
  }
  await recordAudit(trx, actor, {
    action: 'queue.created',
    entityType: 'queue',
    entityId: row.id,
    creditorId: data.creditorId ?? null,
    after: { name: data.name, creditorId: data.creditorId ?? null, filter: data.filter, operatorIds: operators },
  });
  await refillQueue(trx, actor, row.id, day, now);
  return queueView(trx, actor, row.id, now);
}
