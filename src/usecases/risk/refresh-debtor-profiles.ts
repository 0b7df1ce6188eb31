import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { Temporal, today } from '../../domain/dates.ts';
import { money } from '../../domain/money.ts';
import { OPEN_STATUSES, type Currency } from '../../domain/model.ts';
import { RECENT_KEPT, type ProfileFigures } from '../../domain/risk/profile.ts';
import { classify, riskRulesOf, type RiskRules } from '../../domain/risk/rules.ts';

/**
 * Payment-behaviour profiles (issue 17 item 1), computed set-wise in SQL for a set of debtors of one
 * tenant — the same figures as `profileOf` in src/domain/risk/profile.ts (refresh-debtor-profiles.test.ts
 * checks them against it) — then classified by the domain rules and stored in `debtor_profiles`: one
 * row per debtor (creditor_id null) and one per debtor × creditor.
 *
 * Called in the same transaction by every use case that changes what a profile is made of (a
 * payment, a reversal, a claim created or changed, a promise judged, a plan lapsed or paid), and by
 * the nightly `refresh-risk` job for all debtors (`refreshAllDebtorProfiles`). Decision 0006 (docs/decisions/0006-risk-profiles.md).
 */
export async function refreshDebtorProfiles(trx: Db, tenantId: string, debtorIds: readonly string[], asOf: string = today().toString()): Promise<number> {
  const ids = [...new Set(debtorIds)];
  if (ids.length === 0) return 0;
  return storeProfiles(trx, tenantId, { ids }, asOf);
}

/** Debtors by id, or every debtor whose id lies in a range (the nightly batches: an index range, not a list). */
export type DebtorScope = { ids: readonly string[] } | { from: string; to: string };

const inScope = (column: string, scope: DebtorScope) =>
  'ids' in scope ? sql`${sql.ref(column)} = any(${scope.ids}::uuid[])` : sql`${sql.ref(column)} between ${scope.from}::uuid and ${scope.to}::uuid`;

async function storeProfiles(trx: Db, tenantId: string, scope: DebtorScope, asOf: string): Promise<number> {
  const rows = await computeProfileFigures(trx, tenantId, scope, asOf);
  const rules = await loadRules(trx, tenantId, [...new Set(rows.map((r) => r.creditorId).filter((c): c is string => c !== null))]);
  await sql`delete from debtor_profiles where tenant_id = ${tenantId} and ${inScope('debtor_id', scope)}`.execute(trx);
  if (rows.length === 0) return 0;
  const records = rows.map((r) => {
    const a = classify(r.figures, r.creditorId === null ? rules.tenant : (rules.creditors.get(r.creditorId) ?? rules.tenant));
    return { d: r.debtorId, c: r.creditorId, k: a.riskClass, f: r.figures, r: a.reasons };
  });
  // One JSON document rather than five arrays: the cheapest way found to send 40,000 rows (bench/risk).
  await sql`
    insert into debtor_profiles (tenant_id, debtor_id, creditor_id, risk_class, figures, reasons)
    select ${tenantId}::uuid, v.d, v.c, v.k, v.f, v.r
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(d uuid, c uuid, k text, f jsonb, r jsonb)`.execute(trx);
  return rows.length;
}

/** The rules each profile is classified by: the tenant's over the defaults, each creditor's over those. */
export async function loadRules(trx: Db, tenantId: string, creditorIds: readonly string[]): Promise<{ tenant: RiskRules; creditors: Map<string, RiskRules> }> {
  const t = await trx.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst();
  const tenantStored = (t?.settings as Record<string, unknown> | undefined)?.riskRules;
  const tenant = riskRulesOf(tenantStored);
  const creditors = new Map<string, RiskRules>();
  if (creditorIds.length) {
    const rows = await trx.selectFrom('creditors').select(['id', 'risk_rules']).where('tenant_id', '=', tenantId).where('id', 'in', creditorIds).execute();
    for (const c of rows) creditors.set(c.id, c.risk_rules ? riskRulesOf(tenantStored, c.risk_rules) : tenant);
  }
  return { tenant, creditors };
}

export interface FigureRow {
  debtorId: string;
  creditorId: string | null;
  figures: ProfileFigures;
}

interface SqlRow {
  debtor_id: string;
  creditor_id: string | null;
  claims: number;
  paid: number;
  paid_on_time: number;
  avg_late: string | null;
  median_late: number | null;
  recent: number[] | null;
  late12: string | null;
  late_prev12: string | null;
  kept: number | null;
  broken: number | null;
  lapsed: number | null;
  last_lapsed: string | null;
  disputes: number;
  exposure: Record<string, string> | null;
  overdue: number;
  oldest: string | null;
  negotiation: number;
}

