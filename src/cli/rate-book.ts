import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import type { RateBook } from '../domain/interest/regimes.ts';
import { currentRateBook, shippedRateBook } from '../usecases/interest/rate-book.ts';
import { openMigrated } from './open.ts';
import { localeFromEnv, msg, translate } from '../domain/messages/index.ts';

/**
 * The rate book the command line computes with: the database's (shipped tables plus the periods
 * administrators added) whenever it can be read, as the server does; otherwise the shipped tables,
 * saying so on stderr.
 */
export async function rateBookForCli(config: Config): Promise<RateBook> {
  const embeddedExists = fs.existsSync(path.join(config.dataDir, 'PG_VERSION'));
  if (!config.databaseUrl && !embeddedExists) return shippedRateBook();
  try {
    const database = await openMigrated(config);
    try {
      return await currentRateBook(database.db);
    } finally {
      await database.close();
    }
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    process.stderr.write(`incasso: ${translate(msg('interest.cli_embedded_busy'), localeFromEnv(process.env))}\n`);
    return shippedRateBook();
  }
}
