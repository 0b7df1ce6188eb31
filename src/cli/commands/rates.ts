import { Command, Option } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { notFound } from '../../domain/errors.ts';
import { RATE_SERIES } from '../../domain/interest/rate-series.ts';
import { systemActor } from '../../domain/policies.ts';
import { addRatePeriod } from '../../usecases/interest/add-rate-period.ts';
import { listRatePeriods } from '../../usecases/interest/list-rate-periods.ts';
import { openMigrated } from '../open.ts';
import { msg } from '../../domain/messages/index.ts';

export function ratesCommand(config: () => Config) {
  const cmd = new Command('rates').description('Statutory interest rate tables: list them, add the next published period');
  cmd
    .command('list')
    .description('each series with its last known period, and the periods added since the release')
    .action(async () => {
      const database = await openMigrated(config());
      try {
        const tenant = await database.db.selectFrom('tenants').select('id').executeTakeFirst();
        const r = await listRatePeriods(database.db, systemActor(tenant?.id ?? '00000000-0000-0000-0000-000000000000', 'cli'));
        for (const s of r.series) console.log(`${s.series.padEnd(24)} ${s.rate.padStart(7)} %  dal ${s.lastFrom} al ${s.lastTo ?? '(in vigore)'}`);
        if (r.added.length) {
          console.log('\nAggiunti dopo il rilascio (added since the release):');
          for (const a of r.added) console.log(`${a.series.padEnd(24)} ${a.from} → ${a.to ?? '…'} ${a.rate}${a.rate2 ? ` / ${a.rate2}` : ''} %  ${a.source} (${a.addedBy})`);
        }
      } finally {
        await database.close();
      }
    });
  cmd
    .command('add')
    .description('add the next period of a series, with its published source')
    .addOption(new Option('--series <series>').choices(RATE_SERIES).makeOptionMandatory())
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD (1 January / 1 July for semester series)')
    .option('--to <date>', 'last day, YYYY-MM-DD (omit: until changed)')
    .requiredOption('--rate <percent>', 'e.g. 2.40 (it-commercial-reference: the ECB reference rate of the semester)')
    .option('--rate2 <percent>', 'fr-legal: the rate for all other cases')
    .requiredOption('--source <text>', 'where it was published, e.g. "MEF comunicato GU n. 15 del 20/01/2027"')
    .requiredOption('--tenant <slug>', 'the tenant whose audit log records the change')
    .action(async (o) => {
      const database = await openMigrated(config());
      try {
        const tenant = await database.db.selectFrom('tenants').select('id').where('slug', '=', o.tenant).executeTakeFirst();
        if (!tenant) throw notFound(msg('not_found.tenant_named', { name: o.tenant }));
        const p = await addRatePeriod(database.db, systemActor(tenant.id, 'cli'), {
          series: o.series,
          from: o.from,
          to: o.to ?? null,
          rate: o.rate,
          rate2: o.rate2 ?? null,
          source: o.source,
        });
        console.log(`${p.series}: ${p.from} → ${p.to ?? '…'} ${p.rate}${p.rate2 ? ` / ${p.rate2}` : ''} % added`);
      } finally {
        await database.close();
      }
    });
  return cmd;
}
