import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import * as m0016 from '../../src/db/migrations/0016_component_money.ts';

/** Whether the database exists on the server (DATABASE_URL or the local default). */
export async function portfolioExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    return (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

/**
 * A bench's own copy of a kept 1M-claim portfolio (bench/claims --keep) on PostgreSQL: `db` is reused
 * when it exists, else copied from `template` (`create database … template`; the template is never
 * changed), then brought to the latest migration. A database kept by an older bench/claims may lack
 * 0016 while having 0017, and its applied migrations' times may not sort as their names do (Kysely
 * refuses both): 0016 is applied in its place and the copy's times renumbered in name order.
 */
export async function portfolioCopy(opts: { db: string; template: string; poolMax?: number; log?: (line: string) => void }): Promise<Database & { migrated: string[] }> {
  const log = opts.log ?? console.log;
  if (!/^[a-z_][a-z0-9_]*$/.test(opts.db) || !/^[a-z_][a-z0-9_]*$/.test(opts.template)) throw new Error('database names: lower case letters, digits and _');
  const server = process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [opts.db])).rowCount === 1;
    if (!exists) {
      const t = performance.now();
      await admin.query(`create database ${opts.db} template ${opts.template}`);
      log(`database ${opts.db} copied from ${opts.template} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${opts.db}`;
  const database = await openDatabase({ databaseUrl: url.toString(), ...(opts.poolMax ? { poolMax: opts.poolMax } : {}) });
  const db = database.db;
  const done = new Set((await sql<{ name: string }>`select name from incasso_migrations`.execute(db)).rows.map((r) => r.name));
  if (!done.has('0016_component_money') && done.has('0017_municipal_acts')) {
    await m0016.up(db as never);
    await sql`insert into incasso_migrations (name, timestamp) values ('0016_component_money', '')`.execute(db);
  }
  await sql`
    update incasso_migrations m set timestamp = '2026-01-01T00:' || lpad((o.n / 60)::text, 2, '0') || ':' || lpad((o.n % 60)::text, 2, '0') || '.000Z'
      from (select name, row_number() over (order by name) as n from incasso_migrations) o
     where o.name = m.name
       and exists (select 1 from incasso_migrations a, incasso_migrations b where a.name < b.name and a.timestamp >= b.timestamp)`.execute(db);
  const t = performance.now();
  const applied = await migrateToLatest(db);
  if (applied.applied.length) log(`migrated (${applied.applied.join(', ')}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return Object.assign(database, { migrated: applied.applied });
}
