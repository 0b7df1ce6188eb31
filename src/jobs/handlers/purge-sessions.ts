import type { Db } from '../../db/connect.ts';
import { purgeExpiredSessions } from '../../usecases/auth/logout.ts';
import type { JobHandler } from '../port.ts';

/** Hourly housekeeping: expired sessions are deleted (they already open nothing). */
export function purgeSessionsJob(db: Db): JobHandler {
  return {
    name: 'purge-expired-sessions',
    cron: '17 * * * *',
    run: async () => {
      await purgeExpiredSessions(db);
    },
  };
}
