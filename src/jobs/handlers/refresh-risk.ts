import type { Database, Db } from '../../db/connect.ts';
import { refreshAllDebtorProfiles } from '../../usecases/risk/refresh-debtor-profiles.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every night after the plans are reviewed (02:40) and before the dunning tick (08:05): every debtor's payment-behaviour profile and risk class,
 * recomputed for the new day (days overdue grow without any change to the records), tenant by tenant.
 * Changes during the day refresh their debtors at once (decision 0006).
 */
export function refreshRiskJob(db: Db, engine: Database['engine']): JobHandler {
  // Two batches at once on PostgreSQL (two connections: figures of one while the other writes);
  // PGlite has a single connection.
  const concurrency = engine === 'postgres' ? 2 : 1;
  return {
    name: 'refresh-risk',
    cron: '10 3 * * *',
    run: async () => {
      const tenants = await db.selectFrom('tenants').select('id').orderBy('id').execute();
      for (const t of tenants) await refreshAllDebtorProfiles(db, t.id, undefined, { concurrency });
    },
  };
}
