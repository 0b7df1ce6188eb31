import { createPglite } from '../db/pglite.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * Migrates once for the whole run. On PGlite the migrated data directory is dumped to a file that
 * every test file loads (a fresh initdb costs seconds; loading the dump a fraction of that).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await openDatabase({ databaseUrl: url, poolMax: 2 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('pgliteSnapshot', '');
    return () => {};
  }
  const pglite = await createPglite();
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  await database.close();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-test-')), 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}
