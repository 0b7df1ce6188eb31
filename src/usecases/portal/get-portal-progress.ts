import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { collectionRate, countPercent } from '../../domain/portal/kpis.ts';
import { PORTAL_STAGES } from '../../domain/portal/stages.ts';
import { money, toMoneyString, type Money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { claimsFilter, groupWhere, portalScope, PortalQuery } from './scope.ts';

const Filter = z.record(z.string(), z.string());
const StageFigure = z.object({ claims: z.number(), residual: z.string(), filter: Filter });
export const ProgressRow = z.object({
  creditorId: z.uuid(),
  creditorName: z.string(),
  loadId: z.uuid().nullable(),
  /** The load's file name and the day it was imported. */
  loadLabel: z.string().nullable(),
  loadedOn: z.string().nullable(),
  revenue: z.string(),
  taxYear: z.number().nullable(),
  currency: z.string(),
  claims: z.number(),
  worked: z.number(),
  reached: z.number(),
  /** The carico as loaded, collected on it, collected beyond it (interest, costs), annulled or reduced, residual: loaded = collected + annulled + residual. */
  loaded: z.string(),
  collected: z.string(),
  collectedOther: z.string(),
  annulled: z.string(),
  residual: z.string(),
  collectionRate: z.string().nullable(),
  rpcRate: z.string().nullable(),
  stages: z.record(z.enum(PORTAL_STAGES), StageFigure),
  filter: Filter,
});
export type ProgressRow = z.infer<typeof ProgressRow>;
export const PortalProgress = z.object({ rows: z.array(ProgressRow), totals: z.array(ProgressRow.omit({ creditorId: true, creditorName: true, loadId: true, loadLabel: true, loadedOn: true, revenue: true, taxYear: true })) });
export type PortalProgress = z.infer<typeof PortalProgress>;

function stageFigures(t: Sums, filter: Record<string, string>): ProgressRow['stages'] {
  const out = {} as ProgressRow['stages'];
  for (const stage of PORTAL_STAGES) {
    const st = t.stages.get(stage);
    out[stage] = { claims: st?.claims ?? 0, residual: toMoneyString(st?.residual ?? money(0)), filter: { ...filter, progress: stage } };
  }
  return out;
}

interface Sums {
  claims: number;
  worked: number;
  reached: number;
  loaded: Money;
  collected: Money;
  collectedOther: Money;
  annulled: Money;
  residual: Money;
  stages: Map<string, { claims: number; residual: Money }>;
}
const empty = (): Sums => ({ claims: 0, worked: 0, reached: 0, loaded: money(0), collected: money(0), collectedOther: money(0), annulled: money(0), residual: money(0), stages: new Map() });

/**
 * Live progress of each load and of everything (issue 16 item 3): positions and amounts per stage,
 * by load, revenue and tax year, from the few rows of `portfolio_progress_deltas` (migration 0047).
 */
export async function getPortalProgress(db: Db, actor: Actor, input: z.input<typeof PortalQuery>): Promise<PortalProgress> {
  const s = await portalScope(db, actor, input);
  const { rows } = await sql<{
    creditor_id: string;
    creditor_name: string;
    import_job_id: string | null;
    file_name: string | null;
    loaded_on: string | null;
    revenue: string;
    tax_year: number | null;
    currency: string;
    stage: string;
    claims: string;
    worked: string;
    reached: string;
    loaded: string;
    collected: string;
    collected_other: string;
    annulled: string;
    residual: string;
  }>`
    with g as (
      select d.creditor_id, d.import_job_id, d.revenue, d.tax_year, d.currency, d.stage,
             sum(d.claims) as claims, sum(d.worked) as worked, sum(d.reached) as reached, sum(d.loaded) as loaded, sum(d.collected) as collected,
             sum(d.collected_other) as collected_other, sum(d.annulled) as annulled, sum(d.residual) as residual
        from portfolio_progress_deltas d
       where ${groupWhere(s)}
       group by 1, 2, 3, 4, 5, 6
      having sum(d.claims) <> 0)
    select g.creditor_id, c.name as creditor_name, g.import_job_id, j.file_name, to_char(j.created_at at time zone 'Europe/Rome', 'YYYY-MM-DD') as loaded_on,
           g.revenue, g.tax_year, g.currency, g.stage, g.claims::text, g.worked::text, g.reached::text, g.loaded::text, g.collected::text,
           g.collected_other::text, g.annulled::text, g.residual::text
      from g
      join creditors c on c.tenant_id = ${s.tenantId} and c.id = g.creditor_id
      left join import_jobs j on j.tenant_id = ${s.tenantId} and j.id = g.import_job_id
     order by c.name, g.creditor_id, j.created_at nulls last, g.import_job_id, g.revenue, g.tax_year nulls last, g.currency`.execute(db);

  const groups = new Map<string, { head: (typeof rows)[number]; sums: Sums }>();
  const totals = new Map<string, Sums>();
  const add = (t: Sums, r: (typeof rows)[number]) => {
    t.claims += Number(r.claims);
    t.worked += Number(r.worked);
    t.reached += Number(r.reached);
    t.loaded = t.loaded.plus(r.loaded);
    t.collected = t.collected.plus(r.collected);
    t.collectedOther = t.collectedOther.plus(r.collected_other);
    t.annulled = t.annulled.plus(r.annulled);
    t.residual = t.residual.plus(r.residual);
    const st = t.stages.get(r.stage) ?? { claims: 0, residual: money(0) };
    st.claims += Number(r.claims);
    st.residual = st.residual.plus(r.residual);
    t.stages.set(r.stage, st);
  };
  for (const r of rows) {
    const key = [r.creditor_id, r.import_job_id, r.revenue, r.tax_year, r.currency].join('|');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { head: r, sums: empty() }));
    add(g.sums, r);
    let t = totals.get(r.currency);
    if (!t) totals.set(r.currency, (t = empty()));
    add(t, r);
  }
  const figures = (t: Sums, filter: Record<string, string>) => ({
    claims: t.claims,
    worked: t.worked,
    reached: t.reached,
    loaded: toMoneyString(t.loaded),
    collected: toMoneyString(t.collected),
    collectedOther: toMoneyString(t.collectedOther),
    annulled: toMoneyString(t.annulled),
    residual: toMoneyString(t.residual),
    collectionRate: collectionRate({ loaded: t.loaded.toString(), annulled: t.annulled.toString(), collected: t.collected.toString() }),
    rpcRate: countPercent(t.reached, t.worked),
    stages: stageFigures(t, filter),
    filter,
  });
  return {
    rows: [...groups.values()].map(({ head: r, sums }) => {
      const filter = claimsFilter(s, { creditorId: r.creditor_id, loadId: r.import_job_id, kind: r.revenue, taxYear: r.tax_year, currency: r.currency });
      return {
        creditorId: r.creditor_id,
        creditorName: r.creditor_name,
        loadId: r.import_job_id,
        loadLabel: r.file_name,
        loadedOn: r.loaded_on,
        revenue: r.revenue,
        taxYear: r.tax_year,
        currency: r.currency,
        ...figures(sums, filter),
      };
    }),
    totals: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => ({ currency, ...figures(t, claimsFilter(s, { currency })) })),
  };
}
