import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';

export function openapiCommand(config: () => Config) {
  return new Command('openapi').description('Print the OpenAPI document of the HTTP API').action(async () => {
    // Describing the routes touches no database.
    const { buildServer } = await import('../../http/server.ts');
    const app = await buildServer({ db: null as unknown as Db, config: config() });
    await app.ready();
    process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
  });
}
