import type { Db } from '../../db/connect.ts';
import { evaluatePlans } from '../../usecases/plans/evaluate-plans.ts';
import type { JobHandler } from '../port.ts';

/** Every night, after the balances rolled: instalments filled from the payments, late ones marked, lapsed and paid plans closed. */
export function evaluatePlansJob(db: Db): JobHandler {
  return {
    name: 'evaluate-plans',
    cron: '40 2 * * *',
    run: async () => {
      await evaluatePlans(db);
    },
  };
}