/** The figures of the debtors' profiles, per debtor and per debtor × creditor, in a single statement. */
export async function computeProfileFigures(trx: Db, tenantId: string, scope: DebtorScope, asOf: string): Promise<FigureRow[]> {
  const { rows } = await profileQuery(tenantId, scope, asOf).execute(trx);
  return rows.map((r) => figureRow(r, asOf));
}

/** The statement of computeProfileFigures (bench/risk explains it). */
export function profileQuery(tenantId: string, scope: DebtorScope, asOf: string) {
  const start12 = Temporal.PlainDate.from(asOf).subtract({ months: 12 }).toString();
  const start24 = Temporal.PlainDate.from(asOf).subtract({ months: 24 }).toString();
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  return sql<SqlRow>`
    with c as (
      select c.id, c.debtor_id, c.creditor_id, c.currency, c.principal, c.principal_paid, c.due_date, c.status, c.stage,
             c.closed_on, c.status = 'paid' and c.closed_on is not null as settled, c.status in (${open}) as is_open,
             case when c.status = 'paid' and c.closed_on is not null then greatest(0, c.closed_on - c.due_date)
                  when c.status in (${open}) then greatest(0, ${asOf}::date - c.due_date) end as late
        from claims c
       where c.tenant_id = ${tenantId} and ${inScope('c.debtor_id', scope)}
    ),
    g as (
      select debtor_id, creditor_id, grouping(creditor_id) = 1 as whole,
             count(*)::int as claims,
             count(*) filter (where settled)::int as paid,
             count(*) filter (where settled and late = 0)::int as paid_on_time,
             round(sum(principal * late) filter (where settled) / nullif(sum(principal) filter (where settled), 0), 1)::text as avg_late,
             round(sum(principal * late) filter (where late is not null and due_date > ${start12}::date and due_date <= ${asOf}::date)
                   / nullif(sum(principal) filter (where late is not null and due_date > ${start12}::date and due_date <= ${asOf}::date), 0), 1)::text as late12,
             round(sum(principal * late) filter (where late is not null and due_date > ${start24}::date and due_date <= ${start12}::date)
                   / nullif(sum(principal) filter (where late is not null and due_date > ${start24}::date and due_date <= ${start12}::date), 0), 1)::text as late_prev12,
             count(*) filter (where status = 'disputed')::int as disputes,
             count(*) filter (where is_open and due_date < ${asOf}::date)::int as overdue,
             min(due_date) filter (where is_open and due_date < ${asOf}::date)::text as oldest,
             count(*) filter (where is_open and stage = 'negotiation')::int as negotiation
        from c
       group by grouping sets ((debtor_id, creditor_id), (debtor_id))
    ),
    s as (
      select debtor_id, creditor_id, late, principal,
             sum(principal) over (partition by debtor_id, creditor_id order by late) as cum_pair,
             sum(principal) over (partition by debtor_id, creditor_id) as total_pair,
             sum(principal) over (partition by debtor_id order by late) as cum_all,
             sum(principal) over (partition by debtor_id) as total_all,
             row_number() over (partition by debtor_id, creditor_id order by closed_on desc, id desc) as rn_pair,
             row_number() over (partition by debtor_id order by closed_on desc, id desc) as rn_all,
             closed_on, id
        from c where settled
    ),
    m as (
      select debtor_id, creditor_id, false as whole, min(late) filter (where 2 * cum_pair >= total_pair) as median_late,
             array_agg(late order by closed_on desc, id desc) filter (where rn_pair <= ${RECENT_KEPT}) as recent
        from s group by debtor_id, creditor_id
      union all
      select debtor_id, null, true, min(late) filter (where 2 * cum_all >= total_all),
             array_agg(late order by closed_on desc, id desc) filter (where rn_all <= ${RECENT_KEPT})
        from s group by debtor_id
    ),
    e0 as (
      select debtor_id, creditor_id, currency, grouping(creditor_id) = 1 as whole, round(sum(principal - principal_paid), 2) as amount
        from c where is_open
       group by grouping sets ((debtor_id, creditor_id, currency), (debtor_id, currency))
    ),
    e as (select debtor_id, creditor_id, whole, jsonb_object_agg(currency, amount::text) as exposure from e0 group by debtor_id, creditor_id, whole),
    pr as (
      select p.debtor_id, null::uuid as creditor_id, true as whole,
             count(*) filter (where p.state = 'kept')::int as kept, count(*) filter (where p.state in ('broken', 'short'))::int as broken
        from promises p where p.tenant_id = ${tenantId} and ${inScope('p.debtor_id', scope)}
       group by p.debtor_id
      union all
      select p.debtor_id, x.creditor_id, false,
             count(*) filter (where p.state = 'kept')::int, count(*) filter (where p.state in ('broken', 'short'))::int
        from promises p
        cross join lateral (select distinct k.creditor_id from claims k where k.tenant_id = p.tenant_id and k.id = any(p.claim_ids)) x
       where p.tenant_id = ${tenantId} and ${inScope('p.debtor_id', scope)}
       group by p.debtor_id, x.creditor_id
    ),
    pl as (
      select debtor_id, creditor_id, grouping(creditor_id) = 1 as whole,
             count(*) filter (where state = 'lapsed')::int as lapsed, max(lapsed_on) filter (where state = 'lapsed')::text as last_lapsed
        from plans where tenant_id = ${tenantId} and ${inScope('debtor_id', scope)}
       group by grouping sets ((debtor_id, creditor_id), (debtor_id))
    )
    select g.debtor_id, case when g.whole then null else g.creditor_id end as creditor_id, g.claims, g.paid, g.paid_on_time, g.avg_late,
           m.median_late, m.recent, g.late12, g.late_prev12, pr.kept, pr.broken, pl.lapsed, pl.last_lapsed,
           g.disputes, e.exposure, g.overdue, g.oldest, g.negotiation
      from g
      left join m on m.debtor_id = g.debtor_id and m.whole = g.whole and (g.whole or m.creditor_id = g.creditor_id)
      left join e on e.debtor_id = g.debtor_id and e.whole = g.whole and (g.whole or e.creditor_id = g.creditor_id)
      left join pr on pr.debtor_id = g.debtor_id and pr.whole = g.whole and (g.whole or pr.creditor_id = g.creditor_id)
      left join pl on pl.debtor_id = g.debtor_id and pl.whole = g.whole and (g.whole or pl.creditor_id = g.creditor_id)`;
}

