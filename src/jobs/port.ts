/**
 * The jobs port: what the application needs from a job queue. The pg-boss adapter implements it;
 * nothing else imports pg-boss, so the queue can be upgraded or replaced in one place.
 */
export interface JobHandler {
  name: string;
  /** Cron expression (server time zone Europe/Rome), for recurring jobs. */
  cron?: string;
  run(data: unknown): Promise<void>;
}

export interface Jobs {
  start(handlers: JobHandler[]): Promise<void>;
  enqueue(name: string, data: object, opts?: { singletonKey?: string }): Promise<void>;
  stop(): Promise<void>;
}
