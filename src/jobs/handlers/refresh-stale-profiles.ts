import type { Db } from '../../db/connect.ts';
import { refreshStaleDebtorProfiles } from '../../usecases/risk/refresh-debtor-profiles.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every minute: the debtor profiles marked stale and not refreshed — a bank import killed after a
 * chunk committed its payments and marks, before its end refreshed them (decision 0006).
 */
export function refreshStaleProfilesJob(db: Db): JobHandler {
  return {
    name: 'refresh-stale-profiles',
    cron: '* * * * *',
    singleton: true,
    run: async () => {
      await refreshStaleDebtorProfiles(db);
    },
  };
}
