import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, type Transaction, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
/**
 * A handle inside a transaction. Writing use cases take one (`registerDebtor(trx, …)`,
 * `bookPayment(trx, …)`; the naming table is in docs/architecture.md), so a caller can compose several
 * in one transaction — a bank statement's payments, a plan, a load — and the type refuses a plain
 * handle where a transaction is needed.
 */
export type Trx = Transaction<DB>;

export interface Database {
  db: Db;
  /** The single pool both engines go through; pg-boss shares it (PGlite has one connection). */
  pool: pg.Pool;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// The same parsers on both engines, so values are byte-identical:
// date stays 'YYYY-MM-DD' (never a JS Date shifted by the time zone); numeric and int8 stay strings.
const DATE_OID = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

export interface OpenOptions {
  /** postgres://… — when set, a real PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** Embedded data directory (default engine). */
  dataDir?: string | undefined;
  /** An already created PGlite (tests load a migrated snapshot this way). */
  pglite?: PGlite;
  /** Pool size on PostgreSQL. */
  poolMax?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolMax ?? 10,
      types,
      connectionTimeoutMillis: 10_000,
      application_name: 'incasso',
    });
    // Fail at start with the server's own message rather than at the first request.
    const client = await pool.connect().catch(async (err: unknown) => {
      await pool.end();
      throw new Error(`Cannot connect to PostgreSQL (DATABASE_URL): ${(err as Error).message}`);
    });
    client.release();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      engine: 'postgres',
      close: async () => {
        await db.destroy();
      },
    };
  }

  let release: (() => void) | undefined;
  let pglite = opts.pglite;
  if (!pglite) {
    if (!opts.dataDir) throw new Error('openDatabase needs a databaseUrl, a dataDir or a PGlite instance');
    release = acquireDataDirLock(opts.dataDir);
    try {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      // Loaded only for the embedded engine: a node on PostgreSQL never carries PGlite's ~50 MB.
      const { createPglite } = await import('./pglite.ts');
      pglite = await createPglite(opts.dataDir);
    } catch (err) {
      release();
      throw err;
    }
  }
  const owned = !opts.pglite;
  const instance = pglite;
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pool = new pg.Pool({
    ...createPgConfig(instance),
    // PGlite is one connection: the pool must never open a second one or drop the first.
    max: 1,
    idleTimeoutMillis: 0,
    // A query on the root handle while a transaction holds the connection would wait forever: error instead.
    connectionTimeoutMillis: 30_000,
    types,
  } as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      if (owned) await instance.close();
      release?.();
    },
  };
}
