import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { Temporal, today } from '../../domain/dates.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
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
  return (await storeProfiles(trx, tenantId, { ids }, asOf)).profiles;
}

/**
 * Marks the debtors' profiles to be refreshed, in the caller's transaction (a bank file's chunk: the
 * profiles are recomputed once the file's lines are placed, `refreshStaleDebtorProfiles`, not per
 * chunk). The mark commits with the payments that made it, so a crash never leaves a payment whose
 * debtor's profile is neither refreshed nor marked; the `refresh-stale-profiles` job refreshes what a
 * crash left. An upsert, not "do nothing": it locks the mark, so a refresh running meanwhile skips it
 * (its snapshot cannot see this transaction's payments) and a later one takes it.
 */
export async function markDebtorProfilesStale(trx: Db, tenantId: string, debtorIds: readonly string[]): Promise<void> {
  const ids = [...new Set(debtorIds)].sort();
  if (ids.length === 0) return;
  await sql`
    insert into debtor_profiles_stale (tenant_id, debtor_id)
    select ${tenantId}::uuid, d from unnest(${ids}::uuid[]) d
    on conflict (tenant_id, debtor_id) do update set marked_at = excluded.marked_at`.execute(trx);
}

/**
 * Refreshes the profiles marked stale (`markDebtorProfilesStale`) — of one tenant, or of all — in
 * batches of `batch` debtors, one transaction each: the marks taken (`for update skip locked`: one a
 * transaction still writes is left for later) and deleted, their debtors' profiles recomputed. A
 * crash leaves the marks of the batch under way. Returns the debtors refreshed.
 *
 * `workers` batches run at once, each on its own connection (a bank file's end on PostgreSQL: the
 * 80,000 debtors of a 100,000-entry file on both cores). The skip-locked take gives each a different
 * batch; a worker stops at a batch short of `batch` (the rest is the others' or none).
 */
export async function refreshStaleDebtorProfiles(db: Db, tenantId?: string, opts: { batch?: number; asOf?: string; workers?: number } = {}): Promise<number> {
  const batch = Math.max(1, Math.trunc(opts.batch ?? 5000));
  const workers = Math.max(1, Math.trunc(opts.workers ?? 1));
  const tenants = tenantId ? [tenantId] : (await db.selectFrom('debtor_profiles_stale').select('tenant_id').distinct().execute()).map((r) => r.tenant_id);
  let refreshed = 0;
  const work = async (t: string) => {
    for (;;) {
      const n = await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ debtor_id: string }>`
          delete from debtor_profiles_stale s
           where s.tenant_id = ${t}
             and s.debtor_id in (select debtor_id from debtor_profiles_stale where tenant_id = ${t} order by debtor_id limit ${batch} for update skip locked)
          returning s.debtor_id`.execute(trx);
        if (rows.length) await refreshDebtorProfiles(trx, t, rows.map((r) => r.debtor_id), opts.asOf);
        return rows.length;
      });
      refreshed += n;
      if (n < batch) break;
    }
  };
  for (const t of tenants) await Promise.all(Array.from({ length: workers }, () => work(t)));
  return refreshed;
}

/** Debtors by id, or every debtor whose id lies in a range (the nightly batches: an index range, not a list). */
export type DebtorScope = { ids: readonly string[] } | { from: string; to: string };

const inScope = (column: string, scope: DebtorScope) =>
  'ids' in scope ? sql`${sql.ref(column)} = any(${scope.ids}::uuid[])` : sql`${sql.ref(column)} between ${scope.from}::uuid and ${scope.to}::uuid`;

/** What one batch cost (bench/risk prints it): milliseconds per phase, profiles computed and written. */
export interface BatchStats {
  figuresMs: number;
  classifyMs: number;
  writeMs: number;
  profiles: number;
  /** Profiles inserted or changed (the others were left as they were). */
  written: number;
  /** Profiles deleted (a debtor × creditor without claims any more). */
  removed: number;
}

