import { createRequire } from 'node:module';
import { Command } from '@commander-js/extra-typings';
import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { AppError, renderAppError } from '../domain/errors.ts';
import { localeFromEnv } from '../domain/messages/index.ts';
import { demoCommand } from './commands/demo.ts';
import { migrateCommand } from './commands/migrate.ts';
import { openapiCommand } from './commands/openapi.ts';
import { startCommand } from './commands/start.ts';
import { tenantCommand, userCommand } from './commands/admin.ts';
import { buildWebCommand } from './commands/build-web.ts';
import { interestCommand } from './commands/interest.ts';
import { importCommand } from './commands/import.ts';
import { ratesCommand } from './commands/rates.ts';
import { dunningCommand } from './commands/dunning.ts';
import { balancesCommand, checkCommand } from './commands/balances.ts';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command()
  .name('incasso')
  .description('incasso — recupero crediti / credit recovery')
  .version(`incasso ${pkg.version} (Node.js ${process.versions.node})`, '-V, --version')
  .showHelpAfterError();

const config = () => loadConfig();
program.addCommand(startCommand(config));
program.addCommand(migrateCommand(config));
program.addCommand(demoCommand(config));
program.addCommand(tenantCommand(config));
program.addCommand(userCommand(config));
program.addCommand(openapiCommand(config));
program.addCommand(buildWebCommand());
program.addCommand(interestCommand(config));
program.addCommand(ratesCommand(config));
program.addCommand(importCommand(config));
program.addCommand(dunningCommand(config));
program.addCommand(balancesCommand(config));
program.addCommand(checkCommand(config));

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
