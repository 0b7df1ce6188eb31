import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';

export interface Outstanding {
  currency: string;
  /** What the debtor owes on open claims in all (principal, interest, costs), from the stored balances. */
  amount: string;
  count: number;
}

/** What each debtor still owes on open claims, per currency, as the actor may see it. */
export async function outstandingByDebtor(db: Db, actor: Actor, debtorIds: string[]): Promise<Map<string, Outstanding[]>> {
  const result = new Map<string, Outstanding[]>();
  if (debtorIds.length === 0) return result;
  let q = db
    .selectFrom('claims')
    .select(['debtor_id', 'currency', sql<string>`round(sum(total_due), 2)::text`.as('amount'), sql<number>`count(*)::int`.as('count')])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', 'in', debtorIds)
    .where('status', 'in', OPEN_STATUSES)
    .groupBy(['debtor_id', 'currency'])
    .orderBy('currency');
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  for (const r of await q.execute()) {
    const list = result.get(r.debtor_id) ?? [];
    list.push({ currency: r.currency, amount: r.amount, count: r.count });
    result.set(r.debtor_id, list);
  }
  return result;
}
