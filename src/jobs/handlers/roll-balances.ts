import type { Db } from '../../db/connect.ts';
import { rollBalances } from '../../usecases/claims/balances.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every ten minutes: stored claim balances not of today yet are brought to today (after midnight,
 * after a migration, after a rate correction). When all are current it costs one indexed query.
 */
export function rollBalancesJob(db: Db): JobHandler {
  return {
    name: 'roll-balances',
    cron: '*/10 * * * *',
    run: async () => {
      await rollBalances(db);
    },
  };
}
