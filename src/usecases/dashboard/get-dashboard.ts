import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';

const Figure = z.object({ currency: z.string(), count: z.number(), principal: z.string(), outstanding: z.string() });
export const Dashboard = z.object({
  /** Open claims (still to collect) per currency. */
  byCurrency: z.array(Figure),
  /** Every status, so paid and written-off volumes are visible too. */
  byStatus: z.array(Figure.extend({ status: z.string() })),
  /** Open claims per creditor and currency, largest outstanding first. */
  byCreditor: z.array(Figure.extend({ creditorId: z.uuid(), creditorName: z.string() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export async function getDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  authorize(actor, 'read', 'claim');
  const base = () => {
    let q = db.selectFrom('claims as c').where('c.tenant_id', '=', actor.tenantId);
    if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
    return q;
  };
  const figures = [
    'c.currency',
    sql<number>`count(*)::int`.as('count'),
    sql<string>`sum(c.principal)::numeric(17,2)::text`.as('principal'),
    sql<string>`sum(c.principal - c.amount_paid)::numeric(17,2)::text`.as('outstanding'),
  ] as const;
  const [byCurrency, byStatus, byCreditor] = await Promise.all([
    base().where('c.status', 'in', OPEN_STATUSES).select(figures).groupBy('c.currency').orderBy('c.currency').execute(),
    base().select([...figures, 'c.status']).groupBy(['c.status', 'c.currency']).orderBy('c.status').orderBy('c.currency').execute(),
    base()
      .innerJoin('creditors as k', 'k.id', 'c.creditor_id')
      .where('c.status', 'in', OPEN_STATUSES)
      .select([...figures, 'k.id as creditorId', 'k.name as creditorName'])
      .groupBy(['k.id', 'k.name', 'c.currency'])
      .orderBy(sql`sum(c.principal - c.amount_paid)`, 'desc')
      .execute(),
  ]);
  return { byCurrency, byStatus, byCreditor };
}
