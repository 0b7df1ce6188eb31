/**
 * Benchmark of reading a large portfolio (README.md): a portfolio generated in a scratch PostgreSQL
 * database — debtors with codici fiscali, claims with their principal component, part payments on a
 * share of them — its stored balances computed, then the reads an office does all day, timed:
 * dashboard, claim and debtor lists sorted and searched, a search by document number and by tax id;
 * and the nightly roll-forward of every open balance, and `check balances`.
 *
 *   npx tsx bench/claims/run.ts [--claims 1000000] [--per-debtor 4] [--paid 0.2] [--repeat 20] [--keep] [--reuse DB]
 *
 * PostgreSQL: DATABASE_URL (the server; any database on it) or postgres://incasso:incasso@127.0.0.1:5432/postgres.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { Temporal, today } from '../../src/domain/dates.ts';
import { systemActor } from '../../src/domain/policies.ts';
import { checkBalances, rollBalances } from '../../src/usecases/claims/balances.ts';
import { listClaims } from '../../src/usecases/claims/list-claims.ts';
import { getDashboard } from '../../src/usecases/dashboard/get-dashboard.ts';
import { compactTotals } from '../../src/usecases/claims/totals.ts';
import { listDebtors } from '../../src/usecases/debtors/list-debtors.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const CLAIMS = Number(value('claims') ?? 1_000_000);
const PER_DEBTOR = Number(value('per-debtor') ?? 4);
const PAID = Number(value('paid') ?? 0.2);
const REPEAT = Number(value('repeat') ?? 20);
const KEEP = argv.includes('--keep');
const REUSE = value('reuse');
if (!Number.isSafeInteger(CLAIMS) || CLAIMS < 1 || !(PER_DEBTOR >= 1) || !(PAID >= 0 && PAID <= 1)) {
  console.error('usage: npx tsx bench/claims/run.ts [--claims 1000000] [--per-debtor 4] [--paid 0.2] [--repeat 20] [--keep] [--reuse DB]');
  process.exit(2);
}
const DEBTORS = Math.ceil(CLAIMS / PER_DEBTOR);
const DAY = today().toString();
const addDays = (iso: string, n: number) => Temporal.PlainDate.from(iso).add({ days: n }).toString();

const server = process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres';
const name = REUSE ?? `incasso_bench_claims_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
if (!REUSE) await admin.query(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
const db = database.db;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

/** p50 / p95 / max of `repeat` runs of `f`, in ms, after one warm-up run. */
async function timed(label: string, f: () => Promise<unknown>): Promise<void> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(0);
  console.log(`${label.padEnd(58)} p50 ${at(0.5).padStart(5)} ms   p95 ${at(0.95).padStart(5)} ms   max ${at(1).padStart(5)} ms`);
}

