import type { Db } from '../../db/connect.ts';
import { rollBalances } from '../../usecases/claims/balances.ts';
import { compactTotals } from '../../usecases/claims/totals.ts';
import { compactDebtorCounts } from '../../usecases/debtors/counts.ts';
import { compactPortal } from '../../usecases/portal/compact-portal.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every ten minutes: stored claim balances not of today yet are brought to today (after midnight,
 * after a migration, after a rate correction), and the portfolio sums the dashboard reads (and the
 * debtor counts the debtors list reads, the creditor portal's figures) are compacted. When all are current it costs two probes of partial indexes.
 */
export function rollBalancesJob(db: Db): JobHandler {
  return {
    name: 'roll-balances',
    cron: '*/10 * * * *',
    run: async () => {
      await rollBalances(db);
      await compactTotals(db);
      await compactDebtorCounts(db);
      await compactPortal(db);
    },
  };
}
