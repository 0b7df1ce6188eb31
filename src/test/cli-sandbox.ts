import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../db/connect.ts';
import { scratchPostgres } from './db.ts';

/** The repository's root, where `bin/incasso.mjs` runs from. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fresh place for CLI tests: a data dir for the embedded database, or a scratch PostgreSQL database. */
export interface CliSandbox {
  /** A temporary folder for the test's files (removed afterwards). */
  readonly dir: string;
  /** What points the CLI at the sandbox's database. */
  readonly env: Record<string, string>;
  /** The CLI's environment, speaking the operator's language (INCASSO_LANG): Italian unless a test says otherwise. */
  cliEnv(lang?: string): NodeJS.ProcessEnv;
  /** Runs `incasso <args>` to its end. */
  cli(args: string[], opts?: { lang?: string; timeout?: number }): SpawnSyncReturns<string>;
  /** Opens the sandbox's database from the test (close it afterwards). */
  open(): Promise<Database>;
}

/** Registers the sandbox's set-up and clean-up with vitest; its fields are there from `beforeAll` on. */
export function cliSandbox(name: string): CliSandbox {
  let dir = '';
  let env: Record<string, string> = {};
  let drop = async () => {};
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `incasso-${name}-`));
    if (process.env.DATABASE_URL) {
      const scratch = await scratchPostgres();
      env = { DATABASE_URL: scratch.url };
      drop = scratch.drop;
    } else {
      env = { INCASSO_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' };
    }
  }, 60_000);
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  const cliEnv = (lang = 'it') => ({ ...process.env, LOG_LEVEL: 'warn', INCASSO_LANG: lang, ...env });
  return {
    get dir() {
      return dir;
    },
    get env() {
      return env;
    },
    cliEnv,
    cli: (args, opts = {}) =>
      spawnSync(process.execPath, ['bin/incasso.mjs', ...args], { cwd: ROOT, env: cliEnv(opts.lang), encoding: 'utf8', timeout: opts.timeout ?? 120_000 }),
    open: () => openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.INCASSO_DATA_DIR ?? '' }),
  };
}
