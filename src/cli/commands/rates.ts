import os from 'node:os';
import { Command, Option } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { RATE_SERIES, seriesEnds } from '../../domain/interest/rate-series.ts';
import { installationOperator } from '../../domain/policies.ts';
import { addRatePeriod } from '../../usecases/interest/add-rate-period.ts';
import { correctRatePeriod } from '../../usecases/interest/correct-rate-period.ts';
import { currentRateBook } from '../../usecases/interest/rate-book.ts';
import { rateHistory } from '../../usecases/interest/list-rate-periods.ts';
import { openMigrated } from '../open.ts';
import { dateParam, localeFromEnv, msg, translate, type Message } from '../../domain/messages/index.ts';

/** Who runs this command on the server: --by, else the system user and host. */
const operatorOf = (by: string | undefined) => installationOperator(`ops:${by?.trim() || `${os.userInfo().username}@${os.hostname()}`}`);
const byOption = () => new Option('--by <name>', 'who enters it (recorded with the period; default: system user@host)');

/**
 * Statutory rate tables are the installation's: every tenant's interest uses them, so they are
 * added and corrected here, on the server, by whoever runs the installation — never through a
 * tenant's user interface or API.
 */
export function ratesCommand(config: () => Config) {
  const cmd = new Command('rates').description('Statutory interest rate tables of this installation: list, add the next published period, correct one');
  cmd
    .command('list')
    .description('each series with its last known period, and every period entered since the release (with each version)')
    .action(async () => {
      const database = await openMigrated(config());
      try {
        const t = (m: Message) => translate(m, localeFromEnv(process.env));
        for (const s of seriesEnds(await currentRateBook(database.db))) {
          const to = s.lastTo ?? `(${t(msg('interest.cli_in_force'))})`;
          console.log(`${s.series.padEnd(24)} ${s.rate.padStart(7)} %  ${t(msg('interest.cli_series_end', { from: dateParam(s.lastFrom), to: dateParam(to) }))}`);
        }
        const history = await rateHistory(database.db, operatorOf(undefined));
        if (history.length) {
          console.log(`\n${t(msg('interest.cli_entered_since_release'))}`);
          for (const a of history) {
            console.log(
              `${a.series.padEnd(24)} ${a.from} → ${a.to ?? '…'} ${a.rate}${a.rate2 ? ` / ${a.rate2}` : ''} %  v${a.version}  ${a.source}  (${a.enteredBy}, ${a.enteredAt.slice(0, 10)})${a.reason ? `  ${t(msg('interest.cli_correction', { reason: a.reason }))}` : ''}`,
            );
          }
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
    .addOption(byOption())
    .action(async (o) => {
      const database = await openMigrated(config());
      try {
        const p = await addRatePeriod(database.db, operatorOf(o.by), {
          series: o.series,
          from: o.from,
          to: o.to ?? null,
          rate: o.rate,
          rate2: o.rate2 ?? null,
          source: o.source,
        });
        const period = `${p.series}: ${p.from} → ${p.to ?? '…'} ${p.rate}${p.rate2 ? ` / ${p.rate2}` : ''} %`;
        console.log(translate(msg('interest.cli_period_added', { period }), localeFromEnv(process.env)));
      } finally {
        await database.close();
      }
    });
  cmd
    .command('correct')
    .description('correct a period entered since the release: a new version with its source and reason (never an edit)')
    .addOption(new Option('--series <series>').choices(RATE_SERIES).makeOptionMandatory())
    .requiredOption('--from <date>', 'first day of the period to correct, YYYY-MM-DD')
    .option('--rate <percent>', 'the corrected rate')
    .option('--rate2 <percent>', 'fr-legal: the corrected rate for all other cases')
    .option('--to <date>', 'the corrected last day (only the last period of a series; "open" for until changed)')
    .requiredOption('--source <text>', 'where the corrected figure was published')
    .requiredOption('--reason <text>', 'why, e.g. "typo: 2.65 entered, the GU says 2.56"')
    .addOption(byOption())
    .action(async (o) => {
      const database = await openMigrated(config());
      try {
        const r = await correctRatePeriod(database.db, operatorOf(o.by), {
          series: o.series,
          from: o.from,
          ...(o.rate !== undefined ? { rate: o.rate } : {}),
          ...(o.rate2 !== undefined ? { rate2: o.rate2 } : {}),
          ...(o.to !== undefined ? { to: o.to === 'open' ? null : o.to } : {}),
          source: o.source,
          reason: o.reason,
        });
        const period = `${r.after.series}: ${r.after.from} → ${r.after.to ?? '…'} ${r.after.rate}${r.after.rate2 ? ` / ${r.after.rate2}` : ''} %`;
        console.log(translate(msg('interest.cli_period_corrected', { period, version: r.version, was: r.before.rate }), localeFromEnv(process.env)));
      } finally {
        await database.close();
      }
    });
  return cmd;
}
