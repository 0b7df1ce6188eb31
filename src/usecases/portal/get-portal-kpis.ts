import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { AGEING_BUCKETS, ageing, averageDays, collectionRate, countPercent } from '../../domain/portal/kpis.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { claimsFilter, groupWhere, portalScope, PortalQuery } from './scope.ts';

const Filter = z.record(z.string(), z.string());
const Kpi = z.object({ value: z.string().nullable(), numerator: z.string(), denominator: z.string(), filter: Filter });
export const PortalKpis = z.object({
  asOf: z.string(),
  /** Promises judged in scope (kept ÷ kept, short or broken); promises are counted once, whatever their currency. */
  promiseKeptRate: Kpi,
  byCurrency: z.array(
    z.object({
      currency: z.string(),
      /** Collected on the carico ÷ (loaded − annulled), %. */
      collectionRate: Kpi,
      /** Positions reached ÷ positions worked, %. */
      rpcRate: Kpi,
      /** Days from placement to closing, averaged over positions paid in full. */
      averageDaysToCollect: Kpi,
      /** Open residual's amount-weighted days past due (company creditors; not narrowed by load, revenue or year). */
      dso: z.string().nullable(),
      ageing: z.array(z.object({ key: z.enum(AGEING_BUCKETS.map((b) => b.key) as [string, ...string[]]), claims: z.number(), residual: z.string(), filter: Filter })),
      /** Instalments of running plans due in the next 3 months, still unpaid. */
      expectedFromPlans: z.object({ amount: z.string(), instalments: z.number(), until: z.string(), filter: Filter }),
    }),
  ),
});
export type PortalKpis = z.infer<typeof PortalKpis>;

/** The KPIs of issue 16 item 5, exact, each with the claims-list filter of the positions behind it. */
export async function getPortalKpis(db: Db, actor: Actor, input: z.input<typeof PortalQuery>): Promise<PortalKpis> {
  const s = await portalScope(db, actor, input);
  const asOf = today();
  const until = asOf.add({ months: 3 }).toString();
  const claimScope = sql.join(
    [
      sql`c.tenant_id = ${s.tenantId}`,
      s.creditorId ? sql`c.creditor_id = ${s.creditorId}` : sql`true`,
      s.currency ? sql`c.currency = ${s.currency}` : sql`true`,
      s.loadId ? sql`c.import_job_id = ${s.loadId}` : sql`true`,
      s.revenue ? sql`c.kind = ${s.revenue}` : sql`true`,
      s.taxYear !== undefined ? sql`c.tax_year = ${s.taxYear}` : sql`true`,
    ],
    sql` and `,
  );
  const [progress, due, promises, plans] = await Promise.all([
    sql<{ currency: string; claims: string; worked: string; reached: string; loaded: string; collected: string; annulled: string; closed: string; closed_days: string }>`
      select d.currency, sum(d.claims)::text as claims, sum(d.worked)::text as worked, sum(d.reached)::text as reached, sum(d.loaded)::text as loaded,
             sum(d.collected)::text as collected, sum(d.annulled)::text as annulled, sum(d.closed)::text as closed, sum(d.closed_days)::text as closed_days
        from portfolio_progress_deltas d where ${groupWhere(s)}
       group by d.currency having sum(d.claims) <> 0 order by d.currency`.execute(db),
    sql<{ currency: string; due_date: string; claims: string; residual: string }>`
      select d.currency, to_char(d.due_date, 'YYYY-MM-DD') as due_date, sum(d.claims)::text as claims, sum(d.residual)::text as residual
        from open_due_deltas d where ${groupWhere(s, false)}
       group by d.currency, d.due_date having sum(d.claims) <> 0`.execute(db),
    // Promises carry their positions (claim_ids); one is in scope when any of its positions is.
    sql<{ kept: number; judged: number }>`
      select (count(*) filter (where p.state = 'kept'))::int as kept, count(*)::int as judged
        from promises p
       where p.tenant_id = ${s.tenantId} and p.state in ('kept', 'short', 'broken')
         and exists (select 1 from claims c where c.id = any(p.claim_ids) and ${claimScope})`.execute(db),
    sql<{ currency: string; amount: string; instalments: number }>`
      select c.currency, sum(i.amount - i.paid)::text as amount, count(*)::int as instalments
        from plans p
        join plan_instalments i on i.tenant_id = p.tenant_id and i.plan_id = p.id
        join lateral (select c.currency from claims c where c.id = p.claim_ids[1] and ${claimScope}) c on true
       where p.tenant_id = ${s.tenantId} and p.state = 'active' ${s.creditorId ? sql`and p.creditor_id = ${s.creditorId}` : sql``}
         and i.due_on >= ${asOf.toString()}::date and i.due_on < ${until}::date and i.state <> 'paid'
       group by c.currency`.execute(db),
  ]);
  const pk = promises.rows[0] ?? { kept: 0, judged: 0 };
  const currencies = [...new Set([...progress.rows.map((r) => r.currency), ...due.rows.map((r) => r.currency)])].sort();
  return {
    asOf: asOf.toString(),
    promiseKeptRate: { value: countPercent(pk.kept, pk.judged), numerator: String(pk.kept), denominator: String(pk.judged), filter: claimsFilter(s) },
    byCurrency: currencies.map((currency) => {
      const p = progress.rows.find((r) => r.currency === currency) ?? { claims: '0', worked: '0', reached: '0', loaded: '0', collected: '0', annulled: '0', closed: '0', closed_days: '0' };
      const base = claimsFilter(s, { currency });
      const net = money(p.loaded).minus(p.annulled);
      const { buckets, dso } = ageing(
        due.rows.filter((r) => r.currency === currency).map((r) => ({ dueDate: r.due_date, claims: Number(r.claims), residual: r.residual })),
        asOf.toString(),
      );
      const dueScope = claimsFilter({ tenantId: s.tenantId, creditorId: s.creditorId }, { currency, open: 'true' });
      const plan = plans.rows.find((r) => r.currency === currency);
      return {
        currency,
        collectionRate: { value: collectionRate(p), numerator: toMoneyString(p.collected), denominator: toMoneyString(net), filter: base },
        rpcRate: { value: countPercent(Number(p.reached), Number(p.worked)), numerator: p.reached, denominator: p.worked, filter: { ...base, worked: 'true' } },
        averageDaysToCollect: { value: averageDays(Number(p.closed_days), Number(p.closed)), numerator: p.closed_days, denominator: p.closed, filter: { ...base, progress: 'paid' } },
        dso,
        ageing: buckets.map((b) => ({ key: b.key, claims: b.claims, residual: b.residual, filter: { ...dueScope, ...(b.dueFrom ? { dueFrom: b.dueFrom } : {}), ...(b.dueTo ? { dueTo: b.dueTo } : {}) } })),
        expectedFromPlans: { amount: toMoneyString(plan?.amount ?? '0'), instalments: plan?.instalments ?? 0, until, filter: { ...base, progress: 'in_plan' } },
      };
    }),
  };
}
