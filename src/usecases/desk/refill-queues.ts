import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { systemActor } from '../../domain/policies.ts';
import { fillQueue } from './fill-queue.ts';

export interface RefillResult {
  queues: number;
  debtors: number;
  added: number;
  removed: number;
}

/**
 * Every active work queue of every tenant brought up to date with the portfolio (fill-queue.ts): debtors
 * that became workable join with their priority, those paid, closed, held or left without a number
 * leave, priorities follow what is owed and the age of the debts. Between two runs "next" itself drops
 * a debtor that stopped being workable, so the queue is never wrong, only missing newcomers. Each queue
 * in its own transaction with its audit event; run hourly by the `refill-queues` job (every tenant), or
 * for one tenant.
 */
export async function refillQueues(db: Db, day: string = today().toString(), tenantId?: string, now: Date = new Date()): Promise<RefillResult> {
  const out: RefillResult = { queues: 0, debtors: 0, added: 0, removed: 0 };
  const queues = await db
    .selectFrom('work_queues')
    .select(['id', 'tenant_id'])
    .where('active', '=', true)
    .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
    .orderBy('tenant_id')
    .orderBy('id')
    .execute();
  for (const q of queues) {
    const r = await fillQueue(db, systemActor(q.tenant_id, 'refill-queues'), q.id, day, now);
    out.queues++;
    out.debtors += r.debtors;
    out.added += r.added;
    out.removed += r.removed;
  }
  return out;
}
