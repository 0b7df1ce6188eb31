/**
 * Benchmark of the dunning tick (README.md): a portfolio of open claims generated in a scratch
 * PostgreSQL database, then `runDunning` for one day — strategy assignment, the due debtors in
 * batches under FOR UPDATE SKIP LOCKED, one communication per debtor and creditor with its e-mail or
 * PDF letter rendered and stored, fees, outbox, contact log, the claims' next step — timed.
 *
 *   npx tsx bench/dunning/tick.ts [--claims 1000000] [--per-debtor 4] [--scenario steady|first] [--render 2000] [--no-render] [--keep]
 *                                 [--reuse DB --date YYYY-MM-DD]   (a kept database: the next day's tick on it)
 *
 * --scenario steady (default): the claims are already under the strategy at steps spread over the
 *   last weeks, their next actions spread over the coming 30 days: a normal day's tick.
 * --scenario first: no claim has been dunned yet and all are overdue: the first tick after loading a
 *   whole portfolio (every debtor gets a message the same day — the worst case).
 *
 * PostgreSQL: DATABASE_URL (the server; any database on it) or postgres://incasso:incasso@127.0.0.1:5432/postgres.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { STRATEGY_TEMPLATES } from '../../src/domain/dunning/index.ts';
import { renderPendingLetters } from '../../src/usecases/dunning/render-letters.ts';
import { runDunning } from '../../src/usecases/dunning/run-dunning.ts';
import { rollBalances } from '../../src/usecases/claims/balances.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const CLAIMS = Number(value('claims') ?? 1_000_000);
const PER_DEBTOR = Number(value('per-debtor') ?? 4);
const SCENARIO = value('scenario') ?? 'steady';
const KEEP = argv.includes('--keep');
const DAY = value('date') ?? '2026-11-23';
if (!Number.isSafeInteger(CLAIMS) || CLAIMS < 1 || !(PER_DEBTOR >= 1) || (SCENARIO !== 'steady' && SCENARIO !== 'first')) {
  console.error('usage: npx tsx bench/dunning/tick.ts [--claims 1000000] [--per-debtor 4] [--scenario steady|first] [--date 2026-11-23] [--keep]');
  process.exit(2);
}
const DEBTORS = Math.ceil(CLAIMS / PER_DEBTOR);

const server = process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres';
const REUSE = value('reuse');
const name = REUSE ?? `incasso_bench_dunning_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
if (!REUSE) await admin.query(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
const db = database.db;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

try {
  await migrateToLatest(db);
  let t = performance.now();
  if (!REUSE) {
    const tenant = await db.insertInto('tenants').values({ slug: 'bench', name: 'Bench Recuperi', kind: 'agency' }).returning('id').executeTakeFirstOrThrow();
    const creditor = await db
      .insertInto('creditors')
      .values({
        tenant_id: tenant.id,
        name: 'Ferramenta Bench S.p.A.',
        kind: 'company',
        address_line1: 'Via dell’Artigianato 22',
        postal_code: '24126',
        city: 'Bergamo',
        province: 'BG',
        country: 'IT',
        email: 'crediti@ferramenta.example',
        iban: 'IT60X0542811101000000123456',
        reminder_fees: JSON.stringify(['5.00', '15.00', '25.00']),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const strategy = STRATEGY_TEMPLATES['it-b2b'];
    const s = await db
      .insertInto('strategies')
      .values({ tenant_id: tenant.id, creditor_id: creditor.id, name: strategy.name, template: 'it-b2b', steps: JSON.stringify(strategy.steps), active: true })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Debtors (consumers and companies), an address each, an e-mail for 70 %, a PEC for 20 % of companies.
    await sql`
      insert into debtors (tenant_id, kind, display_name, first_name, last_name, company_name, language)
      select ${tenant.id}, case when g % 3 = 0 then 'company' else 'consumer' end,
             case when g % 3 = 0 then 'Impresa ' || g || ' S.r.l.' else 'Rossi ' || g end,
             case when g % 3 = 0 then null else 'Mario' end, case when g % 3 = 0 then null else 'Rossi ' || g end,
             case when g % 3 = 0 then 'Impresa ' || g || ' S.r.l.' else null end, 'it'
        from generate_series(1, ${DEBTORS}) g`.execute(db);
    await sql`
      insert into addresses (tenant_id, debtor_id, kind, line1, postal_code, city, province, country, source)
      select tenant_id, id, 'residence', 'Via Roma ' || (abs(hashtext(id::text)) % 200 + 1), '24100', 'Bergamo', 'BG', 'IT', 'bench'
        from debtors where tenant_id = ${tenant.id}`.execute(db);
    await sql`
      insert into contacts (tenant_id, debtor_id, channel, value)
      select tenant_id, id, 'email', 'd' || replace(id::text, '-', '') || '@example.it'
        from debtors where tenant_id = ${tenant.id} and abs(hashtext(id::text)) % 10 < 7`.execute(db);
    await sql`
      insert into contacts (tenant_id, debtor_id, channel, value)
      select tenant_id, id, 'pec', 'p' || replace(id::text, '-', '') || '@pec.example.it'
        from debtors where tenant_id = ${tenant.id} and kind = 'company' and abs(hashtext(id::text)) % 5 = 0`.execute(db);
    // Claims: PER_DEBTOR per debtor, due over the last 400 days.
    await sql`
      insert into claims (tenant_id, creditor_id, debtor_id, external_ref, kind, principal, currency, due_date, jurisdiction, interest_regime)
      select tenant_id, creditor_id, debtor_id, external_ref, kind, principal, currency, due_date, jurisdiction, interest_regime
        from (select ${tenant.id}::uuid as tenant_id, ${creditor.id}::uuid as creditor_id, d.id as debtor_id, 'FT-' || d.n || '-' || k as external_ref,
                     'invoice' as kind, (50 + (d.n * 7 + k * 13) % 4950)::numeric(15,2) as principal,
                     'EUR' as currency, ${DAY}::date - (11 + (d.n * 31 + k * 97) % 400)::int as due_date, 'IT' as jurisdiction, 'it-legal' as interest_regime
                from (select id, row_number() over (order by id) as n from debtors where tenant_id = ${tenant.id}) d,
                     generate_series(1, ${PER_DEBTOR}) k
               where (d.n - 1) * ${PER_DEBTOR} + k <= ${CLAIMS}) g`.execute(db);
    await sql`
      insert into claim_components (tenant_id, claim_id, position, kind, amount, accrues_interest)
      select tenant_id, id, 1, 'principal', principal, true from claims where tenant_id = ${tenant.id}`.execute(db);
    // What each claim owes on the day, stored as the application stores it.
    await rollBalances(db, DAY);
    if (SCENARIO === 'steady') {
      // Already under the strategy: the friendly reminder was sent, the next step falls due over the
      // coming 30 days (1/30 of the claims today, bundled per debtor as the engine does).
      await sql`
        update claims set strategy_id = ${s.id}, dunning_step_no = 1, dunning_step_key = 'soft-1', stage = 'soft', status = 'in_collection',
               dunning_step_on = ${DAY}::date - 20, next_action_on = ${DAY}::date + (abs(hashtext(debtor_id::text)) % 30)
         where tenant_id = ${tenant.id}`.execute(db);
    }
    await sql`analyze`.execute(db);
  }
  const due = await sql<{ claims: string; debtors: string }>`
    select count(*) as claims, count(distinct debtor_id) as debtors from claims
     where status in ('open', 'in_collection', 'partially_paid') and (next_action_on is null or next_action_on <= ${DAY})`.execute(db);
  const open = await sql<{ n: string }>`select count(*) as n from claims where status in ('open', 'in_collection', 'partially_paid')`.execute(db);
  console.log(
    `data: ${open.rows[0]!.n} open claims ${REUSE ? `in ${REUSE}` : `of ${DEBTORS} debtors generated in ${seconds(t)} s (scenario ${SCENARIO})`}; due ${DAY}: ${due.rows[0]!.claims} claims of ${due.rows[0]!.debtors} debtors`,
  );

  t = performance.now();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  let last = performance.now();
  const r = await runDunning(db, {
    date: DAY,
    time: '10:00',
    batchSize: Number(value('batch-size') ?? 250),
    onBatch: (p) => {
      if (performance.now() - last > 10_000) {
        last = performance.now();
        console.log(`  … ${p.debtors} debtors, ${p.communications} communications after ${seconds(t)} s`);
      }
    },
  });
  clearInterval(timer);
  const elapsed = (performance.now() - t) / 1000;
  const byChannel = await sql<{ channel: string; n: string }>`select channel, count(*) as n from communications group by channel order by channel`.execute(db);
  console.log(
    `tick: ${elapsed.toFixed(1)} s — ${r.claimsAssigned} claims given the strategy, ${r.debtors} debtors, ${r.communications} communications (${byChannel.rows
      .map((x) => `${x.channel} ${x.n}`)
      .join(', ')}), ${r.blocked} blocked; ${(r.debtors / elapsed).toFixed(0)} debtors/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (goal: 1M open claims in ≤ 60 s)`,
  );
  if (!argv.includes('--no-render')) {
    // Then the letters' PDFs, as the render-letters job does them (measured apart: the tick's goal is
    // deciding and recording; rendering has its own goal in render.ts).
    const limit = Number(value('render') ?? 2000);
    const t2 = performance.now();
    const rendered = await renderPendingLetters(db, { limit });
    const s2 = (performance.now() - t2) / 1000;
    console.log(`render: ${rendered.rendered} letter PDFs stored in ${s2.toFixed(1)} s (${(rendered.rendered / s2).toFixed(0)}/s, read from and written to the database; --render N caps it)`);
  }
} finally {
  await database.close();
  if (!KEEP && !REUSE) await admin.query(`drop database ${name}`);
  else console.log(`kept database ${name}`);
  await admin.end();
}
