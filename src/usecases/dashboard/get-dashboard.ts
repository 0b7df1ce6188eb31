import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { money, toMoneyString, type Money } from '../../domain/money.ts';
import { OPEN_STATUSES, type ClaimStatus } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { portfolioTotals } from '../claims/totals.ts';
import { OPEN_BALANCE } from '../claims/balances.ts';

const Figure = z.object({
  currency: z.string(),
  count: z.number(),
  /** The claims' amounts as loaded. */
  principal: z.string(),
  /** What they owe: principal still unpaid, interest and costs due, and the total. */
  principalDue: z.string(),
  interestDue: z.string(),
  costsDue: z.string(),
  totalDue: z.string(),
});
export const Dashboard = z.object({
  /** The day the figures are of. */
  asOf: z.string(),
  /**
   * Open claims whose stored balance is not of `asOf` yet (just migrated, or the daily roll-forward
   * is still running): their figures are of their last computation.
   */
  pending: z.number(),
  /** Open claims (still to collect) per currency. */
  byCurrency: z.array(Figure),
  /** Every status, so paid and written-off volumes are visible too. */
  byStatus: z.array(Figure.extend({ status: z.string() })),
  /** Open claims per creditor and currency, largest total due first. */
  byCreditor: z.array(Figure.extend({ creditorId: z.uuid(), creditorName: z.string() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

type Figure = z.infer<typeof Figure>;
interface Sums {
  count: number;
  principal: Money;
  principalDue: Money;
  interestDue: Money;
  costsDue: Money;
  totalDue: Money;
}
const FIELDS = ['principal', 'principalDue', 'interestDue', 'costsDue', 'totalDue'] as const;

/** Open claims whose stored balance is not of `asOf`: few (an index range), none once the job ran. */
async function pendingBalances(db: Db, actor: Actor, asOf: string): Promise<number> {
  let q = db
    .selectFrom('claim_balances')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) => eb.or([eb('balance_on', 'is', null), eb.and([eb('balance_on', '<', asOf), OPEN_BALANCE])]))
    .where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  return (await q.executeTakeFirstOrThrow()).n;
}

/**
 * The portfolio at a glance, from the balances stored on the claims (kept current by every write and
 * the daily roll-forward) as summed by the claims' triggers: a few rows per creditor, currency and
 * status, whatever the number of claims; no interest computed here.
 */
export async function getDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  authorize(actor, 'read', 'claim');
  const asOf = today().toString();
  const [groups, stale] = await Promise.all([portfolioTotals(db, actor.tenantId, actor.creditorId), pendingBalances(db, actor, asOf)]);
  const open = new Set<string>(OPEN_STATUSES);
  const byCurrency = new Map<string, Sums>();
  const byStatus = new Map<string, Sums>();
  const byCreditor = new Map<string, Sums>();
  const add = (m: Map<string, Sums>, key: string, g: (typeof groups)[number]) => {
    const s = m.get(key) ?? { count: 0, principal: money(0), principalDue: money(0), interestDue: money(0), costsDue: money(0), totalDue: money(0) };
    s.count += g.count;
    for (const f of FIELDS) s[f] = s[f].plus(g[f]);
    m.set(key, s);
  };
  for (const g of groups) {
    add(byStatus, `${g.status}|${g.currency}`, g);
    if (!open.has(g.status as ClaimStatus)) continue;
    add(byCurrency, g.currency, g);
    add(byCreditor, `${g.creditor_id}|${g.currency}`, g);
  }
  const figure = (currency: string, s: Sums): Figure => ({
    currency,
    count: s.count,
    principal: toMoneyString(s.principal),
    principalDue: toMoneyString(s.principalDue),
    interestDue: toMoneyString(s.interestDue),
    costsDue: toMoneyString(s.costsDue),
    totalDue: toMoneyString(s.totalDue),
  });
  const creditorIds = [...new Set([...byCreditor.keys()].map((k) => k.split('|')[0]!))];
  const names = new Map(
    creditorIds.length
      ? (await db.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).where('id', 'in', creditorIds).execute()).map((k) => [k.id, k.name])
      : [],
  );
  return {
    asOf,
    pending: stale,
    byCurrency: [...byCurrency].map(([currency, s]) => figure(currency, s)).sort((a, b) => a.currency.localeCompare(b.currency)),
    byStatus: [...byStatus]
      .map(([key, s]) => ({ ...figure(key.split('|')[1]!, s), status: key.split('|')[0]! }))
      .sort((a, b) => a.status.localeCompare(b.status) || a.currency.localeCompare(b.currency)),
    byCreditor: [...byCreditor]
      .map(([key, s]) => {
        const [creditorId, currency] = key.split('|') as [string, string];
        return { ...figure(currency, s), creditorId, creditorName: names.get(creditorId) ?? '' };
      })
      .sort((a, b) => money(b.totalDue).comparedTo(a.totalDue) || a.creditorName.localeCompare(b.creditorName)),
  };
}
