import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { Readable } from 'node:stream';
import { openTestDatabase, scratchPostgres } from '../test/db.ts';
import { auditOf, createTestTenant } from '../test/factories.ts';
import { consumerRows, portfolioCsv } from '../test/portfolio.ts';
import { startImport, RUN_IMPORT_JOB } from '../usecases/imports/start-import.ts';
import { uploadImport } from '../usecases/imports/upload-import.ts';
import { runImportJob } from './handlers/run-import.ts';
import { pgBossJobs } from './pg-boss.ts';

const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('pg-boss jobs on the app pool', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('runs an enqueued job through the engine in use (one shared connection on PGlite)', { timeout: 60_000 }, async () => {
    const database = await openTestDatabase();
    const seen: unknown[] = [];
    const jobs = pgBossJobs(database.pool);
    cleanups.push(() => jobs.stop());
    await jobs.start([{ name: 'test-echo', run: async (data) => void seen.push(data) }]);
    await jobs.enqueue('test-echo', { n: 1 });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ n: 1 }]);
    // The app's own queries still get the connection while the queue polls.
    expect((await database.db.selectFrom('tenants').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n).toBeDefined();
  });

  it('runs a started import on a worker node, sent by a node that works no queue (--no-scheduler); sent twice, run once', { timeout: 60_000 }, async () => {
    const database = await openTestDatabase();
    const t = await createTestTenant(database.db);
    const actor = t.users.supervisor.actor;
    const up = await uploadImport(database.db, actor, { creditorId: t.creditor.id, fileName: 'coda.csv' }, Readable.from([Buffer.from(portfolioCsv(consumerRows(3, 'BOSS', 5000)))]));
    const started = await startImport(database.db, actor, up.id, { options: { decimal: ',' } });
    expect(started).toMatchObject({ enqueue: true, job: { status: 'queued' } });

    // The web node only sends: it creates the queue and works nothing.
    const sender = pgBossJobs(database.pool);
    cleanups.push(() => sender.stop());
    await sender.start([runImportJob(database.db)], { work: false });
    await sender.enqueue(RUN_IMPORT_JOB, { importJobId: up.id }, { singletonKey: up.id });
    await sender.enqueue(RUN_IMPORT_JOB, { importJobId: up.id }, { singletonKey: up.id }); // a double click
    const status = async () => (await database.db.selectFrom('import_jobs').select(['status', 'imported']).where('id', '=', up.id).executeTakeFirstOrThrow());
    await new Promise((r) => setTimeout(r, 300));
    expect(await status()).toMatchObject({ status: 'queued' });

    const worker = pgBossJobs(database.pool);
    cleanups.push(() => worker.stop());
    await worker.start([runImportJob(database.db)]);
    let last = await status();
    const end = Date.now() + 30_000;
    while (last.status !== 'done' && last.status !== 'failed' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      last = await status();
    }
    expect(last).toEqual({ status: 'done', imported: 3 });
    const queued = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = ${RUN_IMPORT_JOB} and singleton_key = ${up.id}`.execute(database.db);
    expect(queued.rows[0]!.n).toBe(1);
    expect((await auditOf(database.db, t.tenantId, up.id)).map((e) => e.action)).toEqual(['import.uploaded', 'import.requested', 'import.completed']);
  });

  it.skipIf(!process.env.DATABASE_URL)('starts on three nodes at the same moment on an empty PostgreSQL', { timeout: 60_000 }, async () => {
    const scratch = await scratchPostgres();
    cleanups.push(scratch.drop);
    const nodes: Database[] = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: scratch.url, poolMax: 3 })));
    cleanups.push(async () => void (await Promise.all(nodes.map((n) => n.close()))));
    await Promise.all(nodes.map((n) => migrateToLatest(n.db)));
    const queues = nodes.map((n) => pgBossJobs(n.pool));
    cleanups.push(async () => void (await Promise.all(queues.map((q) => q.stop()))));
    const handler = { name: 'test-cron', cron: '17 * * * *', run: async () => {} };
    const results = await Promise.allSettled(queues.map((q) => q.start([handler])));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });
});
