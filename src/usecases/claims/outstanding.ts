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
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.debtor_id', 'c.currency', sql<string>`round(sum(b.total_due), 2)::text`.as('amount'), sql<number>`count(*)::int`.as('count')])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.debtor_id', 'in', debtorIds)
    .where('c.status', 'in', OPEN_STATUSES)
    .groupBy(['c.debtor_id', 'c.currency'])
    .orderBy('c.currency');
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  for (const r of await q.execute()) {
    const list = result.get(r.debtor_id) ?? [];
    list.push({ currency: r.currency, amount: r.amount, count: r.count });
    result.set(r.debtor_id, list);
  }
  return result;
}
