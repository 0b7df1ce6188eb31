import type { Db } from '../../db/connect.ts';
import { purgeLoginAttempts } from '../../usecases/auth/login-throttle.ts';
import { purgeExpiredSessions } from '../../usecases/auth/logout.ts';
import type { JobHandler } from '../port.ts';

/** Hourly housekeeping: expired sessions and login attempts older than the throttling window are deleted. */
export function purgeSessionsJob(db: Db): JobHandler {
  return {
    name: 'purge-expired-sessions',
    cron: '17 * * * *',
    run: async () => {
      await purgeExpiredSessions(db);
      await purgeLoginAttempts(db);
    },
  };
}
