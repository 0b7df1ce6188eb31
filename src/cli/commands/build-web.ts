import { Command } from '@commander-js/extra-typings';
import { ensureWebBuilt } from '../web-build.ts';

export function buildWebCommand() {
  return new Command('build-web')
    .description('Build the web UI into web/dist')
    .option('--force', 'rebuild even if the sources did not change')
    .action(async (opts) => {
      const r = await ensureWebBuilt({ force: opts.force ?? false, log: (s) => console.log(s) });
      console.log(r === 'fresh' ? 'web UI already up to date' : r === 'built' ? 'web UI built' : 'web UI not built');
      if (r === 'unavailable') process.exitCode = 1;
    });
}
