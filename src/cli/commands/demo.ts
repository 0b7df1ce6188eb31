import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { loadDemo } from '../../usecases/demo/load-demo.ts';
import { openMigrated } from '../open.ts';

export function printLogins(logins: { email: string; password: string; note: string }[]): void {
  console.log('\n  Demo log-ins (password for all: see right):');
  for (const l of logins) console.log(`    ${l.email.padEnd(34)} ${l.password.padEnd(16)} ${l.note}`);
}

export function demoCommand(config: () => Config) {
  return new Command('demo')
    .description('Load the demo data set (once; running it again changes nothing)')
    .action(async () => {
      const database = await openMigrated(config());
      try {
        const t0 = Date.now();
        const r = await loadDemo(database.db);
        console.log(
          r.created
            ? `Demo data loaded in ${Date.now() - t0} ms: ${r.counts.creditors} creditors, ${r.counts.debtors} debtors, ${r.counts.claims} claims, ${r.counts.payments} payments.`
            : 'Demo data already present: nothing changed.',
        );
        printLogins(r.logins);
      } finally {
        await database.close();
      }
    });
}
