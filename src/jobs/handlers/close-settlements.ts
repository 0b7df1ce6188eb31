import type { Db } from '../../db/connect.ts';
import { closeDueSettlements } from '../../usecases/settlements/close-due-settlements.ts';
import type { JobHandler } from '../port.ts';

/** Every night, after the balances rolled: paid settlements closed (the remainder written off), unpaid ones past their deadline expired. */
export function closeSettlementsJob(db: Db): JobHandler {
  return {
    name: 'close-settlements',
    cron: '50 2 * * *',
    run: async () => {
      await closeDueSettlements(db);
    },
  };
}
