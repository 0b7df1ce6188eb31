import type { Db } from '../../db/connect.ts';
import { refillQueues } from '../../usecases/desk/refill-queues.ts';
import type { JobHandler } from '../port.ts';

/** Every hour: the desk's work queues follow the portfolio (new debtors in, paid and held ones out, priorities). */
export function refillQueuesJob(db: Db): JobHandler {
  return {
    name: 'refill-queues',
    cron: '41 * * * *',
    run: async () => {
      await refillQueues(db);
    },
  };
}
