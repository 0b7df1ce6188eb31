/**
 * Benchmark of the phone desk's "next" (issue 14 item 8, README.md): on PostgreSQL, a queue over a
 * portfolio of 1M open claims and 250k debtors is filled (timed), then `--operators` operators press
 * "next" at once, each on its own connection and as its own user, record an outcome and press "next"
 * again for `--rounds` rounds, through the real use cases (`nextDebtor`, `recordOutcome`). It prints
 * p50 / p95 / p99 / max of "next" and of the outcome, the throughput, and checks that no debtor was
 * handed to two operators (the grants seen by the operators and the desk's contact log both tell).
 *
 *   npx tsx bench/desk/run.ts [--db incasso_bench_desk] [--template DB] [--operators 50] [--rounds 20] [--think MS] [--keep-queue] [--profile FILE]
 *
 * PostgreSQL: DATABASE_URL (the server; any database on it) or postgres://incasso:incasso@127.0.0.1:5432/postgres.
 * `--db` is reused when it exists. Otherwise it is copied from `--template` (a database bench/claims
 * kept), or bench/claims generates one (`--claims 1000000 --keep`, about an hour) and that is copied.
 * The bench only adds to the portfolio: a mobile number for each debtor without one, its operators,
 * its queue (dropped and made again on each run) and the desk's calls.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../../src/domain/policies.ts';
import { systemActor } from '../../src/domain/policies.ts';
import { createQueue } from '../../src/usecases/desk/create-queue.ts';
import { fillQueue } from '../../src/usecases/desk/fill-queue.ts';
import { nextDebtor, takeNext } from '../../src/usecases/desk/next-debtor.ts';
// An outcome as the desk records it: the call dialled and, for a right-party outcome, the identity confirmed first.
import { recordOnCall as recordOutcome } from '../../src/test/desk.ts';
import { portfolioCopy, portfolioExists } from '../shared/portfolio-db.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DB_NAME = value('db') ?? 'incasso_bench_desk';
const TEMPLATE = value('template');
const OPERATORS = Number(value('operators') ?? 50);
const ROUNDS = Number(value('rounds') ?? 20);
/** Keep the queue of an earlier run (only its worked items are put back as they were): the run without the fill. */
const KEEP_QUEUE = argv.includes('--keep-queue');
/** Each operator's pause between an outcome and the next "next", in ms (a call takes minutes; 0 = back to back). */
const THINK = Number(value('think') ?? 0);
/** Write a CPU profile of this process during the run (not the start-up or the fill) to this file (.cpuprofile). */
const PROFILE = value('profile');
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME) || (TEMPLATE && !/^[a-z_][a-z0-9_]*$/.test(TEMPLATE)) || !(OPERATORS >= 1) || !(ROUNDS >= 1)) {
  console.error('usage: npx tsx bench/desk/run.ts [--db incasso_bench_desk] [--template DB] [--operators 50] [--rounds 20]');
  process.exit(2);
}
/** The bench's clock: Tuesday 15 December 2026, 10:00 in Rome (CET), inside the calling hours, not a holiday. */
const START = new Date('2026-12-15T10:00:00+01:00');
const DAY = '2026-12-15';
/** Each round is a minute later on that clock: 20 rounds stay well inside the 2-hour retry of "no answer". */
const ROUND_MS = 60_000;
const QUEUE = 'Bench desk';

