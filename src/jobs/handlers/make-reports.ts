import type { Db } from '../../db/connect.ts';
import { makeDailyDigests } from '../../usecases/alerts/make-daily-digests.ts';
import { makeDueReports } from '../../usecases/reports/make-due-reports.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every morning: the creditors' weekly (Mondays) and monthly (the 1st) reports, and the users' alert
 * digests of yesterday, are made and put in the outbox.
 */
export function makeReportsJob(db: Db): JobHandler {
  return {
    name: 'make-reports',
    cron: '15 6 * * *',
    run: async () => {
      await makeDueReports(db);
      await makeDailyDigests(db);
    },
  };
}
