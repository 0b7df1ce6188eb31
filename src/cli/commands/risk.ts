import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { today } from '../../domain/dates.ts';
import { msg, translate } from '../../domain/messages/index.ts';
import { refreshAllDebtorProfiles } from '../../usecases/risk/refresh-debtor-profiles.ts';
import { withDatabase } from '../open.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * `incasso risk refresh`: every debtor's payment-behaviour profile and risk class, recomputed now with
 * the thresholds in force — what the nightly `refresh-risk` job does, and what a change of the
 * thresholds sends to the job queue. For an installation whose server runs without the scheduler, and
 * for demos under INCASSO_CLOCK. Safe to repeat: unchanged profiles are left alone.
 */
export function riskCommand(config: () => Config) {
  const cmd = new Command('risk').description('Payment-behaviour profiles and risk classes');
  cmd
    .command('refresh')
    .description('recompute every debtor’s profile and risk class now (as the nightly job); all tenants unless --tenant')
    .option('--tenant <slug>', 'only this tenant')
    .action((o) =>
      withDatabase(config(), async (database, locale) => {
        const tenants = o.tenant ? [await resolveTenant(database.db, o.tenant)] : await database.db.selectFrom('tenants').select(['id', 'slug']).orderBy('slug').execute();
        const day = today().toString();
        for (const t of tenants) {
          const started = Date.now();
          const profiles = await refreshAllDebtorProfiles(database.db, t.id, day, { concurrency: database.engine === 'postgres' ? 2 : 1 });
          console.log(translate(msg('risk.refreshed', { tenant: t.slug, day, profiles, seconds: ((Date.now() - started) / 1000).toFixed(1) }), locale));
        }
      }),
    );
  return cmd;
}
