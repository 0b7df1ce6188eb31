/**
 * Benchmark of the daily plan evaluation (issue 15 item 8: "the daily plan evaluation for 100,000
 * active plans ≤ 30 s"), on PostgreSQL, through the real use case (`evaluatePlans`, what the nightly
 * `evaluate-plans` job and `incasso plans daily` run).
 *
 *   npx tsx bench/plans/run.ts [--db incasso_bench_plans] [--template incasso_bench_claims_17609] [--plans 100000]
 *
 * On its own copy of a kept 1M-claim portfolio (bench/shared/portfolio-db.ts) it makes `--plans`
 * running plans set-based, one per debtor, of 6 monthly instalments, started over the last 100 days
 * (so every day some instalment falls due), their instalments' states as the previous night left them;
 * a tenth of them have two late instalments with an express reminder (c.800: they lapse tonight); a
 * fifth have received a payment since. Then the evaluation runs for that night and prints its wall
 * time, the plans read, paid and lapsed, and the load; again the same night (nothing changes), and the
 * two nights after (an ordinary night: the instalments falling due). Made once per database: drop it
 * to start again (a second run re-evaluates the same nights: nothing left to change).
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { COMPANY_PLAN_RULES } from '../../src/domain/plans/rules.ts';
import { evaluatePlans } from '../../src/usecases/plans/evaluate-plans.ts';
import { portfolioCopy } from '../shared/portfolio-db.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PLANS = Number(value('plans') ?? 100_000);
const DAY = '2026-12-15';
if (!(PLANS >= 1)) {
  console.error('usage: npx tsx bench/plans/run.ts [--db incasso_bench_plans] [--template DB] [--plans 100000]');
  process.exit(2);
}
const database = await portfolioCopy({ db: value('db') ?? 'incasso_bench_plans', template: value('template') ?? 'incasso_bench_claims_17609' });
const db = database.db;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

try {
  const made = Number((await sql<{ n: string }>`select count(*) as n from plans where proposed_by = 'bench'`.execute(db)).rows[0]!.n);
  if (made < PLANS) {
    let t = performance.now();
    const want = PLANS - made;
    // One open claim per debtor without a plan, owing enough for six instalments; started 1–100 days ago.
    await sql`
      with picked as (
        select distinct on (c.debtor_id) c.id, c.tenant_id, c.debtor_id, c.creditor_id, c.currency, b.total_due
          from claims c join claim_balances b on b.tenant_id = c.tenant_id and b.claim_id = c.id
         where c.status in ('open', 'in_collection') and b.total_due between 60 and 50000
           and not exists (select 1 from plans p where p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id)
         order by c.debtor_id, c.id
         limit ${want}
      ), made as (
        insert into plans (tenant_id, debtor_id, creditor_id, claim_ids, currency, total, instalment_count, state, rules, started_on, proposed_by)
        select tenant_id, debtor_id, creditor_id, array[id], currency, total_due, 6, 'active', ${JSON.stringify(COMPANY_PLAN_RULES)}::jsonb,
               ${DAY}::date - (1 + (abs(hashtext(id::text)) % 100)), 'bench'
          from picked
        returning id, tenant_id, total, started_on, claim_ids
      ), claims_in_plan as (
        update claims c set status = 'in_plan' from made m where c.tenant_id = m.tenant_id and c.id = m.claim_ids[1]
      )
      insert into plan_instalments (tenant_id, plan_id, number, due_on, amount, state)
      select m.tenant_id, m.id, g.n, (m.started_on + g.n * interval '1 month')::date,
             case when g.n < 6 then round(m.total / 6, 2) else m.total - 5 * round(m.total / 6, 2) end,
             case when (m.started_on + g.n * interval '1 month')::date < ${DAY}::date - 1 then 'late' else 'due' end
        from made m cross join generate_series(1, 6) g(n)`.execute(db);
    console.log(`plans made: ${want} (${want * 6} instalments) in ${seconds(t)} s`);
    t = performance.now();
    // A tenth: instalments 1 and 2 late and reminded ten days after their due date (they lapse tonight).
    await sql`
      update plan_instalments i set reminded_on = i.due_on + 10
        from plans p
       where p.id = i.plan_id and p.state = 'active' and abs(hashtext(p.id::text)) % 10 = 0
         and i.number in (1, 2) and i.state = 'late' and i.due_on + 10 < ${DAY}::date`.execute(db);
    // A fifth: a payment of their first instalment since the plan started (booked as the engine books one, by allocation rows).
    await sql`
      with chosen as (
        select p.id as plan_id, p.tenant_id, p.debtor_id, p.creditor_id, p.currency, p.claim_ids[1] as claim_id, p.started_on + 5 as value_date, i.amount
          from plans p join plan_instalments i on i.plan_id = p.id and i.number = 1
         where p.state = 'active' and abs(hashtext(p.id::text)) % 5 = 1
      ), paid as (
        insert into payments (tenant_id, creditor_id, debtor_id, amount, unallocated, currency, value_date, method, note)
        select tenant_id, creditor_id, debtor_id, amount, 0, currency, value_date, 'bank_transfer', 'bench/plans ' || plan_id from chosen
        returning id, tenant_id, note, amount
      )
      insert into payment_allocations (tenant_id, payment_id, claim_id, amount)
      select y.tenant_id, y.id, c.claim_id, y.amount from paid y join chosen c on y.note = 'bench/plans ' || c.plan_id`.execute(db);
    console.log(`reminders and payments set in ${seconds(t)} s`);
    t = performance.now();
    await sql`analyze plans; analyze plan_instalments; analyze payments; analyze payment_allocations`.execute(db);
    console.log(`analyze: ${seconds(t)} s`);
  }
  const active = Number((await sql<{ n: string }>`select count(*) as n from plans where state = 'active'`.execute(db)).rows[0]!.n);
  console.log(`running plans: ${active}; load before (uptime): ${load()}`);
  // The first night (what the bench set up changes: lapses, payments booked behind the engine's back),
  // the same night again (nothing changes), then two ordinary nights (the instalments falling due that day).
  const next = (n: number) => new Date(Date.parse(`${DAY}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  for (const [label, day] of [['the night of', DAY], ['again the same day', DAY], ['the next night', next(1)], ['the night after', next(2)]] as const) {
    const t = performance.now();
    const r = await evaluatePlans(db, day);
    console.log(`evaluation ${label} ${day}: ${r.evaluated} plans read, ${r.paid} paid, ${r.lapsed} lapsed in ${seconds(t)} s (load ${load()})`);
  }
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  await database.close();
}
