/**
 * Benchmark of the creditor portal's figures (issue 16 items 3 and 5; README.md): on a copy of the
 * 1M-claim database of bench/claims, migration 0047 timed (its backfill and first figures), then a
 * desk day written into the contact log (the trigger that sets worked/reached on the debtors' open
 * positions), the cost of the claims triggers on a bank-file-sized update and on single-row updates
 * (with the portal triggers and without), and the portal's reads p50 / p95 through their use cases.
 *
 *   su postgres -c "createdb -O incasso -T incasso_bench_claims_<pid> incasso_bench_portal"   # never modify the template
 *   npx tsx bench/portal/run.ts [--db incasso_bench_portal] [--repeat 20] [--contacts 50000] [--redo]
 *   (--redo: undo and apply 0047 again, timed; --contacts 0: no desk day in one statement)
 *
 * PostgreSQL: DATABASE_URL (the server) or postgres://incasso:incasso@127.0.0.1:5432/postgres.
 */
import { Migrator, sql, type Migration } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { MIGRATION_NAMES } from '../../src/db/migrate.ts';
import { today } from '../../src/domain/dates.ts';
import type { Actor } from '../../src/domain/policies.ts';
import { compactPortal } from '../../src/usecases/portal/compact-portal.ts';
import { exportPortalProgress } from '../../src/usecases/portal/export-portal-progress.ts';
import { getPortalCollections } from '../../src/usecases/portal/get-portal-collections.ts';
import { getPortalKpis } from '../../src/usecases/portal/get-portal-kpis.ts';
import { getPortalProgress } from '../../src/usecases/portal/get-portal-progress.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const NAME = value('db') ?? 'incasso_bench_portal';
const REPEAT = Number(value('repeat') ?? 20);
const CONTACTS = Number(value('contacts') ?? 50_000);
const server = process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres';
const url = new URL(server);
url.pathname = `/${NAME}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
const db = database.db;
class RollbackSignal extends Error {}
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

async function timed(label: string, f: () => Promise<unknown>, repeat = REPEAT): Promise<void> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(0);
  console.log(`${label.padEnd(58)} p50 ${at(0.5).padStart(5)} ms   p95 ${at(0.95).padStart(5)} ms   max ${at(1).padStart(5)} ms`);
}

try {
  // The template may predate a migration numbered below its last one (0016 after 0017): unordered runs allowed here.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(await Promise.all(MIGRATION_NAMES.map(async (n) => [n, (await import(`../../src/db/migrations/${n}.ts`)) as Migration]))) },
    migrationTableName: 'incasso_migrations',
    migrationLockTableName: 'incasso_migrations_lock',
    allowUnorderedMigrations: true,
  });
  const step = async (label: string, f: () => ReturnType<Migrator['migrateToLatest']>) => {
    const t0 = performance.now();
    const { error, results } = await f();
    if (error) throw error;
    console.log(`${label}: ${(results ?? []).map((r) => r.migrationName).join(', ') || 'nothing to apply'} in ${seconds(t0)} s`);
  };
  const before = MIGRATION_NAMES[MIGRATION_NAMES.indexOf('0047_portal_figures') - 1]!;
  const applied = (await migrator.getMigrations()).find((m) => m.name === '0047_portal_figures')?.executedAt;
  if (applied && argv.includes('--redo')) await step('migration 0047 undone', () => migrator.migrateTo(before));
  if (!applied) await step(`migrations up to ${before}`, () => migrator.migrateTo(before));
  const claims = (await sql<{ n: number }>`select count(*)::int as n from claims`.execute(db)).rows[0]!.n;
  await step(`migration 0047 on ${claims} claims`, () => migrator.migrateToLatest());
  let t = performance.now();

  const c = await db.selectFrom('creditors').select(['id', 'tenant_id']).orderBy('created_at').executeTakeFirstOrThrow();
  const agency: Actor = { tenantId: c.tenant_id, userId: null, role: 'admin', creditorId: null, label: 'bench' };
  const viewer: Actor = { tenantId: c.tenant_id, userId: null, role: 'viewer', creditorId: c.id, label: 'bench viewer' };

  // A desk day: attempts on CONTACTS debtors, one in three a conversation, in one statement.
  t = performance.now();
  if (CONTACTS > 0) await sql`
    insert into contact_log (tenant_id, debtor_id, channel, kind, local_date, local_time, allowed, actor_label, outcome)
    select d.tenant_id, d.id, 'desk', case when row_number() over () % 3 = 0 then 'conversation' else 'phone_attempt' end,
           ${today().toString()}::date, '10:00', true, 'bench', case when row_number() over () % 3 = 0 then 'RICHIAMARE' else 'NON_RISPONDE' end
      from (select tenant_id, id from debtors where tenant_id = ${c.tenant_id} order by id limit ${CONTACTS}) d`.execute(db);
  if (CONTACTS > 0) console.log(`contact log: ${CONTACTS} attempts in one statement (sets worked/reached on their open positions): ${seconds(t)} s`);
  // What a call costs: one contact-log row (the desk writes one per outcome), rolled back.
  const debtorIds = (await sql<{ id: string }>`select d.id from debtors d where exists (select 1 from claims c where c.debtor_id = d.id and c.status = 'open' and c.worked_on is null) limit 100`.execute(db)).rows.map((r) => r.id);
  const calls = () =>
    db.transaction().execute(async (trx) => {
      for (const id of debtorIds) {
        await sql`insert into contact_log (tenant_id, debtor_id, channel, kind, local_date, local_time, allowed, actor_label, outcome)
                  values (${c.tenant_id}, ${id}, 'desk', 'conversation', ${today().toString()}::date, '10:00', true, 'bench', 'RICHIAMARE')`.execute(trx);
      }
      throw new RollbackSignal();
    }).catch((e) => { if (!(e instanceof RollbackSignal)) throw e; });
  await timed(`contact log: ${debtorIds.length} calls, one row each, with the portal trigger`, calls, 5);
  await sql`alter table contact_log disable trigger contact_log_portal_facts`.execute(db);
  await timed(`contact log: ${debtorIds.length} calls, without`, calls, 5);
  await sql`alter table contact_log enable trigger contact_log_portal_facts`.execute(db);

  // The claims triggers' cost: a bank-file chunk (500 claims' status in one statement) and 200
  // single-claim updates, each rolled back, with the portal triggers and without.
  const ids = (await sql<{ id: string }>`select id from claims where status = 'open' order by id limit 500`.execute(db)).rows.map((r) => r.id);
  const chunk = () =>
    db.transaction().execute(async (trx) => {
      await sql`update claims set status = 'partially_paid', principal_paid = principal_paid + 1 where id = any(${ids}::uuid[])`.execute(trx);
      throw new RollbackSignal();
    }).catch((e) => { if (!(e instanceof RollbackSignal)) throw e; });
  const singles = () =>
    db.transaction().execute(async (trx) => {
      for (const id of ids.slice(0, 200)) await sql`update claims set principal_paid = principal_paid + 1, status = 'partially_paid' where id = ${id}`.execute(trx);
      throw new RollbackSignal();
    }).catch((e) => { if (!(e instanceof RollbackSignal)) throw e; });
  await timed('claims: 500 in one update, with portal triggers', chunk, 10);
  await timed('claims: 200 single-row updates, with portal triggers', singles, 5);
  await sql`alter table claims disable trigger claims_portal_update`.execute(db);
  await timed('claims: 500 in one update, without', chunk, 10);
  await timed('claims: 200 single-row updates, without', singles, 5);
  await sql`alter table claims enable trigger claims_portal_update`.execute(db);

  const rows = async () => (await sql<{ n: number }>`select (select count(*) from portfolio_progress_deltas) + (select count(*) from open_due_deltas) + (select count(*) from collection_deltas) as n`.execute(db)).rows[0]!.n;
  console.log(`delta rows before compaction: ${await rows()}`);
  t = performance.now();
  await compactPortal(db);
  console.log(`compaction: ${seconds(t)} s, rows after: ${await rows()}`);

  for (const [who, actor] of [['creditor user', viewer], ['agency, all creditors', agency]] as const) {
    await timed(`GET /api/portal/progress (${who})`, () => getPortalProgress(db, actor, {}));
    await timed(`GET /api/portal/collections (${who})`, () => getPortalCollections(db, actor, {}));
    await timed(`GET /api/portal/kpis (${who})`, () => getPortalKpis(db, actor, {}));
  }
  await timed('GET /api/portal/progress/export?format=xlsx', () => exportPortalProgress(db, viewer, { format: 'xlsx' }));
} finally {
  await database.close();
}

