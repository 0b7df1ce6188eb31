import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';

export interface RouteDeps {
  db: Db;
  config: Config;
}
