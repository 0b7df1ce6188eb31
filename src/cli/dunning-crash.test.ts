import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { Temporal, today } from '../domain/dates.ts';
import { scratchPostgres } from '../test/db.ts';
import { startSmtpServer, type ReceivedMail } from '../test/smtp.ts';

/**
 * The dunning tick with real processes, a real SMTP server and real kills. The demo portfolio is
 * loaded twice: into a control database, where two ticks run undisturbed, and into the database under
 * test, where the first tick is SIGKILLed after a few committed batches, restarted, and followed by
 * the second tick (and, on PostgreSQL, where two processes run the same tick at the same moment).
 * The SMTP server must receive exactly the control's e-mails — none lost, none twice — and the
 * database must hold exactly the control's steps.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DAY1 = today().toString();
const DAY2 = Temporal.PlainDate.from(DAY1).add({ days: 40 }).toString();

interface Target {
  env: Record<string, string>;
  drop(): Promise<void>;
}
const targets: Target[] = [];
let dir: string;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

async function newTarget(name: string): Promise<Target> {
  let t: Target;
  if (process.env.DATABASE_URL) {
    const scratch = await scratchPostgres();
    t = { env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
  } else {
    t = { env: { INCASSO_DATA_DIR: path.join(dir, name), DATABASE_URL: '' }, drop: async () => {} };
  }
  targets.push(t);
  const demo = spawnSync(process.execPath, ['bin/incasso.mjs', 'demo'], { cwd: ROOT, env: cliEnv(t), encoding: 'utf8', timeout: 120_000 });
  expect(demo.status, demo.stderr).toBe(0);
  return t;
}

/** A copy of a target's database as it is now (the demo loaded once serves both sides). */
async function cloneTarget(from: Target, name: string): Promise<Target> {
  let t: Target;
  if (process.env.DATABASE_URL) {
    const scratch = await scratchPostgres({ template: new URL(from.env.DATABASE_URL!).pathname.slice(1) });
    t = { env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
  } else {
    const to = path.join(dir, name);
    fs.cpSync(from.env.INCASSO_DATA_DIR!, to, { recursive: true });
    t = { env: { INCASSO_DATA_DIR: to, DATABASE_URL: '' }, drop: async () => {} };
  }
  targets.push(t);
  return t;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-dunning-crash-'));
  smtp = await startSmtpServer();
}, 60_000);
afterAll(async () => {
  await smtp.close();
  for (const t of targets) await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

const cliEnv = (t: Target) => ({ ...process.env, LOG_LEVEL: 'warn', INCASSO_LANG: 'it', SMTP_URL: smtp.url, INCASSO_MAIL_FROM: 'incasso@test.example', ...t.env });
const tickArgs = (date: string, extra: string[] = []) => ['bin/incasso.mjs', 'dunning', 'run', '--date', date, '--tenant', 'demo', ...extra];

/** A tick in its own process. Asynchronous: the SMTP server it delivers to lives in this process. */
async function tick(t: Target, date: string, extra: string[] = []) {
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, tickArgs(date, extra), { cwd: ROOT, env: cliEnv(t), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
  expect(r.code, r.out).toBe(0);
  return r;
}

/** Runs a tick and SIGKILLs it once `batches` batches are committed; resolves when it is dead. */
async function tickKilledAfter(t: Target, date: string, batches: number): Promise<string> {
  const child = spawn(process.execPath, tickArgs(date, ['--batch-size', '10']), { cwd: ROOT, env: cliEnv(t), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if ((err.match(/lotto registrato/g) ?? []).length >= batches) child.kill('SIGKILL');
    });
    child.once('exit', () => resolve());
    child.once('error', reject);
  });
  return err;
}

/** What the database says went out: per claim the steps it received, per e-mail its recipient and claims. */
async function stepsIn(t: Target) {
  const database = await openDatabase({ databaseUrl: t.env.DATABASE_URL || undefined, dataDir: t.env.INCASSO_DATA_DIR ?? '' });
  try {
    const rows = await database.db
      .selectFrom('communication_claims as cc')
      .innerJoin('communications as m', 'm.id', 'cc.communication_id')
      .innerJoin('claims as c', 'c.id', 'cc.claim_id')
      .select(['c.external_ref', 'cc.step_key', 'm.run_date', 'm.channel', 'm.recipient', 'm.status', 'm.message_id', 'cc.total_due', 'cc.fee'])
      .where('cc.superseded', '=', false)
      .execute();
    const steps = rows.map((r) => `${r.external_ref} ${r.step_key} ${r.run_date} ${r.channel} ${r.recipient} ${r.total_due} ${r.fee ?? '-'}`).sort();
    const mails = [...new Set(rows.filter((r) => r.message_id).map((r) => `${r.message_id}|${r.status}`))];
    const fees = await database.db.selectFrom('claim_costs').select(['source_key']).where('kind', '=', 'reminder_fee').execute();
    const count = await database.db.selectFrom('communications').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { steps, mails, feeKeys: fees.map((f) => f.source_key!), communications: Number(count.n) };
  } finally {
    await database.close();
  }
}

/**
 * The e-mails as a reader sees them, with the two numbers that come from database sequences — the
 * document number and a bundle's payment reference — masked: a killed transaction uses up numbers.
 */
const mailsTo = (received: ReceivedMail[]) =>
  received.map((m) => `${m.to} ${m.subject} ${m.text.replace(/C-\d+/g, 'C-#').replace(/RF\d\d[\d ]*\d/g, 'RF#')}`).sort();

describe('dunning tick: crash safety and several nodes', () => {
  it('a kill mid-tick, a restart and a second tick send exactly the expected e-mails, each once', { timeout: 480_000 }, async () => {
    // Control: the two ticks undisturbed.
    const control = await newTarget('control');
    const crashed = await cloneTarget(control, 'crashed');
    await tick(control, DAY1);
    await tick(control, DAY2);
    const expected = await stepsIn(control);
    const expectedMail = mailsTo(smtp.received);
    expect(expected.steps.length).toBeGreaterThan(100);
    expect(expectedMail.length).toBeGreaterThan(50);
    smtp.received.length = 0;

    // Under test: killed after three committed batches of ten debtors, restarted, then the second tick.
    const err = await tickKilledAfter(crashed, DAY1, 3);
    expect(err).toMatch(/lotto registrato: 30 debitori/);
    const half = await stepsIn(crashed);
    expect(half.steps.length).toBeGreaterThan(0);
    expect(half.steps.length).toBeLessThan(expected.steps.length);
    await tick(crashed, DAY1);
    await tick(crashed, DAY2);

    const got = await stepsIn(crashed);
    expect(got.steps).toEqual(expected.steps);
    expect(got.mails.every((m) => m.endsWith('|sent'))).toBe(true);
    // Every e-mail arrived once: no Message-ID twice, and the same messages as the control's.
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mailsTo(smtp.received)).toEqual(expectedMail);
    expect(new Set(got.feeKeys).size).toBe(got.feeKeys.length);
    expect(got.feeKeys.length).toBe(expected.feeKeys.length);
  });

  it.runIf(process.env.DATABASE_URL)('two processes running the same tick at the same moment perform every step exactly once', { timeout: 480_000 }, async () => {
    const control = await newTarget('control2');
    const shared = await cloneTarget(control, 'shared');
    const alone = await tick(control, DAY1, ['--no-deliver']);
    const expected = await stepsIn(control);

    smtp.received.length = 0;
    const [a, b] = await Promise.all([tick(shared, DAY1, ['--batch-size', '5']), tick(shared, DAY1, ['--batch-size', '5'])]);
    // The debtors were split between them (SKIP LOCKED): what each reports adds up to the control's...
    const done = (o: string) => Number(/— \S+: (\d+) comunicazioni/.exec(o)?.[1] ?? 'NaN');
    const got = await stepsIn(shared);
    expect(done(a.out) + done(b.out)).toBe(done(alone.out));
    expect(got.communications).toBe(expected.communications);
    // ...and together they did exactly the control's steps, each e-mail delivered once.
    expect(got.steps).toEqual(expected.steps);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(got.mails.length);
  });
});
