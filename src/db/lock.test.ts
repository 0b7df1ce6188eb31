import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmpDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-lock-')), 'db');

describe('data directory lock', () => {
  it('refuses a second holder while the first process lives, and takes over a dead one’s lock', async () => {
    const dir = tmpDir();
    // A real second process holds the lock.
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import('${path.join(ROOT, 'node_modules/tsx/dist/esm/api/index.mjs')}').then(async (t) => { t.register(); const m = await import('${path.join(ROOT, 'src/db/lock.ts')}'); m.acquireDataDirLock('${dir}'); console.log('locked'); setInterval(() => {}, 1000); })`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    });
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // The holder died without cleaning up: its lock is stale and is taken over.
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(holder.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('`incasso start` on a data directory in use stops with a clear message and exit code 3', { timeout: 60_000 }, async () => {
    const dir = tmpDir();
    const env = { ...process.env, INCASSO_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' };
    const first = spawn(process.execPath, ['bin/incasso.mjs', 'start', '--no-demo', '--no-web-build', '--no-scheduler'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('incasso is running')) resolve();
        });
        first.on('exit', (code) => reject(new Error(`first server exited (${code}): ${out}`)));
      });
      const second = spawnSync(process.execPath, ['bin/incasso.mjs', 'start', '--no-demo', '--no-web-build'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain('already in use by another incasso process');
      expect(second.stderr).toContain(`pid ${first.pid}`);
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
    // A clean shutdown releases the lock.
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
