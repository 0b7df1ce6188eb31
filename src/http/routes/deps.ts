import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { JobQueue } from '../../jobs/port.ts';

export interface RouteDeps {
  db: Db;
  config: Config;
  /** Where work that outlives a request is sent (imports). */
  jobs: JobQueue;
}
