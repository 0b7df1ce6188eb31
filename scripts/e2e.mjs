#!/usr/bin/env node
// Browser lane: Playwright in Debian's Chromium against a real `incasso start`.
// Ends with "N passed, N failed"; with INCASSO_TEST_COUNTS the counts are appended there too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-e2e-report-')), 'report.json');
const cli = path.join(import.meta.dirname, '..', 'node_modules', '@playwright', 'test', 'cli.js');
const run = spawnSync(process.execPath, [cli, 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, E2E_REPORT: report },
});
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
  passed = stats.expected + stats.flaky;
  failed = stats.unexpected;
  skipped = stats.skipped;
} catch {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
if (process.env.INCASSO_TEST_COUNTS) fs.appendFileSync(process.env.INCASSO_TEST_COUNTS, `${passed} ${failed} ${skipped}\n`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
