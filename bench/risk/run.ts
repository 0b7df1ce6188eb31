/**
 * Benchmark of the nightly risk refresh (issue 17 item 1: "a nightly job for all at 1M claims within
 * 60 s"), through the real use case (`refreshAllDebtorProfiles`, what the `refresh-risk` job runs).
 *
 *   npx tsx bench/risk/run.ts [--template incasso_bench_claims_17609] [--db incasso_bench_risk] [--batch 20000]
 *                             [--concurrency 2] [--nights 2]
 *
 * Works on its own copy of the kept 1M-claim portfolio (`create database … template`, bench/shared/
 * portfolio-db.ts; the template is never changed), brought to the latest migration. To give the
 * profiles a history, the copy's first run marks a fifth of the claims paid (closed 0–120 days after
 * their due date), adds a lapsed plan for one debtor in 50 and broken promises for one in 40.
 *
 * Runs the refresh for `--nights` consecutive days from 2026-06-30 (the first night on a fresh copy
 * inserts every profile; the next ones update those whose figures moved, as days overdue grow, and
 * leave the others), `--concurrency` batches at a time (the job's setting on PostgreSQL). Prints per
 * night the wall time, the CPU time of node and of the database backends (/proc, same machine), the
 * time per phase summed over the batches, the profiles computed and written, the load, then the
 * classes. Drop the copy to start again.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { Temporal } from '../../src/domain/dates.ts';
import { refreshAllDebtorProfiles, type BatchStats } from '../../src/usecases/risk/refresh-debtor-profiles.ts';
import { portfolioCopy } from '../shared/portfolio-db.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const TEMPLATE = value('template') ?? 'incasso_bench_claims_17609';
const DB_NAME = value('db') ?? 'incasso_bench_risk';
const BATCH = Number(value('batch') ?? 20_000);
const CONCURRENCY = Number(value('concurrency') ?? 2);
const NIGHTS = Number(value('nights') ?? 2);
const AS_OF = '2026-06-30';
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

const database = await portfolioCopy({ db: DB_NAME, template: TEMPLATE });
const db = database.db;
try {
  const tenant = await db.selectFrom('tenants').select('id').orderBy('created_at').executeTakeFirstOrThrow();
  const claims = await sql<{ n: string }>`select count(*)::text as n from claims where tenant_id = ${tenant.id}`.execute(db);
  const marked = await sql<{ n: string }>`select count(*)::text as n from claims where tenant_id = ${tenant.id} and status = 'paid'`.execute(db);
  const plans = await sql<{ n: string }>`select count(*)::text as n from plans where tenant_id = ${tenant.id}`.execute(db);
  if (marked.rows[0]!.n === '0' || plans.rows[0]!.n === '0') {
    const t = performance.now();
    if (marked.rows[0]!.n === '0') await sql`
      update claims set status = 'paid', principal_paid = principal, closed_on = due_date + ((('x' || substr(md5(id::text), 1, 4))::bit(16)::int) % 121)
       where tenant_id = ${tenant.id} and status = 'open' and (('x' || substr(md5(id::text), 5, 2))::bit(8)::int) % 5 = 0`.execute(db);
    const creditor = await db.selectFrom('creditors').select('id').where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    await sql`
      insert into plans (tenant_id, debtor_id, creditor_id, claim_ids, currency, total, instalment_count, state, rules, started_on, proposed_by, lapsed_on)
      select ${tenant.id}, d.id, ${creditor.id}, array[(select c.id from claims c where c.tenant_id = ${tenant.id} and c.debtor_id = d.id limit 1)], 'EUR', 100, 2, 'lapsed', '{}', '2025-01-01', 'bench', '2025-06-01'
        from (select id, row_number() over (order by id) n from debtors where tenant_id = ${tenant.id}) d where d.n % 50 = 0`.execute(db);
    await sql`
      insert into promises (tenant_id, debtor_id, amount, due_on, grace_days, made_on, claim_ids, state)
      select ${tenant.id}, d.id, 100, '2025-05-01', 0, '2025-04-01', array[(select c.id from claims c where c.tenant_id = ${tenant.id} and c.debtor_id = d.id limit 1)], 'broken'
        from (select id, row_number() over (order by id) n from debtors where tenant_id = ${tenant.id}) d where d.n % 40 = 0`.execute(db);
    await sql`analyze claims`.execute(db);
    console.log(`history added to the copy in ${seconds(t)} s`);
  }
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`${claims.rows[0]!.n} claims; load ${load()}`);
  const ticks = Number(process.env.CLK_TCK ?? 100);
  /** CPU seconds of this database's backends so far, by pid (/proc/<pid>/stat: utime + stime). */
  const backendCpu = async () => {
    const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
      } catch {
        // another machine's server, or gone
      }
    }
    return cpu;
  };
  for (let night = 0; night < NIGHTS; night++) {
    const asOf = Temporal.PlainDate.from(AS_OF).add({ days: night }).toString();
    const sum: BatchStats = { figuresMs: 0, classifyMs: 0, writeMs: 0, profiles: 0, written: 0, removed: 0 };
    const cpuBefore = await backendCpu();
    const nodeBefore = process.cpuUsage();
    const t = performance.now();
    const stored = await refreshAllDebtorProfiles(db, tenant.id, asOf, {
      batch: BATCH,
      concurrency: CONCURRENCY,
      onBatch: (b) => {
        for (const k of Object.keys(sum) as (keyof BatchStats)[]) sum[k] += b[k];
      },
    });
    const wall = seconds(t);
    const node = process.cpuUsage(nodeBefore);
    let server = 0;
    for (const [pid, cpu] of await backendCpu()) server += cpu - (cpuBefore.get(pid) ?? 0);
    const s = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `refresh-risk ${asOf}: ${stored} profiles in ${wall} s (batch ${BATCH}, concurrency ${CONCURRENCY}); ` +
        `CPU node ${((node.user + node.system) / 1e6).toFixed(1)} s, database ${server.toFixed(1)} s; ` +
        `phases summed over batches: figures ${s(sum.figuresMs)} s, classify ${s(sum.classifyMs)} s, write ${s(sum.writeMs)} s; ` +
        `${sum.written} written, ${sum.profiles - sum.written} unchanged, ${sum.removed} removed; load ${load()}`,
    );
  }
  const classes = await sql<{ risk_class: string; n: string }>`
    select risk_class, count(*)::text as n from debtor_profiles where tenant_id = ${tenant.id} and creditor_id is null group by 1 order by 1`.execute(db);
  console.log(`classes (per debtor): ${classes.rows.map((r) => `${r.risk_class} ${r.n}`).join(', ')}`);
} finally {
  await database.close();
}