let template = TEMPLATE;
if (!template && !(await portfolioExists(DB_NAME))) {
  console.log('no database to reuse: generating 1M claims with bench/claims (--keep) …');
  const out = execFileSync('npx', ['tsx', 'bench/claims/run.ts', '--claims', '1000000', '--keep', '--no-check', '--repeat', '1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  template = /kept database (\w+)/.exec(out)?.[1];
  if (!template) throw new Error('bench/claims kept no database');
}
// Round trips, counted where every statement passes (BEGIN and COMMIT included).
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const database = await portfolioCopy({ db: DB_NAME, template: template ?? DB_NAME, poolMax: OPERATORS + 2 });
const db = database.db;
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function stats(label: string, ms: number[]): void {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!.toFixed(0);
  console.log(`${label.padEnd(12)} n ${String(s.length).padStart(6)}   p50 ${at(0.5).padStart(5)} ms   p95 ${at(0.95).padStart(5)} ms   p99 ${at(0.99).padStart(5)} ms   max ${at(1).padStart(5)} ms`);
}

try {
  let t = performance.now();
  const tenant = await db.selectFrom('tenants').select('id').where('slug', '=', 'bench').executeTakeFirstOrThrow();
  const creditor = await db.selectFrom('creditors').select('id').where('tenant_id', '=', tenant.id).orderBy('created_at').executeTakeFirstOrThrow();
  const system = systemActor(tenant.id, 'bench');
  // A copied database has no statistics: without them the planner reads the contacts table once per debtor.
  t = performance.now();
  await sql`analyze`.execute(db);
  console.log(`analyze: ${seconds(t)} s`);
  t = performance.now();
  // The number is derived from the debtor, so a second run adds nothing (no anti-join against the
  // table being filled: without statistics the planner reads it once per debtor).
  const phones = await sql`
    insert into contacts (tenant_id, debtor_id, channel, value, status, consent)
    select d.tenant_id, d.id, 'mobile', '+39 3' || lpad((abs(hashtext(d.id::text)) % 1000000000)::text, 9, '0'), 'valid', 'unknown'
      from debtors d
     where d.tenant_id = ${tenant.id}
    on conflict (tenant_id, debtor_id, channel, value) do nothing`.execute(db);
  if (Number(phones.numAffectedRows)) console.log(`mobile numbers added: ${phones.numAffectedRows} in ${seconds(t)} s`);

  // The operators and their supervisor, one user (and actor) each.
  const people: { email: string; role: 'operator' | 'supervisor' }[] = [
    ...Array.from({ length: OPERATORS }, (_, i) => ({ email: `desk-op-${String(i + 1).padStart(3, '0')}@bench.invalid`, role: 'operator' as const })),
    { email: 'desk-supervisor@bench.invalid', role: 'supervisor' },
  ];
  await db
    .insertInto('users')
    .values(people.map((p) => ({ tenant_id: tenant.id, email: p.email, name: p.email.split('@')[0]!, password_hash: 'bench:no-login', role: p.role })))
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const users = await db.selectFrom('users').select(['id', 'email', 'role']).where('tenant_id', '=', tenant.id).where('email', 'in', people.map((p) => p.email)).orderBy('email').execute();
  const actorOf = (u: { id: string; email: string; role: string }): Actor => ({ tenantId: tenant.id, userId: u.id, role: u.role as Actor['role'], creditorId: null, label: `user:${u.email}` });
  const supervisor = actorOf(users.find((u) => u.role === 'supervisor')!);
  const operators = users.filter((u) => u.role === 'operator').map(actorOf);

  // A clean start: the bench's queue again (or the kept one with its worked items back), none of its earlier calls.
  await db.deleteFrom('desk_calls').where('tenant_id', '=', tenant.id).execute();
  await db.deleteFrom('contact_log').where('tenant_id', '=', tenant.id).where('channel', '=', 'desk').execute();
  const kept = KEEP_QUEUE ? await db.selectFrom('work_queues').select('id').where('tenant_id', '=', tenant.id).where('name', '=', QUEUE).executeTakeFirst() : undefined;
  let queueId: string;
  if (kept) {
    queueId = kept.id;
    const reset = await sql`
      update desk_items set leased_by = null, leased_until = null, callback_at = null, callback_user_id = null, last_outcome = null, last_worked_at = null, next_work_at = ${new Date(START.getTime() - 3600_000).toISOString()}::timestamptz
       where tenant_id = ${tenant.id} and queue_id = ${queueId} and (last_worked_at is not null or leased_by is not null or next_work_at > ${START.toISOString()}::timestamptz)`.execute(db);
    console.log(`kept queue: ${reset.numAffectedRows} worked items put back`);
    await sql`vacuum analyze desk_items`.execute(db);
  } else {
    await db.deleteFrom('work_queues').where('tenant_id', '=', tenant.id).where('name', '=', QUEUE).execute();
    await sql`vacuum analyze desk_items`.execute(db);
    await sql`analyze contacts`.execute(db);
    await sql`analyze users`.execute(db);
    console.log(`load before the fill (uptime): ${load()}`);
    t = performance.now();
    const queue = await createQueue(db, supervisor, { name: QUEUE, creditorId: creditor.id, operatorIds: operators.map((o) => o.userId!) }, DAY);
    console.log(`queue created and filled: ${queue.debtors} debtors in ${seconds(t)} s`);
    queueId = queue.id;
    t = performance.now();
    const refill = await fillQueue(db, system, queueId, DAY);
    console.log(`refill of the full queue (the scheduled job): ${refill.debtors} debtors, ${refill.added} added, ${refill.removed} removed in ${seconds(t)} s`);
    await sql`vacuum analyze desk_items`.execute(db);
  }

  // Each operator: "next", an outcome (four in five no answer, one in five a refusal: a right-party
  // conversation), "next" again, for ROUNDS rounds, on a clock a minute later each round.
  const nextMs: number[] = [];
  const outcomeMs: number[] = [];
  const grants: { debtorId: string; operator: string; from: number; to: number }[] = [];
  let none = 0;
  let refused = 0;
  const errors: string[] = [];
  // Warm-up, untimed: every operator's connection opened (50 backends forked at once) and its caches
  // loaded by a "next" on a Sunday, which the calendar refuses after reading the queues and the lease.
  await Promise.all(operators.map((op) => db.transaction().execute(async (trx) => {
    await sql`select pg_sleep(0.2)`.execute(trx);
    await takeNext(trx, op, {}, new Date('2026-12-13T10:00:00+01:00'), 'it');
  })));
  console.log(`load before the run (uptime): ${load()}`);
  // CPU time, which holds under load where wall-clock times do not: this process's, and the database
  // backends' of this run (read from /proc when the server is on this machine and readable).
  const backends = (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db)).rows.map((r) => r.pid);
  const serverCpu = (): number | null => {
    try {
      let ticks = 0;
      for (const pid of backends) {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticks += Number(f[11]) + Number(f[12]);
      }
      return ticks * 10; // ms (USER_HZ 100)
    } catch {
      return null;
    }
  };
  // One operator: the CPU of "next" alone too.
  const nextCpu = { node: 0, server: 0, n: 0, statements: 0 };
  const statements0 = statements;
  const profiler = PROFILE ? new inspector.Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const server0 = serverCpu();
  const run0 = performance.now();
  await Promise.all(
    operators.map(async (op, o) => {
      // With pauses, operators also start at different moments, as a room does; back to back, all at once.
      if (THINK) await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK));
      for (let r = 0; r < ROUNDS; r++) {
        const now = new Date(START.getTime() + r * ROUND_MS + o * 100);
        const t0 = performance.now();
        const c0 = OPERATORS === 1 ? ([process.cpuUsage(), serverCpu(), statements] as const) : null;
        let got;
        try {
          got = await nextDebtor(db, op, {}, now);
        } catch (e) {
          errors.push(`next: ${(e as Error).message}`);
          continue;
        }
        nextMs.push(performance.now() - t0);
        if (c0) {
          const c = process.cpuUsage(c0[0]);
          const s1 = serverCpu();
          nextCpu.node += (c.user + c.system) / 1000;
          if (s1 !== null && c0[1] !== null) nextCpu.server += s1 - c0[1];
          nextCpu.n++;
          nextCpu.statements += statements - c0[2];
        }
        if (!got.found) {
          none++;
          continue;
        }
        const t1 = performance.now();
        try {
          const res = await recordOutcome(db, op, { queueId: got.queueId, debtorId: got.debtorId, outcome: (o + r) % 5 === 0 ? 'RIFIUTO' : 'NON_RISPONDE' }, new Date(now.getTime() + 30_000));
          if (!res.recorded) refused++;
        } catch (e) {
          errors.push(`outcome: ${(e as Error).message}`);
        }
        const t2 = performance.now();
        outcomeMs.push(t2 - t1);
        grants.push({ debtorId: got.debtorId, operator: op.userId!, from: t0, to: t2 });
        if (THINK) await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK));
      }
    }),
  );
  const wall = (performance.now() - run0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = serverCpu();
  const runStatements = statements - statements0;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  console.log(`load after the run (uptime): ${load()}`);
  console.log(`${OPERATORS} operators × ${ROUNDS} rounds${THINK ? ` (pause ~${THINK} ms between calls)` : ''}: ${grants.length} debtors handed out, ${none} "nobody now", ${refused} outcomes refused by the rules, ${errors.length} errors, in ${wall.toFixed(1)} s`);
  for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  error: ${e}`);
  stats('next', nextMs);
  stats('outcome', outcomeMs);
  console.log(`throughput: ${(grants.length / wall).toFixed(1)} next+outcome per second`);
  const pairs = Math.max(1, grants.length);
  const nodeMs = (cpu.user + cpu.system) / 1000 / pairs;
  const pgMs = server0 !== null && server1 !== null ? (server1 - server0) / pairs : null;
  if (nextCpu.n) console.log(`"next" (one operator): ${(nextCpu.statements / nextCpu.n).toFixed(1)} statements, CPU node ${(nextCpu.node / nextCpu.n).toFixed(2)} ms + PostgreSQL ${(nextCpu.server / nextCpu.n).toFixed(2)} ms`);
  console.log(`statements per next+outcome pair: ${(runStatements / pairs).toFixed(1)} (BEGIN and COMMIT included)`);
  console.log(`CPU per next+outcome pair: node ${nodeMs.toFixed(2)} ms${pgMs !== null ? ` + PostgreSQL ${pgMs.toFixed(2)} ms (${backends.length} backends) = ${(nodeMs + pgMs).toFixed(2)} ms` : ' (PostgreSQL backends not readable here)'}`);

  // No debtor to two operators: in what the operators saw, and in the desk's contact log.
  const byDebtor = new Map<string, typeof grants>();
  for (const g of grants) byDebtor.set(g.debtorId, [...(byDebtor.get(g.debtorId) ?? []), g]);
  let overlapping = 0;
  let twice = 0;
  for (const list of byDebtor.values()) {
    if (list.length > 1) twice++;
    for (const a of list) for (const b of list) if (a !== b && a.operator !== b.operator && a.from < b.to && b.from < a.to) overlapping++;
  }
  const shared = await sql<{ n: number }>`
    select count(*)::int as n from (
      select debtor_id from contact_log where tenant_id = ${tenant.id} and channel = 'desk' group by debtor_id having count(distinct actor_label) > 1) x`.execute(db);
  const leased = await db.selectFrom('desk_items').select(sql<number>`count(*)::int`.as('n')).where('queue_id', '=', queueId).where('leased_by', 'is not', null).executeTakeFirstOrThrow();
  console.log(`debtors handed to two operators at once: ${overlapping / 2}; handed out twice at all: ${twice}; called by two operators (contact log): ${shared.rows[0]!.n}; still leased: ${leased.n}`);
  if (overlapping || shared.rows[0]!.n || errors.length) process.exitCode = 1;
} finally {
  await database.close();
}
