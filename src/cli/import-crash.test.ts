import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, ROOT } from '../test/cli-sandbox.ts';
import { consumerRows, portfolioCsv } from '../test/portfolio.ts';

/**
 * A real kill in the middle of an import: the CLI process is SIGKILLed after its first committed
 * batches, then the same command is run again. The job resumes after the last committed batch and
 * every claim of the file exists exactly once; no half batch is ever visible.
 */
const box = cliSandbox('import-crash');
const cliEnv = (lang = 'it') => box.cliEnv(lang);

describe('import crash safety', () => {
  it('resumes a killed import without duplicating or losing a claim', { timeout: 240_000 }, async () => {
    const demo = spawnSync(process.execPath, ['bin/incasso.mjs', 'demo'], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 120_000 });
    expect(demo.status, demo.stderr).toBe(0);
    const rows = consumerRows(3000, 'CRASH', 10_000);
    const file = path.join(box.dir, 'portafoglio.csv');
    fs.writeFileSync(file, portfolioCsv(rows));
    const args = ['bin/incasso.mjs', 'import', file, '--tenant', 'demo', '--creditor', 'FERLOM', '--batch-size', '100'];

    // First run: killed as soon as a few batches are committed — the launcher and the import process it
    // hands over to (bin/incasso.mjs) at the same instant, as a power cut or the service manager would.
    const child = spawn(process.execPath, args, { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let err = '';
    let killed = false;
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (!killed && (err.match(/righe /g) ?? []).length >= 3) {
          killed = true;
          process.kill(-child.pid!, 'SIGKILL');
        }
      });
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
    expect(err).toMatch(/righe/);

    // Second run: resumes the same job and finishes it.
    const again = spawnSync(process.execPath, [...args, '--json'], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 180_000 });
    expect(again.status, again.stderr + again.stdout).toBe(0);
    expect(again.stderr).toMatch(/Riprendo l'importazione/);
    const summary = JSON.parse(again.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(summary).toMatchObject({ status: 'done', rowsRead: 3000, rejected: 0 });
    expect((summary.imported as number) + (summary.updated as number) + (summary.unchanged as number)).toBe(3000);

    // A third run of the same file: a new job that changes nothing.
    const third = spawnSync(process.execPath, [...args, '--json'], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 180_000 });
    expect(third.status, third.stderr).toBe(0);
    expect(JSON.parse(third.stdout.trim().split('\n').pop()!)).toMatchObject({ status: 'done', imported: 0, updated: 0, unchanged: 3000 });

    const database = await box.open();
    try {
      const claims = await database.db.selectFrom('claims').select(['external_ref']).where('external_ref', 'like', 'CRASH-%').execute();
      expect(claims).toHaveLength(3000);
      expect(new Set(claims.map((c) => c.external_ref)).size).toBe(3000);
      const debtors = await database.db.selectFrom('debtors').select('tax_code').where('last_name', 'like', 'Rossi%').where('first_name', '=', 'Mario').execute();
      expect(new Set(debtors.map((d) => d.tax_code)).size).toBe(debtors.length);
      const jobs = await database.db.selectFrom('import_jobs').select(['status', 'rows_read', 'imported']).orderBy('created_at').execute();
      expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
      expect(jobs[0]!.rows_read).toBe(3000);
      expect(jobs[0]!.imported).toBe(3000);
    } finally {
      await database.close();
    }
  });

  it('a dry run with --json lists the rows it would reject, with their reasons', { timeout: 120_000 }, async () => {
    const rows = consumerRows(3, 'DRYCLI', 20_000);
    const file = path.join(box.dir, 'prova.csv');
    fs.writeFileSync(file, portfolioCsv([rows[0]!, { ...rows[1]!, amount: '12,345' }, rows[2]!]));
    const args = ['bin/incasso.mjs', 'import', file, '--tenant', 'demo', '--creditor', 'FERLOM', '--dry-run', '--decimal', ','];
    const json = spawnSync(process.execPath, [...args, '--json'], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 100_000 });
    expect(json.status, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout.trim().split('\n').pop()!) as { rejected: number; rejects: { line: number; problems: { column: string }[] }[] };
    expect(summary).toMatchObject({ dryRun: true, imported: 2, rejected: 1 });
    expect(summary.rejects.map((r) => [r.line, r.problems[0]!.column])).toEqual([[3, 'Importo']]);
    // The same dry run for an English-speaking operator: summary and reasons in English.
    const english = spawnSync(process.execPath, args, { cwd: ROOT, env: cliEnv('en'), encoding: 'utf8', timeout: 100_000 });
    expect(english.status, english.stderr).toBe(0);
    expect(english.stdout).toMatch(/^Import [0-9a-f-]+ — prova\.csv for .*: done \(dry run: nothing was written\)$/m);
    expect(english.stdout).toMatch(/^ {2}rows read +3$/m);
    expect(english.stdout).toContain('  line 3: Importo: Amount "12,345" with more than two decimals');
  });
});
