import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/connect.ts';

let shared: Promise<Database> | undefined;

/**
 * A migrated database for a test file: its own PGlite loaded from the snapshot, or a pool on the
 * PostgreSQL of DATABASE_URL. Tests isolate themselves by creating their own tenant (see factories),
 * so nothing needs truncating and files can share one PostgreSQL database.
 */
export function openTestDatabase(): Promise<Database> {
  shared ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (url) return openDatabase({ databaseUrl: url, poolMax: 4 });
    const snapshot = inject('pgliteSnapshot');
    const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
    const database = await openDatabase({ pglite });
    const close = database.close;
    return { ...database, close: async () => { await close(); await pglite.close(); } };
  })();
  return shared;
}
