import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Jobs } from './port.ts';

/**
 * pg-boss on the application's own pool: on PGlite there is one connection, so the queue must not
 * open its own. On PostgreSQL with several app nodes, pg-boss coordinates through the database
 * (each cron fires once across nodes, each job is taken by one worker).
 */
export function pgBossJobs(pool: pg.Pool, opts: { log?: (msg: string, err?: unknown) => void } = {}): Jobs {
  const boss = new PgBoss({
    db: {
      executeSql: async (text: string, values: unknown[]) => {
        const r = await pool.query(text, values);
        return { rows: r.rows as unknown[] };
      },
    },
    schema: 'pgboss',
  });
  boss.on('error', (err) => opts.log?.('job queue error', err));
  let started = false;
  return {
    async start(handlers) {
      await boss.start();
      started = true;
      for (const h of handlers) {
        await boss.createQueue(h.name);
        await boss.work(h.name, async (jobs) => {
          for (const job of jobs) await h.run(job.data);
        });
        if (h.cron) await boss.schedule(h.name, h.cron, {}, { tz: 'Europe/Rome' });
      }
    },
    async enqueue(name, data, o = {}) {
      await boss.send(name, data, o.singletonKey ? { singletonKey: o.singletonKey } : {});
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