async function storeProfiles(trx: Db, tenantId: string, scope: DebtorScope, asOf: string): Promise<BatchStats> {
  // The scratch table below is emptied at each commit: outside a transaction the write would find it empty.
  if (!trx.isTransaction) throw new Error('debtor profiles are refreshed inside a transaction');
  let t = performance.now();
  // The figures stay on the server, in this connection's scratch table (emptied at commit): only the
  // class and the reasons travel back — sending 40,000 figures back as JSON cost more than computing them.
  await sql`create temp table if not exists risk_profile_batch (n int not null, debtor_id uuid not null, creditor_id uuid, figures jsonb not null) on commit delete rows`.execute(trx);
  await sql`delete from risk_profile_batch`.execute(trx);
  const { rows } = await sql<{ n: number; creditor_id: string | null; figures: ProfileFigures }>`
    insert into risk_profile_batch (n, debtor_id, creditor_id, figures)
    select row_number() over (), q.debtor_id, q.creditor_id, q.figures from (${profileQuery(tenantId, scope, asOf)}) q
    returning n, creditor_id, figures`.execute(trx);
  const figuresMs = performance.now() - t;
  t = performance.now();
  const rules = await loadRules(trx, tenantId, [...new Set(rows.map((r) => r.creditor_id).filter((c): c is string => c !== null))]);
  // The class and reasons of row n at n − 1: one JSON array of [class, reasons].
  const classes: [string, unknown][] = new Array(rows.length);
  for (const r of rows) {
    const a = classify(r.figures, r.creditor_id === null ? rules.tenant : (rules.creditors.get(r.creditor_id) ?? rules.tenant));
    classes[r.n - 1] = [a.riskClass, a.reasons];
  }
  const json = JSON.stringify(classes);
  const classifyMs = performance.now() - t;
  t = performance.now();
  // One statement: the profiles no longer computed (a relationship without claims) go, the others are
  // inserted or updated in place — and left alone when class, figures and reasons are what is stored
  // (no new row version, no index entry, no foreign-key check).
  const { rows: counts } = await sql<{ written: number; removed: number }>`
    with v as materialized (
      select b.debtor_id as d, b.creditor_id as c, b.figures as f, x.v ->> 0 as k, x.v -> 1 as r
        from jsonb_array_elements(${json}::jsonb) with ordinality as x(v, n)
        join risk_profile_batch b on b.n = x.n
    ),
    gone as (
      delete from debtor_profiles p
       where p.tenant_id = ${tenantId} and ${inScope('p.debtor_id', scope)}
         and not exists (select 1 from v where v.d = p.debtor_id and coalesce(v.c, ${NO_CREDITOR}::uuid) = coalesce(p.creditor_id, ${NO_CREDITOR}::uuid))
      returning 1
    ),
    up as (
      insert into debtor_profiles as p (tenant_id, debtor_id, creditor_id, risk_class, figures, reasons)
      select ${tenantId}::uuid, v.d, v.c, v.k, v.f, v.r from v
      on conflict (tenant_id, debtor_id, creditor_id) do update
         set risk_class = excluded.risk_class, figures = excluded.figures, reasons = excluded.reasons, computed_at = now()
       where p.risk_class <> excluded.risk_class or p.figures <> excluded.figures or p.reasons <> excluded.reasons
      returning 1
    )
    select (select count(*) from up)::int as written, (select count(*) from gone)::int as removed`.execute(trx);
  return { figuresMs, classifyMs, writeMs: performance.now() - t, profiles: rows.length, written: counts[0]!.written, removed: counts[0]!.removed };
}

const NO_CREDITOR = '00000000-0000-0000-0000-000000000000';

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

/**
 * The figures of the debtors' profiles, per debtor and per debtor × creditor, in a single statement:
 * rows of (debtor_id, creditor_id — null for the whole debtor, figures — a ProfileFigures as jsonb).
 */
