import { createRequire } from 'node:module';
import { Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { AppError, renderAppError } from '../domain/errors.ts';
import { localeFromEnv } from '../domain/messages/index.ts';
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command()
  .name('incasso')
  .description('incasso — recupero crediti / credit recovery')
  .version(`incasso ${pkg.version} (Node.js ${process.versions.node})`, '-V, --version')
  .showHelpAfterError();

const config = () => loadConfig();
type Load = () => Promise<CommandUnknownOpts[]>;
/**
 * Each command's module is loaded only when that command runs (an import need not compile the HTTP
 * server, the PDF renderer or the web build): start-up time and memory of every command, measured
 * in bench/import/README.md. Help and unknown commands load them all.
 */
const COMMANDS: Record<string, Load> = {
  start: async () => [(await import('./commands/start.ts')).startCommand(config)],
  migrate: async () => [(await import('./commands/migrate.ts')).migrateCommand(config)],
  demo: async () => [(await import('./commands/demo.ts')).demoCommand(config)],
  tenant: async () => [(await import('./commands/admin.ts')).tenantCommand(config)],
  user: async () => [(await import('./commands/admin.ts')).userCommand(config)],
  openapi: async () => [(await import('./commands/openapi.ts')).openapiCommand(config)],
  'build-web': async () => [(await import('./commands/build-web.ts')).buildWebCommand()],
  interest: async () => [(await import('./commands/interest.ts')).interestCommand(config)],
  rates: async () => [(await import('./commands/rates.ts')).ratesCommand(config)],
  import: async () => [(await import('./commands/import.ts')).importCommand(config)],
  dunning: async () => [(await import('./commands/dunning.ts')).dunningCommand(config)],
  balances: async () => [(await import('./commands/balances.ts')).balancesCommand(config)],
  check: async () => [(await import('./commands/balances.ts')).checkCommand(config)],
  bank: async () => [(await import('./commands/bank.ts')).bankCommand(config)],
  plans: async () => [(await import('./commands/plans.ts')).plansCommand(config)],
  report: async () => [(await import('./commands/report.ts')).reportCommand(config)],
  risk: async () => [(await import('./commands/risk.ts')).riskCommand(config)],
};
const asked = process.argv[2];
const loads = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [COMMANDS[asked]!] : Object.values(COMMANDS);
for (const load of loads) for (const command of await load()) program.addCommand(command);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof DataDirLockedError) {
    process.stderr.write(`\nincasso: ${err.message}\n`);
    process.exit(3);
  }
  if (err instanceof AppError) {
    // In the language of INCASSO_LANG / LANG (Italian by default).
    const shown = renderAppError(err, localeFromEnv(process.env));
    process.stderr.write(`incasso: ${shown.message}\n`);
    // Field lines add the field's name; a message already printed above is not repeated.
    for (const f of shown.fields) if (f.message !== shown.message || shown.fields.length > 1) process.stderr.write(`  ${f.path}: ${f.message}\n`);
    if (shown.fields.length === 1 && shown.fields[0]!.message === shown.message) process.stderr.write(`  (${shown.fields[0]!.path})\n`);
    process.exit(2);
  }
  process.stderr.write(`incasso: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
