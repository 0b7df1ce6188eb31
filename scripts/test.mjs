#!/usr/bin/env node
// `npm test`: the vitest suites (unit + database on the embedded engine), ending with the line
// "N passed, N failed" that CI reads. Extra arguments go to vitest (e.g. --project db).
// With INCASSO_TEST_COUNTS=<file>, the counts are also appended there (for .ci/run's total), and with
// INCASSO_TEST_FAILURES=<file> each failed test's file, name and first message line (so the end of a
// long CI log says what failed, not only how many).
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
const failures = [];
try {
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  for (const file of report.testResults ?? []) {
    const rel = path.relative(process.cwd(), file.name ?? '');
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) failures.push(`${rel} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (!failedTests.length && file.status === 'failed') failures.push(`${rel}: ${firstLine(file.message)}`);
  }
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(failed, 1); // no report: vitest itself failed
}
if (run.status !== 0 && failed === 0) failed = 1;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\nvitest ${process.argv.slice(2).join(' ') || '(all projects)'} on Node ${process.versions.node}: ${seconds} s`);
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
if (process.env.INCASSO_TEST_FAILURES && failures.length) {
  const lane = `${process.argv.slice(2).join(' ') || 'all projects'}${process.env.DATABASE_URL ? ' (PostgreSQL)' : ''}, Node ${process.versions.node}`;
  fs.appendFileSync(process.env.INCASSO_TEST_FAILURES, failures.map((f) => `[${lane}] ${f}\n`).join(''));
}
if (process.env.INCASSO_TEST_COUNTS) fs.appendFileSync(process.env.INCASSO_TEST_COUNTS, `${passed} ${failed} ${skipped}\n`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);

function firstLine(message) {
  const line = String(message ?? '').split('\n').find((l) => l.trim()) ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
