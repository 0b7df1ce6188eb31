import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { stairStep } from '../../domain/portal/kpis.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { groupWhere, portalScope, PortalQuery } from './scope.ts';

export const PortalCollections = z.object({
  /** The current month (first day): the stair-step runs up to it. */
  month: z.string(),
  /** Collected per month of payment (value date; a reversal counts negative in its month): everything, and on the carico. */
  perMonth: z.array(z.object({ month: z.string(), currency: z.string(), amount: z.string(), onLoad: z.string() })),
  /** Liquidation by placement month per currency: cumulative collected on the carico ÷ placed, by months since placement. */
  stairStep: z.array(
    z.object({
      currency: z.string(),
      placedMonth: z.string(),
      loaded: z.string(),
      steps: z.array(z.object({ k: z.number(), month: z.string(), collected: z.string(), rate: z.string().nullable() })),
    }),
  ),
});
export type PortalCollections = z.infer<typeof PortalCollections>;

/** Collected per month and the collection rate over time (issue 16 items 3 and 5), from `collection_deltas` (0047). */
export async function getPortalCollections(db: Db, actor: Actor, input: z.input<typeof PortalQuery>): Promise<PortalCollections> {
  const s = await portalScope(db, actor, input);
  const where = groupWhere(s);
  const month = today().with({ day: 1 }).toString();
  const [paid, placed] = await Promise.all([
    sql<{ placed_month: string; paid_month: string; currency: string; amount: string; on_load: string }>`
      select to_char(d.placed_month, 'YYYY-MM-DD') as placed_month, to_char(d.paid_month, 'YYYY-MM-DD') as paid_month, d.currency,
             sum(d.amount)::text as amount, sum(d.on_load)::text as on_load
        from collection_deltas d where ${where}
       group by d.placed_month, d.paid_month, d.currency
      having sum(d.amount) <> 0 or sum(d.on_load) <> 0`.execute(db),
    sql<{ placed_month: string; currency: string; loaded: string }>`
      select to_char(d.placed_month, 'YYYY-MM-DD') as placed_month, d.currency, sum(d.loaded)::text as loaded
        from portfolio_progress_deltas d where ${where}
       group by d.placed_month, d.currency
      having sum(d.claims) <> 0`.execute(db),
  ]);
  const perMonth = new Map<string, { month: string; currency: string; amount: string; onLoad: string }>();
  for (const r of paid.rows) {
    const key = `${r.paid_month}|${r.currency}`;
    const m = perMonth.get(key) ?? { month: r.paid_month, currency: r.currency, amount: '0', onLoad: '0' };
    m.amount = toMoneyString(money(m.amount).plus(r.amount));
    m.onLoad = toMoneyString(money(m.onLoad).plus(r.on_load));
    perMonth.set(key, m);
  }
  const currencies = [...new Set(placed.rows.map((r) => r.currency))].sort();
  return {
    month,
    perMonth: [...perMonth.values()].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency)),
    stairStep: currencies.flatMap((currency) =>
      stairStep(
        placed.rows.filter((r) => r.currency === currency).map((r) => ({ placedMonth: r.placed_month, loaded: r.loaded })),
        paid.rows.filter((r) => r.currency === currency).map((r) => ({ placedMonth: r.placed_month, paidMonth: r.paid_month, amount: r.on_load })),
        month,
      ).map((row) => ({ currency, ...row })),
    ),
  };
}

