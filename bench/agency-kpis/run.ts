/**
 * Benchmark of the agency's KPIs per operator and per queue (issue 16 item 7; README.md): on a database
 * of bench/claims (`--keep`), a desk's history is added once (operators, queues, desk calls in the contact
 * log over --days days, timed calls, promises, plans, payments of the current month with their
 * allocations), then GET /api/portal/agency-kpis is timed through its use case (wall and CPU of this
 * process) for the current month and for the whole history, and every query it sends is run again
 * under EXPLAIN (ANALYZE, BUFFERS): its execution time, buffers and the scans it chose.
 *
 *   npx tsx bench/claims/run.ts --claims 100000 --keep --no-check --repeat 1     # prints nothing of its name: see pg_database
 *   npx tsx bench/agency-kpis/run.ts --db incasso_bench_claims_<pid> [--calls 200000] [--days 180] [--repeat 10]
 *
 * PostgreSQL: DATABASE_URL (the server) or postgres://incasso:incasso@127.0.0.1:5432/postgres.
 */
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { today } from '../../src/domain/dates.ts';
import type { Actor } from '../../src/domain/policies.ts';
import { getAgencyKpis } from '../../src/usecases/portal/get-agency-kpis.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const NAME = value('db');
if (!NAME) throw new Error('--db <a bench/claims database> is required');
const CALLS = Number(value('calls') ?? 200_000);
const DAYS = Number(value('days') ?? 180);
const REPEAT = Number(value('repeat') ?? 10);
const server = process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres';
const url = new URL(server);
url.pathname = `/${NAME}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

try {
  await migrateToLatest(database.db);
  const db = database.db;
  const c = await db.selectFrom('creditors').select(['id', 'tenant_id']).orderBy('created_at').executeTakeFirstOrThrow();
  const t = c.tenant_id;
  const day = today();
  const monthStart = day.with({ day: 1 }).toString();
  const have = (await sql<{ n: number }>`select count(*)::int as n from contact_log where tenant_id = ${t} and channel = 'desk' and actor_label = 'bench-kpi'`.execute(db)).rows[0]!.n;
  if (have === 0) {
    const t0 = performance.now();
    // One transaction: a failed run leaves nothing behind.
    await db.transaction().execute(async (trx) => {
      await sql`insert into users (tenant_id, email, name, password_hash, role)
                select ${t}, 'op' || g || '@bench.test', 'Operatore ' || g, 'x', 'operator' from generate_series(1, 10) g on conflict do nothing`.execute(trx);
      await sql`insert into work_queues (tenant_id, name, creditor_id) select ${t}, 'Coda ' || g, ${c.id} from generate_series(1, 4) g on conflict do nothing`.execute(trx);
      await sql`insert into work_queue_members (tenant_id, queue_id, user_id)
                select ${t}, q.id, u.id from work_queues q join users u on u.tenant_id = q.tenant_id and u.email like 'op%@bench.test'
                 where q.tenant_id = ${t} and (abs(hashtext(u.email) % 2) + abs(hashtext(q.name) % 2)) % 2 = 0 on conflict do nothing`.execute(trx);
      // Desk calls: CALLS rows over DAYS days on random debtors, by random operators of random queues; one in four a right-party outcome.
      await sql`
        with ops as (select array_agg(id order by email) as a from users where tenant_id = ${t} and email like 'op%@bench.test'),
             qs as (select array_agg(id order by name) as a from work_queues where tenant_id = ${t}),
             ds as (select array_agg(id) as a, count(*)::int as n from debtors where tenant_id = ${t})
        insert into contact_log (tenant_id, debtor_id, channel, kind, local_date, local_time, allowed, actor_label, outcome, user_id, queue_id)
        select ${t}, ds.a[1 + (g * 7919) % ds.n], 'desk', case when g % 4 = 0 then 'conversation' else 'phone_attempt' end,
               ${day.toString()}::date - (g % ${DAYS}), '10:00', g % 50 <> 0, 'bench-kpi',
               case g % 8 when 0 then 'PROMESSA_PAGAMENTO' when 4 then 'RICHIAMARE' when 1 then 'OCCUPATO' else 'NON_RISPONDE' end,
               ops.a[1 + g % 10], qs.a[1 + (g / 10) % 4]
          from generate_series(1, ${CALLS}) g, ops, qs, ds`.execute(trx);
      await sql`insert into contacts (tenant_id, debtor_id, channel, value, third_party)
                select tenant_id, id, 'mobile', '+39333' || lpad((row_number() over ())::text, 7, '0'), false from debtors d
                 where tenant_id = ${t} and not exists (select 1 from contacts x where x.debtor_id = d.id)`.execute(trx);
      // Timed calls: one per right-party or promise row, 1–6 minutes.
      await sql`
        insert into desk_calls (tenant_id, queue_id, debtor_id, contact_id, user_id, started_at, ended_at)
        select l.tenant_id, l.queue_id, l.debtor_id, (select x.id from contacts x where x.debtor_id = l.debtor_id limit 1), l.user_id,
               (l.local_date + time '10:00') at time zone 'Europe/Rome', (l.local_date + time '10:00') at time zone 'Europe/Rome' + (60 + l.id % 300) * interval '1 second'
          from contact_log l where l.tenant_id = ${t} and l.actor_label = 'bench-kpi' and l.outcome in ('PROMESSA_PAGAMENTO', 'RICHIAMARE')`.execute(trx);
      // A promise per promise call, judged 10 days later when that is past (kept one in two).
      await sql`
        insert into promises (tenant_id, debtor_id, amount, due_on, grace_days, made_on, made_by, claim_ids, state, judged_on)
        select l.tenant_id, l.debtor_id, 50 + l.id % 200, l.local_date + 7, 3, l.local_date, l.user_id,
               array(select c.id from claims c where c.tenant_id = l.tenant_id and c.debtor_id = l.debtor_id limit 3),
               case when l.local_date + 10 > ${day.toString()}::date then 'pending' when l.id % 2 = 0 then 'kept' else 'broken' end,
               case when l.local_date + 10 > ${day.toString()}::date then null else l.local_date + 10 end
          from contact_log l where l.tenant_id = ${t} and l.actor_label = 'bench-kpi' and l.outcome = 'PROMESSA_PAGAMENTO' and l.allowed`.execute(trx);
      // A plan for one promise call in ten.
      await sql`
        insert into plans (tenant_id, debtor_id, creditor_id, claim_ids, currency, total, instalment_count, state, rules, started_on, proposed_by)
        select l.tenant_id, l.debtor_id, c.creditor_id, array[c.id], 'EUR', 600, 6, 'active', '{}', l.local_date, 'user:' || u.email
          from contact_log l join users u on u.id = l.user_id
          join lateral (select c.id, c.creditor_id from claims c where c.tenant_id = l.tenant_id and c.debtor_id = l.debtor_id limit 1) c on true
         where l.tenant_id = ${t} and l.actor_label = 'bench-kpi' and l.outcome = 'PROMESSA_PAGAMENTO' and l.id % 10 = 0`.execute(trx);
    });
    await sql`analyze`.execute(db);
    console.log(`desk history added (${CALLS} desk calls over ${DAYS} days, timed calls, promises, plans) in ${seconds(t0)} s`);
  }
  const paid = (await sql<{ n: number }>`select count(*)::int as n from payments where tenant_id = ${t} and reference like 'bench-kpi %'`.execute(db)).rows[0]!.n;
  if (paid === 0) {
    const t0 = performance.now();
    // Payments this month: one per debtor called with a promise in the last 40 days (whatever the rule will attribute), and as many others.
    await sql`
      with pick as (
        select distinct on (c.debtor_id) c.tenant_id, c.creditor_id, c.debtor_id, c.id as claim_id, c.currency
          from claims c
         where c.tenant_id = ${t} and (c.debtor_id in (select debtor_id from contact_log where tenant_id = ${t} and actor_label = 'bench-kpi' and outcome = 'PROMESSA_PAGAMENTO' and local_date > ${day.toString()}::date - 40)
                or abs(hashtext(c.debtor_id::text) % 20) = 0)
         order by c.debtor_id, c.id),
      p as (
        insert into payments (tenant_id, creditor_id, debtor_id, amount, currency, value_date, method, reference)
        select tenant_id, creditor_id, debtor_id, 25 + abs(hashtext(claim_id::text) % 300), currency,
               ${monthStart}::date + abs(hashtext(debtor_id::text) % (${day.toString()}::date - ${monthStart}::date + 1)), 'bank_transfer', 'bench-kpi ' || claim_id
          from pick returning id, tenant_id, amount, reference)
      insert into payment_allocations (tenant_id, payment_id, claim_id, component, amount)
      select p.tenant_id, p.id, substr(p.reference, 11)::uuid, 'principal', p.amount from p`.execute(db);
    await sql`analyze`.execute(db);
    console.log(`payments of this month added in ${seconds(t0)} s`);
  }
  const counts = (await sql<Record<string, string>>`
    select (select count(*) from claims)::text as claims, (select count(*) from contact_log where channel = 'desk')::text as desk_calls,
           (select count(*) from desk_calls)::text as timed_calls, (select count(*) from promises)::text as promises, (select count(*) from plans)::text as plans,
           (select count(*) from payments)::text as payments, (select count(*) from payment_allocations)::text as allocations`.execute(db)).rows[0]!;
  console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));

  // The queries the use case sends, captured to be explained.
  const captured: CompiledQuery[] = [];
  const spy = new Kysely<DB>({ dialect: new PostgresDialect({ pool: database.pool }), log: (e) => void (e.level === 'query' && captured.push(e.query)) });
  const actor: Actor = { tenantId: t, userId: null, role: 'admin', creditorId: null, label: 'bench' };
  const periods = [
    { label: 'current month', q: {} },
    { label: `current month, one creditor`, q: { creditorId: c.id } },
    { label: `last ${DAYS} days`, q: { from: day.subtract({ days: DAYS }).toString(), to: day.toString() } },
  ];
  for (const p of periods) {
    await getAgencyKpis(db, actor, p.q);
    const ms: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      await getAgencyKpis(db, actor, p.q);
      ms.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(0);
    console.log(`agency KPIs, ${p.label.padEnd(30)} p50 ${at(0.5).padStart(5)} ms   p95 ${at(0.95).padStart(5)} ms   node CPU ${((cpu.user + cpu.system) / 1000 / REPEAT).toFixed(0)} ms/read`);
    captured.length = 0;
    await getAgencyKpis(spy, actor, p.q);
    for (const q of captured) {
      if (!/contact_log|promises|plans|payments|desk_calls/.test(q.sql)) continue;
      const r = await database.pool.query(`explain (analyze, buffers, format json) ${q.sql}`, q.parameters as unknown[]);
      const plan = (r.rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] })['QUERY PLAN'][0];
      const scans: string[] = [];
      const walk = (n: PlanNode) => {
        if (n['Relation Name']) scans.push(`${n['Node Type']} ${n['Relation Name']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`);
        for (const k of n.Plans ?? []) walk(k);
      };
      walk(plan.Plan);
      console.log(`   ${plan['Execution Time'].toFixed(1).padStart(8)} ms  buffers hit ${plan.Plan['Shared Hit Blocks'] ?? 0} read ${plan.Plan['Shared Read Blocks'] ?? 0}  ${[...new Set(scans)].join(', ')}`);
    }
  }
} finally {
  await database.close();
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}
