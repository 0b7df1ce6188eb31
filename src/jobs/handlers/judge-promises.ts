import type { Db } from '../../db/connect.ts';
import { judgePromises } from '../../usecases/desk/judge-promises.ts';
import type { JobHandler } from '../port.ts';

/** Every hour: promises to pay past their date and grace days are judged; broken ones bring the debtor back. */
export function judgePromisesJob(db: Db): JobHandler {
  return {
    name: 'judge-promises',
    cron: '17 * * * *',
    run: async () => {
      await judgePromises(db);
    },
  };
}
