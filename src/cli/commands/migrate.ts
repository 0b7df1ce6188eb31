import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { describeDatabase } from '../open.ts';

export function migrateCommand(config: () => Config) {
  return new Command('migrate').description('Bring the database schema up to date (safe to run on several nodes at once)').action(async () => {
    const c = config();
    const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.dataDir });
    try {
      const { applied } = await migrateToLatest(database.db);
      console.log(`${describeDatabase(c)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`);
    } finally {
      await database.close();
    }
  });
}
