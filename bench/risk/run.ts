/**
 * Benchmark of the nightly risk refresh (issue 17 item 1: "a nightly job for all at 1M claims within
 * 60 s"), through the real use case (`refreshAllDebtorProfiles`, what the `refresh-risk` job runs).
 *
 *   npx tsx bench/risk/run.ts [--template incasso_bench_claims_17609] [--db incasso_bench_risk] [--batch 20000]
 *
 * Works on its own copy of the kept 1M-claim portfolio (`create database … template`, bench/shared/
 * portfolio-db.ts; the template is never changed), brought to the latest migration. To give the
 * profiles a history, the copy's first run marks a fifth of the claims paid (closed 0–120 days after
 * their due date), adds a lapsed plan for one debtor in 50 and broken promises for one in 40. Prints
 * the wall time, the profiles stored and the classes. Drop the copy to start again.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { refreshAllDebtorProfiles } from '../../src/usecases/risk/refresh-debtor-profiles.ts';
import { portfolioCopy } from '../shared/portfolio-db.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const TEMPLATE = value('template') ?? 'incasso_bench_claims_17609';
const DB_NAME = value('db') ?? 'incasso_bench_risk';
const BATCH = Number(value('batch') ?? 20_000);
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
  console.log(`${claims.rows[0]!.n} claims; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const t = performance.now();
  const stored = await refreshAllDebtorProfiles(db, tenant.id, AS_OF, BATCH);
  console.log(`refresh-risk: ${stored} profiles in ${seconds(t)} s (batch ${BATCH}); load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const classes = await sql<{ risk_class: string; n: string }>`
    select risk_class, count(*)::text as n from debtor_profiles where tenant_id = ${tenant.id} and creditor_id is null group by 1 order by 1`.execute(db);
  console.log(`classes (per debtor): ${classes.rows.map((r) => `${r.risk_class} ${r.n}`).join(', ')}`);
} finally {
  await database.close();
}
