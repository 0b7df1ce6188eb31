import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openTestDatabase, scratchPostgres } from '../test/db.ts';
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
