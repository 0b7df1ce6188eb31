import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { fieldError, invalid, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudits, type AuditEntry } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { ReassignInput } from './schema.ts';

export async function reassignWork(db: Db, actor: Actor, input: z.input<typeof ReassignInput>, now: Date = new Date()): Promise<{ moved: number }> {
  return db.transaction().execute((trx) => transferWork(trx, actor, input, now));
}

/**
 * A supervisor moves desk work (issue 14 item 6): one debtor, or everything an operator holds (leases
 * not yet expired) and is to call back, to another operator — or releases it to whoever presses
 * "next" next. A lease moves with its expiry; a callback keeps its time and goes to the new operator;
 * a debtor neither held nor called back is given to the new operator as a callback at its next-work
 * moment (only they get it, first, then). The receiver must work the debtor's queue (a supervisor
 * works any). One audit event per debtor, with before, after and the reason.
 */
export async function transferWork(trx: Trx, actor: Actor, input: z.input<typeof ReassignInput>, now: Date): Promise<{ moved: number }> {
  const data = parseInput(ReassignInput, input);
  authorize(actor, 'update', 'supervision');
  const items = await trx
    .selectFrom('desk_items')
    .select(['queue_id', 'debtor_id', 'leased_by', 'leased_until', 'callback_at', 'callback_user_id', 'next_work_at'])
    .where('tenant_id', '=', actor.tenantId)
    .$if(Boolean(data.debtorId), (q) => q.where('debtor_id', '=', data.debtorId!))
    .$if(Boolean(data.queueId), (q) => q.where('queue_id', '=', data.queueId!))
    .$if(Boolean(data.fromUserId), (q) =>
      q.where((eb) => eb.or([eb.and([eb('leased_by', '=', data.fromUserId!), eb('leased_until', '>', now)]), eb('callback_user_id', '=', data.fromUserId!)])),
    )
    .orderBy('debtor_id')
    .orderBy('queue_id')
    .forUpdate()
    .execute();
  if (data.debtorId && items.length === 0) throw notFound('debtor');
  if (data.fromUserId) {
    const from = await trx.selectFrom('users').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', data.fromUserId).executeTakeFirst();
    if (!from) throw notFound('user');
  }
  const to = data.toUserId
    ? await trx.selectFrom('users').select(['id', 'role', 'name']).where('tenant_id', '=', actor.tenantId).where('id', '=', data.toUserId).where('active', '=', true).executeTakeFirst()
    : null;
  if (data.toUserId && (!to || to.role === 'viewer')) throw invalid([fieldError('toUserId', 'desk.queue_operator_unknown', { id: data.toUserId })]);
  if (to && to.role === 'operator') {
    const queues = [...new Set(items.map((i) => i.queue_id))];
    const mine = queues.length
      ? new Set((await trx.selectFrom('work_queue_members').select('queue_id').where('tenant_id', '=', actor.tenantId).where('user_id', '=', to.id).where('queue_id', 'in', queues).execute()).map((m) => m.queue_id))
      : new Set<string>();
    if (queues.some((q) => !mine.has(q))) throw invalid([fieldError('toUserId', 'desk.reassign_not_member', { name: to.name })]);
  }
  const receiver = to?.id ?? null;
  const audits: AuditEntry[] = [];
  for (const i of items) {
    const held = i.leased_by !== null && i.leased_until !== null && i.leased_until > now;
    const set: { leased_by?: string | null; leased_until?: null; callback_user_id?: string | null; callback_at?: Date } = {};
    if (held) {
      set.leased_by = receiver;
      if (receiver === null) set.leased_until = null;
    }
    if (i.callback_user_id !== null) set.callback_user_id = receiver;
    else if (!held && receiver !== null) {
      set.callback_user_id = receiver;
      set.callback_at = i.next_work_at;
    }
    if (Object.keys(set).length === 0) continue;
    await trx
      .updateTable('desk_items')
      .set(set)
      .where('tenant_id', '=', actor.tenantId)
      .where('queue_id', '=', i.queue_id)
      .where('debtor_id', '=', i.debtor_id)
      .execute();
    audits.push({
      action: 'desk.work_reassigned',
      entityType: 'debtor',
      entityId: i.debtor_id,
      debtorId: i.debtor_id,
      before: { queueId: i.queue_id, leasedBy: held ? i.leased_by : null, callbackUserId: i.callback_user_id },
      after: { queueId: i.queue_id, leasedBy: held ? receiver : null, callbackUserId: 'callback_user_id' in set ? receiver : i.callback_user_id, reason: data.reason },
    });
  }
  if (audits.length) await recordAudits(trx, actor, audits);
  return { moved: audits.length };
}
