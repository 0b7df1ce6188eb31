/**
 * The jobs port: what the application needs from a job queue. The pg-boss adapter implements it for
 * the server; `inProcessJobs` implements it in the process (tests, a server built without a queue).
 * Nothing else imports pg-boss, so the queue can be upgraded or replaced in one place.
 */
export interface JobHandler {
  name: string;
  /** Cron expression (server time zone Europe/Rome), for recurring jobs. */
  cron?: string;
  /**
   * At most one job per `singletonKey` waiting, and one running: sending the same key again while
   * one waits does nothing (a double click, two nodes enqueueing the same work).
   */
  singleton?: boolean;
  /** How long one run may take before the queue considers its worker dead (default 15 minutes). */
  expireInSeconds?: number;
  run(data: unknown): Promise<void>;
}

export interface StartOptions {
  /**
   * false: create the handlers' queues so this node can enqueue, but work none of them and schedule
   * nothing (`incasso start --no-scheduler`: another node works the queue). Default true.
   */
  work?: boolean;
}

/** What a sender needs: the HTTP server and use-case callers only enqueue. */
export interface JobQueue {
  enqueue(name: string, data: object, opts?: { singletonKey?: string }): Promise<void>;
}

export interface Jobs extends JobQueue {
  start(handlers: JobHandler[], opts?: StartOptions): Promise<void>;
  stop(): Promise<void>;
}
