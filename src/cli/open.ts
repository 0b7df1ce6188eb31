import { applyClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { localeFromEnv, type Locale } from '../domain/messages/index.ts';

/** Opens the configured database (PostgreSQL with DATABASE_URL, else the embedded one) and migrates it. */
export async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

export function describeDatabase(config: Config): string {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  }
  return `embedded (PGlite) in ${config.dataDir}`;
}

/**
 * The frame of a one-shot command: the configured clock (INCASSO_CLOCK), the locale of the environment,
 * the database opened and migrated for `work`, and closed whatever happens.
 */
export async function withDatabase<T>(config: Config, work: (database: Database, locale: Locale) => Promise<T>): Promise<T> {
  applyClock(config.clockStart);
  const locale = localeFromEnv(process.env);
  const database = await openMigrated(config);
  try {
    return await work(database, locale);
  } finally {
    await database.close();
  }
}
