import type { JobHandler, Jobs } from './port.ts';

export interface InProcessJobs extends Jobs {
  /** Resolves when no job waits or runs, including jobs enqueued while waiting. */
  idle(): Promise<void>;
  /** Errors thrown by handlers, in order (also passed to `onError`). */
  readonly errors: unknown[];
}

export interface InProcessOptions {
  onError?: (msg: string, err: unknown) => void;
}

/**
 * The jobs port in this process, without a database queue: for tests, and for a server built
 * without a queue (`buildServer` with no `jobs`). A job runs after the current request has been
 * answered (never inside it), one at a time per name, in the order sent; a `singleton` handler
 * drops a job whose key already waits. Cron schedules are not run: only the pg-boss adapter
 * schedules. Nothing survives the process — for a real server use the pg-boss adapter.
 */
export function inProcessJobs(opts: InProcessOptions = {}): InProcessJobs {
  const handlers = new Map<string, JobHandler>();
  const queues = new Map<string, { waiting: { data: object; key: string | undefined }[]; running: boolean }>();
  const inFlight = new Set<Promise<void>>();
  const errors: unknown[] = [];

  const pump = (name: string) => {
    const handler = handlers.get(name);
    const q = queues.get(name);
    if (!handler || !q || q.running || q.waiting.length === 0) return;
    q.running = true;
    const run = (async () => {
      await new Promise((r) => setImmediate(r)); // after the answer that enqueued it
      for (let job = q.waiting.shift(); job; job = q.waiting.shift()) {
        try {
          await handler.run(job.data);
        } catch (err) {
          errors.push(err);
          opts.onError?.(`job ${name} failed`, err);
        }
      }
      q.running = false;
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    errors,
    idle,
    async start(hs, o = {}) {
      for (const h of hs) {
        if (o.work !== false) handlers.set(h.name, h);
        if (!queues.has(h.name)) queues.set(h.name, { waiting: [], running: false });
        pump(h.name);
      }
    },
    async enqueue(name, data, o = {}) {
      const q = queues.get(name);
      if (!q) throw new Error(`job queue: no queue named ${name} (start it with its handler first)`);
      if (handlers.get(name)?.singleton && o.singletonKey !== undefined && q.waiting.some((j) => j.key === o.singletonKey)) return;
      q.waiting.push({ data, key: o.singletonKey });
      pump(name);
    },
    async stop() {
      await idle();
      handlers.clear();
    },
  };
}
