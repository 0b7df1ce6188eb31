/**
 * Benchmark of the discharge report (issue 16 item 6: "the discharge report for a 200,000-position
 * mandate on PostgreSQL ≤ 30 s"), through the real use case (`generateDischargeReport`, what the CLI,
 * the API and the UI run).
 *
 *   DATABASE_URL=postgres://…/incasso_bench_reports npx tsx bench/reports/run.ts [--positions 200000] [--formats csv,xlsx,pdf]
 *
 * Made once per database, set-based: a tenant "bench-reports" with a comune and `--positions` positions,
 * one debtor each, IMU and TARI over four tax years, each of two components (tax, sanctions); a tenth
 * each paid in full, paid in part, in a running plan, annulled, unreachable after two failed calls,
 * deceased; the rest open. Then it generates the report in each format and prints the wall time, the
 * file size, the positions and whether the identity holds. Drop the database to start again.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/domain/policies.ts';
import { generateDischargeReport } from '../../src/usecases/reports/generate-discharge-report.ts';
import { dischargePositionsQuery, inReportSnapshot, openDischargeReport, planForTheWholeReport, resolveDischargeScope } from '../../src/usecases/reports/discharge-data.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(value('positions') ?? 200_000);
const FORMATS = (value('formats') ?? 'csv,xlsx,pdf').split(',').filter(Boolean) as ('csv' | 'xlsx' | 'pdf')[];
/** A folder to write the files to (to compare the bytes of two versions, or look at them). */
const OUT = value('out');
const SKIP_PHASES = argv.includes('--formats-only');
const url = process.env.DATABASE_URL;
if (!url || !(N >= 1)) {
  console.error('usage: DATABASE_URL=postgres://… npx tsx bench/reports/run.ts [--positions 200000] [--formats csv,xlsx,pdf]');
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: url });
const db = database.db;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
try {
  await migrateToLatest(db);
  let tenant = await db.selectFrom('tenants').select('id').where('slug', '=', 'bench-reports').executeTakeFirst();
  if (!tenant) {
    const t = performance.now();
    tenant = await db.transaction().execute(async (db) => {
    tenant = await db.insertInto('tenants').values({ slug: 'bench-reports', name: 'Bench reports', kind: 'agency' }).returning('id').executeTakeFirstOrThrow();
    const tid = tenant.id;
    const c = await db
      .insertInto('creditors')
      .values({ tenant_id: tid, code: 'BENCH', name: 'Comune di Bench', kind: 'public_entity', cadastral_code: 'Z999' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cid = c.id;
    await sql`
      insert into debtors (tenant_id, kind, first_name, last_name, display_name, deceased)
      select ${tid}, 'consumer', 'Nome', 'Cognome' || n, 'Cognome' || n || ' Nome', n % 10 = 5
        from generate_series(1, ${N}) n`.execute(db);
    await sql`
      with d as (select id, row_number() over (order by id) as n from debtors where tenant_id = ${tid})
      insert into claims (tenant_id, creditor_id, debtor_id, external_ref, kind, principal, principal_paid, currency, due_date, tax_year, jurisdiction, status, closed_on)
      select ${tid}, ${cid}, d.id, 'R-' || lpad(d.n::text, 7, '0'), case when d.n % 2 = 0 then 'imu' else 'tari' end,
             100 + (d.n % 500) + 0.37,
             case d.n % 10 when 0 then 100 + (d.n % 500) + 0.37 when 1 then round((100 + (d.n % 500) + 0.37) * 0.4, 2) else 0 end,
             'EUR', '2025-01-31', 2019 + (d.n % 4), 'IT',
             case d.n % 10 when 0 then 'paid' when 1 then 'partially_paid' when 2 then 'in_plan' when 3 then 'written_off' else 'in_collection' end,
             case when d.n % 10 in (0, 3) then date '2026-06-30' else null end
        from d`.execute(db);
    await sql`
      insert into claim_components (tenant_id, claim_id, position, kind, amount, accrues_interest)
      select c.tenant_id, c.id, k.position, k.kind, case k.position when 1 then round(c.principal * 0.8, 2) else c.principal - round(c.principal * 0.8, 2) end, k.position = 1
        from claims c cross join (values (1, 'tax'), (2, 'sanctions')) as k(position, kind)
       where c.tenant_id = ${tid}`.execute(db);
    // Paid in full (n % 10 = 0) and in part (= 1: 40 %), one payment each on its components.
    await sql`
      insert into payments (tenant_id, creditor_id, debtor_id, amount, currency, value_date, method, reference)
      select ${tid}, ${cid}, c.debtor_id, case when c.status = 'paid' then c.principal else round(c.principal * 0.4, 2) end, 'EUR', '2026-06-30', 'pagopa', c.id::text
        from claims c where c.tenant_id = ${tid} and c.status in ('paid', 'partially_paid')`.execute(db);
    await sql`analyze payments`.execute(db);
    // Each payment on its claim's components in position order: the tax first, then the sanctions.
    await sql`
      insert into payment_allocations (tenant_id, payment_id, claim_id, component_id, component, amount)
      select ${tid}, x.payment_id, x.claim_id, x.component_id, x.component, x.amount
        from (
          select p.id as payment_id, k.claim_id, k.id as component_id, case k.position when 1 then 'principal' else 'sanctions' end as component,
                 least(k.amount, greatest(p.amount - coalesce(sum(k.amount) over (partition by k.claim_id order by k.position rows between unbounded preceding and 1 preceding), 0), 0)) as amount
            from payments p join claim_components k on k.tenant_id = p.tenant_id and k.claim_id = p.reference::uuid
           where p.tenant_id = ${tid}
        ) x
       where x.amount > 0`.execute(db);
    await sql`
      update claim_components k set paid = a.amount
        from (select component_id, sum(amount) as amount from payment_allocations where tenant_id = ${tid} group by component_id) a
       where k.id = a.component_id`.execute(db);
    // claims.principal_paid was written with the claims (an update of 40,000 claims runs the balance triggers).
    await sql`
      insert into plans (tenant_id, debtor_id, creditor_id, claim_ids, currency, total, instalment_count, state, rules, started_on, proposed_by)
      select tenant_id, debtor_id, creditor_id, array[id], currency, principal, 6, 'active', '{}'::jsonb, '2026-07-01', 'bench'
        from claims where tenant_id = ${tid} and status = 'in_plan'`.execute(db);
    // Unreachable (n % 10 = 4): an invalid mobile number and two failed calls.
    await sql`
      with d as (select c.debtor_id from claims c where c.tenant_id = ${tid} and right(c.external_ref, 1) = '4')
      insert into contacts (tenant_id, debtor_id, channel, value, status) select ${tid}, debtor_id, 'mobile', '+39333' || lpad((abs(hashtext(debtor_id::text)) % 10000000)::text, 7, '0'), 'invalid' from d`.execute(db);
    await sql`
      insert into contact_log (tenant_id, debtor_id, channel, kind, local_date, local_time, allowed, actor_label, outcome)
      select ${tid}, k.debtor_id, 'desk', 'phone_attempt', ('2026-07-0' || o.n)::date, '10:00', true, 'bench', case o.n when 1 then 'NON_RISPONDE' else 'NUMERO_INESISTENTE' end
        from contacts k cross join (values (1), (2)) o(n) where k.tenant_id = ${tid}`.execute(db);
    return tenant!;
    });
    await sql`analyze`.execute(db);
    console.log(`made ${N} positions in ${seconds(t)} s`);
  }
  const actor = systemActor(tenant.id, 'bench');
  const creditor = await db.selectFrom('creditors').select('id').where('tenant_id', '=', tenant.id).where('code', '=', 'BENCH').executeTakeFirstOrThrow();
  const mb = () => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`;
  const peakMb = () => `${(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024).toFixed(0)} MB`;
  const cpu = (from: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(from);
    return `${((u.user + u.system) / 1e6).toFixed(1)} s cpu`;
  };
  if (!SKIP_PHASES) {
    // The phases apart: the statement alone (time to its first chunk), then the one read (positions listed, read in chunks, classified, totalled, spooled).
    await inReportSnapshot(db, async (trx) => {
      let t = performance.now();
      const scope = await resolveDischargeScope(trx, actor, { creditorId: creditor.id });
      await planForTheWholeReport(trx);
      if (argv.includes('--explain')) {
        const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${dischargePositionsQuery(tenant!.id, scope)}`.execute(trx);
        console.log(plan.rows.map((x) => x['QUERY PLAN']).join('\n'));
        t = performance.now();
      }
      await sql`declare bench_first no scroll cursor for ${dischargePositionsQuery(tenant!.id, scope)}`.execute(trx);
      await sql`fetch forward 1 from bench_first`.execute(trx);
      console.log(`the statement (first row of its cursor): ${seconds(t)} s; load ${load()}`);
      await sql`close bench_first`.execute(trx);
      t = performance.now();
      const c0 = process.cpuUsage();
      const src = await openDischargeReport(trx, tenant!.id, scope);
      const r = src.head;
      console.log(`the read (statement + classify + totals + spool): ${r.positions} positions, identity ${r.breaks.length === 0 ? 'holds' : `breaks on ${r.breaks.length}`}, ${seconds(t)} s (${cpu(c0)} in node), rss ${mb()}; load ${load()}`);
      for (const x of r.totals) console.log(`  ${x.currency}: loaded ${x.loaded} = collected ${x.collected} + annulled ${x.annulled} + residual ${x.residual}`);
      t = performance.now();
      const c1 = process.cpuUsage();
      let n = 0;
      for await (const chunk of src.chunks()) n += chunk.length;
      console.log(`rows again from the spool: ${n} rows, ${seconds(t)} s (${cpu(c1)}), rss ${mb()}`);
      await src.close();
    });
  }
  for (const format of FORMATS) {
    const t = performance.now();
    const c0 = process.cpuUsage();
    const f = await generateDischargeReport(db, actor, { creditorId: creditor.id, format }, 'it');
    console.log(`${format}: ${f.positions} positions, ${(f.content.length / 1024 / 1024).toFixed(1)} MB, ${seconds(t)} s (goal ≤ 30 s; ${cpu(c0)} in node), peak rss so far ${peakMb()}; load ${load()}`);
    if (OUT) {
      writeFileSync(join(OUT, f.fileName), f.content);
      console.log(`  ${join(OUT, f.fileName)} sha256 ${f.sha256}`);
    }
  }
} finally {
  clearInterval(sampler);
  await database.close();
}
