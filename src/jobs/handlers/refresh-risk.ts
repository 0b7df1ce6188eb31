import type { Database, Db } from '../../db/connect.ts';
import { refreshAllDebtorProfiles } from '../../usecases/risk/refresh-debtor-profiles.ts';
import type { JobHandler, JobQueue } from '../port.ts';

export const REFRESH_RISK_JOB = 'refresh-risk';

/**
 * Every night after the plans are reviewed (02:40) and before the dunning tick (08:05): every debtor's payment-behaviour profile and risk class,
 * recomputed for the new day (days overdue grow without any change to the records), tenant by tenant.
 * Changes during the day refresh their debtors at once (decision 0006); a change of the thresholds
 * (settings, a creditor's own) sends this job for its tenant only (`{ tenantId }`, one waiting per tenant).
 */
export function refreshRiskJob(db: Db, engine?: Database['engine']): JobHandler {
  // Two batches at once on PostgreSQL (two connections: figures of one while the other writes);
  // PGlite has a single connection.
  const concurrency = engine === 'postgres' ? 2 : 1;
  return {
    name: REFRESH_RISK_JOB,
    cron: '10 3 * * *',
    singleton: true,
    run: async (data) => {
      const only = (data as { tenantId?: unknown } | null | undefined)?.tenantId;
      const tenants = typeof only === 'string' ? [{ id: only }] : await db.selectFrom('tenants').select('id').orderBy('id').execute();
      for (const t of tenants) await refreshAllDebtorProfiles(db, t.id, undefined, { concurrency });
    },
  };
}

/** Sends the recomputation of a tenant's risk classes (new thresholds); a queue that fails is logged, the nightly run catches up. */
export async function recomputeRiskClasses(jobs: JobQueue, tenantId: string, log: { error(obj: object, msg: string): void }): Promise<void> {
  await jobs
    .enqueue(REFRESH_RISK_JOB, { tenantId }, { singletonKey: `tenant:${tenantId}` })
    .catch((err: unknown) => log.error({ err, tenantId }, 'risk recomputation not sent to the job queue'));
}
