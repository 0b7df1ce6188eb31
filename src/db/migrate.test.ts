import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect.ts';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.ts';

const url = process.env.DATABASE_URL;

describe('migrations', () => {
  it.skipIf(!url)('are applied once when several nodes start together on one PostgreSQL', { timeout: 60_000 }, async () => {
    // A brand-new database, so the race is real: three "nodes" migrate it at the same moment.
    const name = `incasso_mig_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const target = new URL(url!);
      target.pathname = `/${name}`;
      const nodes = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: target.toString(), poolMax: 2 })));
      try {
        const results = await Promise.all(nodes.map((n) => migrateToLatest(n.db)));
        expect(results.flatMap((r) => r.applied)).toEqual(MIGRATION_NAMES);
        const rows = await nodes[0]!.db.selectFrom('incasso_migrations' as never).selectAll().execute();
        expect(rows).toHaveLength(MIGRATION_NAMES.length);
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
