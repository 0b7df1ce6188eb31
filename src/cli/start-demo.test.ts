import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { scratchPostgres } from '../test/db.ts';
import { startServer } from '../test/server-process.ts';

/**
 * A real installation never serves the demo: `incasso start` as real processes, on the embedded
 * database and (in the PostgreSQL lane) on a fresh PostgreSQL database.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const tmpDataDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-start-'));
  dirs.push(d);
  return path.join(d, 'db');
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['bin/incasso.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', INCASSO_LANG: 'it', ...env },
    encoding: 'utf8',
    // A whole demo load in a fresh process: slow on a loaded machine (the suite runs files in parallel).
    timeout: 180_000,
  });

describe('configuration', () => {
  it('listens on loopback unless HOST says otherwise, and reads INCASSO_DEMO strictly', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({}).demo).toBeUndefined();
    expect(loadConfig({ INCASSO_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ INCASSO_DEMO: '0' }).demo).toBe(false);
    expect(() => loadConfig({ INCASSO_DEMO: 'maybe' })).toThrow('INCASSO_DEMO');
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'incasso.example']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('incasso start and the demo', () => {
  it('refuses to expose the demo’s published log-ins on a network address, before loading or serving anything', { timeout: 120_000 }, () => {
    const dataDir = tmpDataDir();
    const r = cli(['start', '--no-web-build', '--no-scheduler'], { HOST: '0.0.0.0', INCASSO_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Avvio rifiutato: HOST=0.0.0.0');
    expect(r.stderr).toContain('esporrebbe in rete i log-in demo con password pubblicata (dati demo da caricare)');
    expect(r.stdout).not.toContain('incasso is running');
    expect(r.stdout).not.toContain('demo data loaded');
  });

  it('refuses a network address while a loaded demo still has its published password; serves once there is no demo', { timeout: 300_000 }, async () => {
    const dataDir = tmpDataDir();
    const env = { INCASSO_DATA_DIR: dataDir, DATABASE_URL: '' };
    expect(cli(['demo'], env).status).toBe(0);
    const refused = cli(['start', '--no-demo', '--no-web-build', '--no-scheduler'], { ...env, HOST: '0.0.0.0' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('admin@demo.incasso.test');
    // The demo users are given passwords of their own (here: deactivated) → nothing published is exposed.
    const database = await openDatabase({ dataDir });
    await database.db.updateTable('users').set({ active: false }).execute();
    await database.close();
    const server = await startServer({ ...env, HOST: '0.0.0.0' });
    try {
      expect(server.output()).not.toContain('Avvio rifiutato');
    } finally {
      await server.stop();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('on a fresh PostgreSQL database loads no demo: the published log-in does not open it', { timeout: 120_000 }, async () => {
    const scratch = await scratchPostgres();
    try {
      const server = await startServer({ DATABASE_URL: scratch.url });
      try {
        expect(server.output()).not.toContain('demo data loaded');
        expect(server.output()).toContain('incasso tenant create');
        const res = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@demo.incasso.test', password: 'incasso-demo' }),
        });
        expect(res.status).toBe(401);
      } finally {
        await server.stop();
      }
      const database = await openDatabase({ databaseUrl: scratch.url });
      expect(await database.db.selectFrom('tenants').select('id').execute()).toEqual([]);
      await database.close();
      // Asked for explicitly on a network address: refused, nothing loaded.
      const r = cli(['start', '--demo', '--no-web-build', '--no-scheduler'], { DATABASE_URL: scratch.url, HOST: '0.0.0.0' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Avvio rifiutato');
    } finally {
      await scratch.drop();
    }
  });
});

describe('runtime', () => {
  it('runs on a maintained Node LTS (22 or newer)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });

  // The machine's own Node may be older (Debian's, or an image's 20): the CLI hands over to the Node
  // that `npm ci` installed as a dependency.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => fs.existsSync(p));
  const systemMajor = systemNode ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) : 0;
  it.runIf(systemNode && systemMajor < 22)('started by an older Node, the CLI runs on the installed LTS', () => {
    const r = spawnSync(systemNode!, ['bin/incasso.mjs', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Node\.js 2[2-9]\./);
  });
});

describe('CLI on a new data directory', () => {
  it('says how to get a tenant, and names a missing file without a stack trace', { timeout: 120_000 }, () => {
    const env = { INCASSO_DATA_DIR: tmpDataDir(), DATABASE_URL: '' };
    const csv = path.join(path.dirname(env.INCASSO_DATA_DIR), 'list.csv');
    fs.writeFileSync(csv, 'riferimento;importo\nA-1;10,00\n');
    const noTenant = cli(['import', csv, '--creditor', 'X'], env);
    expect(noTenant.status).toBe(2);
    expect(noTenant.stderr).toContain('incasso demo');
    expect(noTenant.stderr).not.toContain('Tenant ""');
    const missing = cli(['import', path.join(path.dirname(env.INCASSO_DATA_DIR), 'nope.csv'), '--creditor', 'X'], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('File non trovato');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const folder = cli(['import', path.dirname(env.INCASSO_DATA_DIR), '--creditor', 'X'], env);
    expect(folder.stderr).toContain('cartella');
  });
});
