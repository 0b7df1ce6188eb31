#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx registers its loader, then the CLI starts.
//
// incasso runs on a maintained Node LTS (24, see docs/decisions/0003-node-runtime.md). The `node`
// npm dependency installs that runtime into node_modules, and npm scripts (`npm start`, `npm test`)
// already run on it. When this file is started by an older Node directly (`node bin/incasso.mjs`,
// `npx incasso`), it hands over to the installed runtime; without one it refuses with the fix.
//
// `incasso import` and `incasso bank import` run with a capped heap (IMPORT_HEAP_MB, unless the caller set one): without it
// V8 lets the heap grow far past what the import keeps (the module graph compiled by tsx leaves
// ≈ 160 MB of garbage behind), and a 1M-row import peaked at 635 MB (bench/import/README.md). The cap is a start-up flag, so
// this process hands over to a child with it (as for an older Node); the child dies with it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

const MIN_MAJOR = 22;
const IMPORT_HEAP_MB = 192;
/**
 * A bank file's import holds two chunks at once on PostgreSQL (decision 0008): with 192 MB a
 * 100,000-entry file spent 44 s of CPU, most of it in full collections; with 320 MB 33 s and 63.6 s
 * instead of 87.1 s, at the same peak RSS (233 MB against 237 MB). With 640 MB: 29.0–33.5 s of CPU
 * against 32.8–37.7 s for 320 MB over the same file, peak RSS 237–243 MB against 235–242 MB: a
 * limit close to what the import keeps makes V8 collect in full more often, not hold less
 * (bench/bank/README.md, "A claim updated in place").
 */
const BANK_IMPORT_HEAP_MB = 640;
/**
 * Young generation: 3 × the semi-space. 24 MB: a batch's rows (read and checked while the one before is
 * written) mostly die young instead of being copied by a scavenge every 8 MB and promoted. With 8 MB a
 * 100k import ran 671 scavenges and 59 full collections, with 24 MB 187 and 49: the import process's
 * CPU −15 % (22.7 → 19.3 s), peak RSS +40 MB (237 → 277 MB; bench/import/README.md).
 */
const IMPORT_SEMI_SPACE_MB = 24;
const major = Number(process.versions.node.split('.')[0]);

/** Runs this file again under `node` with `flags`, forwarding signals and the exit status. */
function handOver(node, flags) {
  const child = spawn(node, [...flags, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
    // The IPC channel tells the child when this process is gone, even by SIGKILL (see below).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, INCASSO_REEXEC: '1' },
  });
  // A signal to this process (a service manager's SIGTERM, a test's SIGKILL of the child) reaches the server.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    process.stderr.write(`incasso: cannot start Node ${MIN_MAJOR}+ from ${node}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
}

const heapSet = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--max-old-space-size'));
/** The long imports that stream a file: a portfolio (`import`) and a bank file (`bank import`). */
const importing = process.argv[2] === 'import' || (process.argv[2] === 'bank' && process.argv[3] === 'import');
const heapMb = process.argv[2] === 'bank' ? BANK_IMPORT_HEAP_MB : IMPORT_HEAP_MB;
const heapFlags = importing && !heapSet ? [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${IMPORT_SEMI_SPACE_MB}`] : [];

if (process.env.INCASSO_REEXEC && process.send) {
  // Started by the hand-over: when the parent is gone (killed, even with SIGKILL), so is this process,
  // as it would have been without the hand-over. The channel does not keep this process alive.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  process.channel?.unref();
}

if (major < MIN_MAJOR) {
  const bundled = path.join(import.meta.dirname, '..', 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!process.env.INCASSO_REEXEC && fs.existsSync(bundled)) {
    handOver(bundled, heapFlags);
  } else {
    process.stderr.write(
      `incasso: Node.js ${process.versions.node} è fuori manutenzione; serve Node ${MIN_MAJOR} o più recente ` +
        `(Node.js ${process.versions.node} is past end of life; incasso needs Node ${MIN_MAJOR}+).\n` +
        '  Fix: run `npm ci` in the incasso folder (it installs Node 24 as a dependency), then `npm start`;\n' +
        '  or install Node 24 LTS from your system packages / nvm (`nvm install 24`).\n',
    );
    process.exit(1);
  }
} else if (heapFlags.length && !process.env.INCASSO_REEXEC) {
  handOver(process.execPath, heapFlags);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
