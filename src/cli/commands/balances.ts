import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { isoDate } from '../../domain/fields.ts';
import { checkBalances, rollBalances } from '../../usecases/claims/balances.ts';
import { openMigrated } from '../open.ts';

/**
 * What claims owe is stored on them and kept current (src/domain/claims/balance.ts). `check balances`
 * compares every stored balance with the interest engine on the claim's whole ledger; `balances roll`
 * brings them to a day now, as the scheduler does every night.
 */
export function checkCommand(config: () => Config) {
  const cmd = new Command('check').description('Consistency checks of the stored data');
  cmd
    .command('balances')
    .description('compare every claim’s stored balance with the interest engine on its ledger; exit 1 on any difference')
    .option('--limit <n>', 'differences to print', '20')
    .action(async (o) => {
      const database = await openMigrated(config());
      try {
        const started = Date.now();
        const r = await checkBalances(database.db);
        for (const d of r.differences.slice(0, Number(o.limit) || 20)) console.log(`${d.claimId}  ${d.externalRef}  ${d.differences.join('; ')}`);
        console.log(
          `incasso: ${r.checked} pratiche controllate, ${r.differences.length} differenze (${r.checked} claims checked, ${r.differences.length} differences) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        if (r.differences.length) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
  return cmd;
}

export function balancesCommand(config: () => Config) {
  const cmd = new Command('balances').description('Stored claim balances');
  cmd
    .command('roll')
    .description('bring every open claim’s stored balance to a day (default today), as the nightly job does')
    .option('--date <date>', 'YYYY-MM-DD')
    .action(async (o) => {
      const date = o.date === undefined ? undefined : isoDate.parse(o.date);
      const database = await openMigrated(config());
      try {
        const started = Date.now();
        const r = await rollBalances(database.db, date);
        console.log(
          `incasso: saldi al ${r.asOf}: ${r.rolled} aggiornati, ${r.replayed} ricalcolati dal registro, ${r.skipped} occupati (balances as of ${r.asOf}: ${r.rolled} rolled, ${r.replayed} replayed, ${r.skipped} busy) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        await database.close();
      }
    });
  return cmd;
}
