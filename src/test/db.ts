import { createPglite } from '../db/pglite.ts';
import fs from 'node:fs';
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
    const pglite = await createPglite(undefined, { loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
    const database = await openDatabase({ pglite });
    const close = database.close;
    return { ...database, close: async () => { await close(); await pglite.close(); } };
  })();
  return shared;
}

/** A brand-new PostgreSQL database next to DATABASE_URL's (empty, or a copy of `template`); drop() removes it. */
export async function scratchPostgres(opts: { template?: string } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('scratchPostgres needs DATABASE_URL');
  const { default: pg } = await import('pg');
  const name = `incasso_scratch_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  if (opts.template && !/^[a-z0-9_]+$/.test(opts.template)) throw new Error(`bad template name ${opts.template}`);
  await admin.query(opts.template ? `create database ${name} template ${opts.template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        // An autovacuum worker on the database makes FORCE fail for a non-superuser (PostgreSQL 15:
        // "must be a member of the role whose process is being terminated"): it ends by itself, try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '42501') throw err;
            if (attempt >= 60) {
              // Still held after 15 s: leave the scratch database behind rather than fail a test that
              // passed (CI runs on a fresh machine; on a developer's server `incasso_scratch_*` can be dropped by hand).
              console.warn(`scratch database ${name} left behind: ${(err as Error).message}`);
              break;
            }
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