function figureRow(r: SqlRow, asOf: string): FigureRow {
  return {
    debtorId: r.debtor_id,
    creditorId: r.creditor_id,
    figures: {
      asOf,
      claims: r.claims,
      paid: r.paid,
      paidOnTime: r.paid_on_time,
      onTimePercent: r.paid ? money(r.paid_on_time).times(100).div(r.paid).toDecimalPlaces(0).toNumber() : null,
      avgDaysLate: r.avg_late,
      medianDaysLate: r.median_late,
      recentDaysLate: r.recent ?? [],
      lateness12: r.late12,
      latenessPrev12: r.late_prev12,
      promisesKept: r.kept ?? 0,
      promisesBroken: r.broken ?? 0,
      plansLapsed: r.lapsed ?? 0,
      lastLapsedOn: r.last_lapsed,
      disputes: r.disputes,
      exposure: Object.fromEntries(Object.entries(r.exposure ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) as Partial<Record<Currency, string>>,
      overdue: r.overdue,
      oldestOverdueOn: r.oldest,
      negotiation: r.negotiation,
    },
  };
}

/**
 * Every debtor's profiles, recomputed in batches of debtors (one transaction each, so a long run holds
 * no lock for long): the nightly job and `bench/risk/run.ts`. Returns how many profiles were stored.
 */
export async function refreshAllDebtorProfiles(db: Db, tenantId: string, asOf: string = today().toString(), batch = 20_000): Promise<number> {
  let after: string | null = null;
  let stored = 0;
  for (;;) {
    let q = db.selectFrom('debtors').select('id').where('tenant_id', '=', tenantId).orderBy('id').offset(batch - 1).limit(1);
    if (after) q = q.where('id', '>', after);
    const last = (await q.executeTakeFirst())?.id ?? MAX_UUID;
    const from = after === null ? MIN_UUID : nextUuid(after);
    stored += await db.transaction().execute(async (trx) => {
      // The batch's sorts and aggregates stay in memory.
      await sql`set local work_mem = '64MB'`.execute(trx);
      return storeProfiles(trx, tenantId, { from, to: last }, asOf);
    });
    if (last === MAX_UUID) return stored;
    after = last;
  }
}

const MIN_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
/** The uuid right after `id` (ids between batches are never skipped nor taken twice). */
function nextUuid(id: string): string {
  const hex = id.replace(/-/g, '');
  const next = (BigInt(`0x${hex}`) + 1n).toString(16).padStart(32, '0');
  return `${next.slice(0, 8)}-${next.slice(8, 12)}-${next.slice(12, 16)}-${next.slice(16, 20)}-${next.slice(20)}`;
}