try {
  await migrateToLatest(db);
  let t = performance.now();
  if (!REUSE) {
    const tenant = await db.insertInto('tenants').values({ slug: 'bench', name: 'Bench Recuperi', kind: 'agency' }).returning('id').executeTakeFirstOrThrow();
    const creditor = await db
      .insertInto('creditors')
      .values({ tenant_id: tenant.id, name: 'Bench Forniture S.p.A.', kind: 'company', default_jurisdiction: 'IT', default_currency: 'EUR', allocation_order: 'principal,interest,costs' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    // Debtors: two in three consumers with a codice fiscale-shaped tax code, the rest companies with a partita IVA.
    await sql`
      insert into debtors (tenant_id, kind, display_name, first_name, last_name, company_name, tax_code, vat_number, language)
      select ${tenant.id}, case when g % 3 = 0 then 'company' else 'consumer' end,
             case when g % 3 = 0 then 'Impresa ' || g || ' S.r.l.' else 'Rossi' || g || ' Mario' end,
             case when g % 3 = 0 then null else 'Mario' end, case when g % 3 = 0 then null else 'Rossi' || g end,
             case when g % 3 = 0 then 'Impresa ' || g || ' S.r.l.' end,
             case when g % 3 = 0 then null else 'BNC' || lpad(g::text, 13, '0') end,
             case when g % 3 = 0 then lpad(g::text, 11, '0') end, 'it'
        from generate_series(1, ${DEBTORS}) g`.execute(db);
    await sql`
      insert into claims (tenant_id, creditor_id, debtor_id, external_ref, kind, principal, currency, issue_date, due_date, jurisdiction)
      select tenant_id, creditor_id, debtor_id, external_ref, 'invoice', principal, 'EUR', due_date - 30, due_date, 'IT'
        from (select ${tenant.id}::uuid as tenant_id, ${creditor.id}::uuid as creditor_id, d.id as debtor_id,
                     'FT-' || (2019 + ((d.n * ${PER_DEBTOR} + k) % 7)) || '-' || lpad(((d.n - 1) * ${PER_DEBTOR} + k)::text, 7, '0') as external_ref,
                     (10 + (d.n * 7919 + k * 104729) % 49990)::numeric(15,2) as principal,
                     date '2019-01-01' + ((d.n * 31 + k * 97) % 2860)::int as due_date
                from (select id, row_number() over (order by id) as n from debtors where tenant_id = ${tenant.id}) d,
                     generate_series(1, ${PER_DEBTOR}) k
               where (d.n - 1) * ${PER_DEBTOR} + k <= ${CLAIMS}) g`.execute(db);
    await sql`
      insert into claim_components (tenant_id, claim_id, position, kind, amount, accrues_interest)
      select tenant_id, id, 1, 'principal', principal, true from claims where tenant_id = ${tenant.id}`.execute(db);
    // Part payments: a share of the claims got a third of their principal 40 days after the due date
    // (the creditor's order puts principal first, so the whole payment is principal, as allocated here).
    await sql`
      with chosen as (
        select id, tenant_id, creditor_id, debtor_id, round(principal / 3, 2) as amount, least(due_date + 40, ${DAY}::date) as value_date
          from claims where tenant_id = ${tenant.id} and abs(hashtext(id::text)) % 1000 < ${Math.round(PAID * 1000)}
      ), pay as (
        insert into payments (id, tenant_id, creditor_id, debtor_id, amount, currency, value_date, method)
        select gen_random_uuid(), tenant_id, creditor_id, debtor_id, amount, 'EUR', value_date, 'bank_transfer' from chosen
        returning id, debtor_id, amount, value_date
      )
      insert into payment_allocations (tenant_id, payment_id, claim_id, component, amount)
      select c.tenant_id, p.id, c.id, 'principal', p.amount
        from pay p join chosen c on c.debtor_id = p.debtor_id and c.amount = p.amount and c.value_date = p.value_date`.execute(db);
    await sql`
      update claims c set principal_paid = a.amount, status = 'partially_paid'
        from payment_allocations a where a.claim_id = c.id and c.tenant_id = ${tenant.id}`.execute(db);
    await sql`
      update claim_components k set paid = c.principal_paid from claims c where k.claim_id = c.id and c.tenant_id = ${tenant.id} and c.principal_paid > 0`.execute(db);
    await sql`
      update payment_allocations a set component_id = k.id from claim_components k where k.claim_id = a.claim_id and a.tenant_id = ${tenant.id}`.execute(db);
    await sql`analyze`.execute(db);
    console.log(`data: ${CLAIMS} claims of ${DEBTORS} debtors (${Math.round(PAID * 100)} % with a part payment) generated in ${seconds(t)} s`);

    // First computation from the ledgers (what the balances job does after the migration), then a night's roll.
    t = performance.now();
    const first = await rollBalances(db, DAY);
    console.log(`balances from the ledgers (replay):  ${first.replayed} claims in ${seconds(t)} s`);
  }
  const tenant = await db.selectFrom('tenants').select('id').where('slug', '=', 'bench').executeTakeFirstOrThrow();
  const actor = systemActor(tenant.id, 'bench');

  t = performance.now();
  const rss0 = process.memoryUsage().rss;
  const night = await rollBalances(db, addDays(DAY, 1));
  console.log(`nightly roll to ${addDays(DAY, 1)}:        ${night.rolled} rolled, ${night.replayed} replayed in ${seconds(t)} s (rss +${((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(0)} MB)`);
  t = performance.now();
  const folded = await compactTotals(db);
  console.log(`portfolio sums compacted (as the job does after a roll): ${folded.before} delta rows → ${folded.after} in ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const idle = await rollBalances(db, addDays(DAY, 1));
  console.log(`roll when all are current:           ${idle.rolled + idle.replayed} claims touched in ${((performance.now() - t)).toFixed(0)} ms`);

  const sample = await db.selectFrom('claims').select(['external_ref']).where('tenant_id', '=', tenant.id).orderBy('id').offset(Math.floor(CLAIMS / 2)).limit(1).executeTakeFirstOrThrow();
  const taxed = await db.selectFrom('debtors').select(['tax_code']).where('tenant_id', '=', tenant.id).where('tax_code', 'is not', null).orderBy('id').offset(Math.floor(DEBTORS / 3)).limit(1).executeTakeFirstOrThrow();
  await timed('GET /api/dashboard', () => getDashboard(db, actor));
  await timed('claims, first page (due date)', () => listClaims(db, actor, {}));
  await timed('claims, open, sorted by total due (desc)', () => listClaims(db, actor, { open: 'true', sort: 'totalDue', order: 'desc' }));
  await timed(`claims, search by document number (${sample.external_ref})`, () => listClaims(db, actor, { q: sample.external_ref }));
  // The generator names every consumer "Rossi<n> Mario": "Rossi1234" matches ~100 debtors, "Rossi12"
  // ~7,400 debtors (30,000 claims, 3 % of the portfolio) — a search broader than any real name.
  await timed('claims, search by part of a debtor name ("Rossi1234")', () => listClaims(db, actor, { q: 'Rossi1234' }));
  await timed('claims, search by part of a debtor name ("Rossi12")', () => listClaims(db, actor, { q: 'Rossi12' }));
  await timed('claims, "Rossi1234" sorted by total due', () => listClaims(db, actor, { q: 'Rossi1234', sort: 'totalDue', order: 'desc' }));
  await timed('debtors, first page', () => listDebtors(db, actor, {}));
  await timed('debtors, sorted by last change (desc)', () => listDebtors(db, actor, { sort: 'updatedAt', order: 'desc' }));
  await timed('debtors, search by part of a name ("Rossi12")', () => listDebtors(db, actor, { q: 'Rossi12' }));
  await timed(`debtors, search by tax id (${taxed.tax_code})`, () => listDebtors(db, actor, { q: taxed.tax_code! }));

  // --no-check: without `check balances` (the finally still says which database it kept).
  if (!argv.includes('--no-check')) {
    t = performance.now();
    const check = await checkBalances(db);
    console.log(`check balances: ${check.checked} claims, ${check.differences.length} differences in ${seconds(t)} s`);
    for (const d of check.differences.slice(0, 3)) console.log(`  ${d.externalRef}: ${d.differences.join('; ')}`);
  }
} finally {
  await database.close();
  if (!KEEP && !REUSE) await admin.query(`drop database if exists ${name}`);
  else console.log(`kept database ${name}`);
  await admin.end();
}
