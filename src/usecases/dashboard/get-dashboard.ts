import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { money, toMoneyString, type Money } from '../../domain/money.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import { balanceOf, loadLedgers } from '../claims/ledger.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';

const Figure = z.object({ currency: z.string(), count: z.number(), principal: z.string(), outstanding: z.string() });
/** What open claims owe today by the interest engine: interest and costs due on top of the principal. */
const Owed = z.object({ interestDue: z.string(), costsDue: z.string(), totalDue: z.string() });
export const Dashboard = z.object({
  /** The day interest is computed to. */
  asOf: z.string(),
  /** Open claims (still to collect) per currency. */
  byCurrency: z.array(Figure.extend(Owed.shape)),
  /** Every status, so paid and written-off volumes are visible too. */
  byStatus: z.array(Figure.extend({ status: z.string() })),
  /** Open claims per creditor and currency, largest outstanding first. */
  byCreditor: z.array(Figure.extend({ creditorId: z.uuid(), creditorName: z.string(), ...Owed.shape })),
});
export type Dashboard = z.infer<typeof Dashboard>;

interface Sums {
  interestDue: Money;
  costsDue: Money;
  totalDue: Money;
}

/**
 * Interest, costs and total due on every open claim the actor sees, per currency and per
 * currency|creditor, by the fast path of the engine, reading the claims in chunks.
 */
async function openBalances(db: Db, actor: Actor, asOf: string): Promise<Map<string, Sums>> {
  const sums = new Map<string, Sums>();
  const add = (key: string, b: { interestDue: string; costsDue: string; totalDue: string }) => {
    const s = sums.get(key) ?? { interestDue: money(0), costsDue: money(0), totalDue: money(0) };
    sums.set(key, { interestDue: s.interestDue.plus(b.interestDue), costsDue: s.costsDue.plus(b.costsDue), totalDue: s.totalDue.plus(b.totalDue) });
  };
  const book = await currentRateBook(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    let q = db
      .selectFrom('claims')
      .select(['id', 'currency', 'creditor_id'])
      .where('tenant_id', '=', actor.tenantId)
      .where('status', 'in', OPEN_STATUSES)
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000);
    if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
    const rows = await q.execute();
    if (rows.length === 0) break;
    const ledgers = await loadLedgers(db, actor, rows.map((r) => r.id));
    for (const r of rows) {
      const b = balanceOf(book, ledgers.get(r.id)!, asOf, true);
      add(r.currency, b);
      add(`${r.currency}|${r.creditor_id}`, b);
    }
    after = rows[rows.length - 1]!.id;
  }
  return sums;
}

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
    sql<string>`round(sum(c.principal), 2)::text`.as('principal'),
    sql<string>`round(sum(c.principal - c.amount_paid), 2)::text`.as('outstanding'),
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
  const asOf = today().toString();
  const owed = await openBalances(db, actor, asOf);
  const of = (key: string) => {
    const o = owed.get(key);
    return { interestDue: toMoneyString(o?.interestDue ?? '0'), costsDue: toMoneyString(o?.costsDue ?? '0'), totalDue: toMoneyString(o?.totalDue ?? '0') };
  };
  return {
    asOf,
    byCurrency: byCurrency.map((f) => ({ ...f, ...of(f.currency) })),
    byStatus,
    byCreditor: byCreditor.map((f) => ({ ...f, ...of(`${f.currency}|${f.creditorId}`) })),
  };
}
