#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx registers its loader, then the CLI starts.
//
// incasso runs on a maintained Node LTS (24, see docs/decisions/0003-node-runtime.md). The `node`
// npm dependency installs that runtime into node_modules, and npm scripts (`npm start`, `npm test`)
// already run on it. When this file is started by an older Node directly (`node bin/incasso.mjs`,
// `npx incasso`), it hands over to the installed runtime; without one it refuses with the fix.
import { spawn } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

const MIN_MAJOR = 22;
const major = Number(process.versions.node.split('.')[0]);
if (major < MIN_MAJOR) {
  const bundled = path.join(import.meta.dirname, '..', 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!process.env.INCASSO_REEXEC && fs.existsSync(bundled)) {
    const child = spawn(bundled, [...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, INCASSO_REEXEC: '1' },
    });
    // A signal to this process (a service manager's SIGTERM, a test's SIGKILL of the child) reaches the server.
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
    child.on('error', (err) => {
      process.stderr.write(`incasso: cannot start Node ${MIN_MAJOR}+ from ${bundled}: ${err.message}\n`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
  } else {
    process.stderr.write(
      `incasso: Node.js ${process.versions.node} è fuori manutenzione; serve Node ${MIN_MAJOR} o più recente ` +
        `(Node.js ${process.versions.node} is past end of life; incasso needs Node ${MIN_MAJOR}+).\n` +
        '  Fix: run `npm ci` in the incasso folder (it installs Node 24 as a dependency), then `npm start`;\n' +
        '  or install Node 24 LTS from your system packages / nvm (`nvm install 24`).\n',
    );
    process.exit(1);
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
