#!/usr/bin/env node
// `npm test`: the vitest suites (unit + database on the embedded engine), ending with the line
// "N passed, N failed" that CI reads. Extra arguments go to vitest (e.g. --project db).
// With INCASSO_TEST_COUNTS=<file>, the counts are also appended there (for .ci/run's total).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-vitest-')), 'report.json');
// vitest runs on the same Node as this script, so `npx node@24 scripts/test.mjs` tests on Node 24.
const vitest = path.join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');
const args = [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const started = Date.now();
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(failed, 1); // no report: vitest itself failed
}
if (run.status !== 0 && failed === 0) failed = 1;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\nvitest ${process.argv.slice(2).join(' ') || '(all projects)'} on Node ${process.versions.node}: ${seconds} s`);
if (process.env.INCASSO_TEST_COUNTS) fs.appendFileSync(process.env.INCASSO_TEST_COUNTS, `${passed} ${failed} ${skipped}\n`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
