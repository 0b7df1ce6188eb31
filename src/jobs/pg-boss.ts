import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { JobHandler, Jobs } from './port.ts';

/** Errors that mean "another node was doing the same thing at the same moment": try again. */
const RETRYABLE = new Set(['40P01', '40001', '23505', '42P07', '42710']);

/**
 * pg-boss on the application's own pool: on PGlite there is one connection, so the queue must not
 * open its own. On PostgreSQL with several app nodes, pg-boss coordinates through the database
 * (each cron fires once across nodes, each job is taken by one worker). Nodes starting at the same
 * moment can collide while creating the queue's schema and queues; start() retries those races.
 */
export interface PgBossOptions {
  onError?: (msg: string, err: unknown) => void;
  onRetry?: (msg: string, err: unknown) => void;
  attempts?: number;
}

export function pgBossJobs(pool: pg.Pool, opts: PgBossOptions = {}): Jobs {
  const create = (work: boolean) => {
    const boss = new PgBoss({
      // A node that only sends (--no-scheduler) keeps no timers: no maintenance, no cron.
      supervise: work,
      schedule: work,
      db: {
        executeSql: async (text: string, values: unknown[]) => {
          const r = await pool.query(text, values);
          return { rows: r.rows as unknown[] };
        },
      },
      schema: 'pgboss',
    });
    boss.on('error', (err) => opts.onError?.('job queue error', err));
    return boss;
  };
  let boss: PgBoss | undefined;

  const startOnce = async (handlers: JobHandler[], work: boolean) => {
    const b = create(work);
    try {
      await b.start();
      for (const h of handlers) {
        // A job sent to a queue that does not exist is dropped: every node creates the queues it sends to.
        // 'stately': one job per singleton key waiting and one running (the policy is fixed at creation).
        await b.createQueue(h.name, {
          name: h.name,
          ...(h.singleton ? { policy: 'stately' } : {}),
          ...(h.expireInSeconds ? { expireInSeconds: h.expireInSeconds } : {}),
        });
        if (!work) continue;
        await b.work(h.name, async (jobs) => {
          for (const job of jobs) await h.run(job.data);
        });
        if (h.cron) await b.schedule(h.name, h.cron, {}, { tz: 'Europe/Rome' });
      }
      return b;
    } catch (err) {
      await b.stop({ graceful: false, wait: true }).catch(() => {});
      throw err;
    }
  };

  return {
    async start(handlers, o = {}) {
      const attempts = opts.attempts ?? 5;
      for (let i = 1; ; i++) {
        try {
          boss = await startOnce(handlers, o.work !== false);
          return;
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (i >= attempts || !code || !RETRYABLE.has(code)) throw err;
          opts.onRetry?.(`job queue start collided with another node (${code}), retrying`, err);
          await new Promise((r) => setTimeout(r, 100 * i + Math.floor(Math.random() * 200)));
        }
      }
    },
    async enqueue(name, data, o = {}) {
      if (!boss) throw new Error('job queue not started');
      await boss.send(name, data, o.singletonKey ? { singletonKey: o.singletonKey } : {});
    },
    async stop() {
      await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
