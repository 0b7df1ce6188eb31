import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

/*
 * A spec's own `incasso start` (the shared server of playwright.config.ts runs on the real clock):
 * the demo data on a fresh embedded database in `dir`, its clock at INCASSO_CLOCK. The same `dir` can be
 * started again later at another moment (the demo is loaded only into an empty database), and the CLI
 * can run on it in between, while no server holds it (PGlite: one process).
 */

const ROOT = path.resolve(import.meta.dirname, '..');

export interface Server {
  url: string;
  /** Stops the server; the data directory stays unless `remove`. */
  stop(remove?: boolean): Promise<void>;
}

/** A fresh data directory for `startServer` / `runCli`. */
export const freshDataDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `incasso-e2e-${name}-`));

const envOf = (dir: string, clock: string) => ({ ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', INCASSO_DATA_DIR: path.join(dir, 'db'), INCASSO_CLOCK: clock, DATABASE_URL: '' });

/** `incasso start` on `dir` with its clock at `clock` (an instant with its offset). */
export async function startServer(clock: string, dir: string = freshDataDir('own')): Promise<Server> {
  const proc: ChildProcess = spawn(process.execPath, ['bin/incasso.mjs', 'start', '--no-web-build', '--no-scheduler'], {
    cwd: ROOT,
    env: { ...envOf(dir, clock), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 240_000);
    proc.stdout!.on('data', () => {
      const m = /incasso is running: (http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  expect(out).toContain('INCASSO_CLOCK');
  return {
    url,
    stop: async (remove = true) => {
      proc.kill('SIGTERM');
      await exited;
      if (remove) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An `incasso` command on `dir` (no server running on it) with its clock at `clock`; its standard output. */
export function runCli(dir: string, clock: string, args: string[]): string {
  return execFileSync(process.execPath, ['bin/incasso.mjs', ...args], { cwd: ROOT, env: envOf(dir, clock), encoding: 'utf8', timeout: 240_000 });
}