export function profileQuery(tenantId: string, scope: DebtorScope, asOf: string) {
  const start12 = Temporal.PlainDate.from(asOf).subtract({ months: 12 }).toString();
  const start24 = Temporal.PlainDate.from(asOf).subtract({ months: 24 }).toString();
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  return sql<{ debtor_id: string; creditor_id: string | null; figures: ProfileFigures }>`
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
    select g.debtor_id, case when g.whole then null else g.creditor_id end as creditor_id,
           jsonb_build_object(
             'asOf', ${asOf}::text, 'claims', g.claims, 'paid', g.paid, 'paidOnTime', g.paid_on_time,
             'onTimePercent', round(g.paid_on_time * 100::numeric / nullif(g.paid, 0))::int,
             'avgDaysLate', g.avg_late, 'medianDaysLate', m.median_late, 'recentDaysLate', coalesce(to_jsonb(m.recent), '[]'::jsonb),
             'lateness12', g.late12, 'latenessPrev12', g.late_prev12,
             'promisesKept', coalesce(pr.kept, 0), 'promisesBroken', coalesce(pr.broken, 0),
             'plansLapsed', coalesce(pl.lapsed, 0), 'lastLapsedOn', pl.last_lapsed, 'disputes', g.disputes,
             'exposure', coalesce(e.exposure, '{}'::jsonb), 'overdue', g.overdue, 'oldestOverdueOn', g.oldest, 'negotiation', g.negotiation
           ) as figures
      from g
      left join m on m.debtor_id = g.debtor_id and m.whole = g.whole and (g.whole or m.creditor_id = g.creditor_id)
      left join e on e.debtor_id = g.debtor_id and e.whole = g.whole and (g.whole or e.creditor_id = g.creditor_id)
      left join pr on pr.debtor_id = g.debtor_id and pr.whole = g.whole and (g.whole or pr.creditor_id = g.creditor_id)
      left join pl on pl.debtor_id = g.debtor_id and pl.whole = g.whole and (g.whole or pl.creditor_id = g.creditor_id)`;
}

export interface RefreshAllOptions {
  /** Debtors per batch (one transaction each). */
  batch?: number;
  /** Batches run at once, each on its own connection: PostgreSQL only (PGlite has one connection). */
  concurrency?: number;
  /** Called after each batch with what it cost (bench/risk). */
  onBatch?: (stats: BatchStats) => void;
}

/**
 * Every debtor's profiles, recomputed in batches of debtors by id range (one transaction each, so a
 * long run holds no lock for long), `concurrency` batches at a time: the nightly job and
 * `bench/risk/run.ts`. Returns how many profiles were computed.
 */
export async function refreshAllDebtorProfiles(db: Db, tenantId: string, asOf: string = today().toString(), options: RefreshAllOptions = {}): Promise<number> {
  const batch = Math.max(1, Math.trunc(options.batch ?? 20_000));
  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? 1));
  // The last id of every batch, in one pass over the debtors' primary key.
  const { rows: ends } = await sql<{ id: string }>`
    select id from (select id, row_number() over (order by id) as n from debtors where tenant_id = ${tenantId}) d
     where n % ${batch} = 0 order by id`.execute(db);
  const ranges: { from: string; to: string }[] = [];
  let from = MIN_UUID;
  for (const { id } of ends) {
    ranges.push({ from, to: id });
    from = nextUuid(id);
  }
  if (ends.length === 0 || ends[ends.length - 1]!.id !== MAX_UUID) ranges.push({ from, to: MAX_UUID });
  let next = 0;
  let computed = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < ranges.length) {
      const range = ranges[next++]!;
      try {
        const stats = await db.transaction().execute(async (trx) => {
          // The batch's sorts and aggregates stay in memory.
          await sql`set local work_mem = '64MB'`.execute(trx);
          return storeProfiles(trx, tenantId, range, asOf);
        });
        computed += stats.profiles;
        options.onBatch?.(stats);
      } catch (e) {
        failed = true; // the other workers stop after their batch
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ranges.length) }, worker));
  return computed;
}

const MIN_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
/** The uuid right after `id` (ids between batches are never skipped nor taken twice). */
function nextUuid(id: string): string {
  const hex = id.replace(/-/g, '');
  const next = (BigInt(`0x${hex}`) + 1n).toString(16).padStart(32, '0');
  return `${next.slice(0, 8)}-${next.slice(8, 12)}-${next.slice(12, 16)}-${next.slice(16, 20)}-${next.slice(20)}`;
}
