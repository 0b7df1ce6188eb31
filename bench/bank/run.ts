/**
 * Benchmark of the bank import (issue 15 item 8, README.md): on PostgreSQL, a camt.053 of 100,000
 * entries against a portfolio of 1M open claims, through the real use case (`importBankFile`, what
 * `incasso bank import` runs). It prints the wall time, entries/s, the peak RSS and the load, the
 * count per outcome, and checks the result: every expected match and nothing else, and a second
 * import of the same file records nothing.
 *
 *   npx tsx bench/bank/run.ts [--db incasso_bench_bank] [--template incasso_bench_claims_17609] [--entries 100000] [--seed 1]
 *
 * PostgreSQL: DATABASE_URL (the server; any database on it) or postgres://incasso:incasso@127.0.0.1:5432/postgres.
 * `--db` is reused when it exists, else copied (`create database … template`) from `--template` (a
 * database bench/claims kept; never changed). Each run uses its own statement account, so runs add
 * up without touching each other; the claims a run pays are chosen among debtors no earlier run
 * paid, so a run's expectations hold whatever ran before.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { CLAIM_REFERENCE_PREFIX, claimReferences, formatRf } from '../../src/domain/dunning/references.ts';
import { iuvOf, noticeCodeAux3 } from '../../src/domain/municipal/pagopa.ts';
import { systemActor } from '../../src/domain/policies.ts';
import { importBankFile, type BankFileSummary } from '../../src/usecases/bank/import-bank-file.ts';
import { refreshStaleDebtorProfiles } from '../../src/usecases/risk/refresh-debtor-profiles.ts';
import { camtXml, type CamtEntryInput } from '../../src/test/camt.ts';
import { portfolioCopy } from '../shared/portfolio-db.ts';
import { balanceDifferences, balanceFromLedger } from '../../src/domain/claims/balance.ts';
import { money } from '../../src/domain/money.ts';
import { loadLedgers } from '../../src/usecases/claims/ledger.ts';
import { currentRateBook } from '../../src/usecases/interest/rate-book.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DB_NAME = value('db') ?? 'incasso_bench_bank';
const TEMPLATE = value('template') ?? 'incasso_bench_claims_17609';
const ENTRIES = Number(value('entries') ?? 100_000);
/** Chunks placed side by side, each on its own connection (what the server and the CLI do on PostgreSQL: 2). */
const CONNECTIONS = Number(value('connections') ?? 2);
/** Lines per transaction (importBankFile's default 500). */
const CHUNK = value('chunk') ? Number(value('chunk')) : undefined;
/** The big import through `incasso bank import FILE --json` in its own process, as an operator runs it (its peak RSS is then the figure). */
const CLI = argv.includes('--cli');
/** Time every statement this process sends (client side: server time + round trip) and print the costliest kinds. */
const STATEMENTS = argv.includes('--statements');
const statementTimes = new Map<string, { n: number; ms: number }>();
if (STATEMENTS) {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : ((a[0] as { text?: string } | undefined)?.text ?? '?');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    if (key.startsWith('select pid from pg_stat_activity')) return query.apply(this, a); // the bench's own sampling
    const t0 = performance.now();
    const r = query.apply(this, a);
    if (r && typeof (r as Promise<unknown>).then === 'function') {
      void (r as Promise<unknown>).then(
        () => {
          const s = statementTimes.get(key) ?? statementTimes.set(key, { n: 0, ms: 0 }).get(key)!;
          s.n++;
          s.ms += performance.now() - t0;
        },
        () => undefined,
      );
    }
    return r;
  } as never;
}
let seed = Number(value('seed') ?? 1);
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME) || !/^[a-z_][a-z0-9_]*$/.test(TEMPLATE) || !(ENTRIES >= 100)) {
  console.error('usage: npx tsx bench/bank/run.ts [--db incasso_bench_bank] [--template DB] [--entries 100000] [--connections 2] [--chunk 500] [--seed 1] [--cli]');
  process.exit(2);
}
const TODAY = '2026-12-01';
const VALUE_DATE = '2026-11-30';
const rnd = () => {
  // mulberry32: the same seed, the same file.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

const database = await portfolioCopy({ db: DB_NAME, template: TEMPLATE });
const db = database.db;

try {
  let t = performance.now();
  // A fresh copy has no statistics.
  if (database.migrated.length) await sql`analyze`.execute(db);
  const tenant = await db.selectFrom('tenants').select('id').where('slug', '=', 'bench').executeTakeFirstOrThrow();
  const actor = systemActor(tenant.id, 'bench');
  const run = (await db.selectFrom('bank_files').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow()).n;
  const account = `IT60X05428111010000${String(Date.now()).slice(-8)}`;

  // The claims this run pays: one per debtor, debtors no payment touched yet, at random.
  const MATCHED = Math.round(ENTRIES * 0.8);
  t = performance.now();
  const picked = (
    await sql<{ id: string; ref_no: string; external_ref: string; principal: string; debtor_id: string; notice_code: string | null }>`
      select c.id, c.ref_no::text, c.external_ref, c.principal::text, c.debtor_id, c.notice_code
        from (select distinct on (debtor_id) * from claims
               where tenant_id = ${tenant.id} and status in ('open', 'partially_paid')
                 and not exists (select 1 from payments p where p.tenant_id = claims.tenant_id and p.debtor_id = claims.debtor_id)
               order by debtor_id, hashtext(id::text || ${String(seed)})) c
       order by hashtext(c.id::text) limit ${MATCHED}`.execute(db)
  ).rows;
  if (picked.length < MATCHED) throw new Error(`only ${picked.length} unpaid debtors left: copy the database again (drop ${DB_NAME})`);
  console.log(`picked ${picked.length} claims of distinct unpaid debtors in ${seconds(t)} s`);

  // pagoPA: a fifth of the picked claims get a notice code (aux 3, segregation code 01), as a comune's would.
  t = performance.now();
  const noticed = picked.filter((_, i) => i % 5 === 1 && !_.notice_code);
  for (const c of noticed) c.notice_code = noticeCodeAux3('01', c.ref_no.padStart(13, '0'));
  for (let i = 0; i < noticed.length; i += 10_000) {
    const part = noticed.slice(i, i + 10_000);
    await sql`update claims c set notice_code = v.code from unnest(${part.map((c) => c.id)}::uuid[], ${part.map((c) => c.notice_code)}::text[]) v(id, code) where c.id = v.id and c.tenant_id = ${tenant.id}`.execute(db);
  }
  console.log(`notice codes given to ${noticed.length} claims in ${seconds(t)} s`);

  // The file: what each entry says and what it must become.
  type Expect = { outcome: 'matched' | 'to_reconcile' | 'not_booked' | 'already'; claimId?: string; debtorId?: string };
  const expected = new Map<string, Expect>();
  const earlier: CamtEntryInput[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bank-'));
  const fileName = path.join(dir, `camt053-${ENTRIES}.xml`);
  const out = fs.createWriteStream(fileName);
  const [head, tail] = camtXml({ entries: [], account, statementId: `BENCH-${run}-2` }).split('\n\n');
  out.write(`${head}\n`);
  const names = ['Rossi Mario', 'Bianchi Anna', 'Ferrari Luca', 'Esposito Giulia', 'Romano Paolo', 'Colombo Sara'];
  const amountOf = (principal: string, kind: number) => {
    const p = Number(principal);
    const a = kind === 0 ? p : kind === 1 ? Math.max(1, Math.round(p * 30) / 100) : p * 2 + 17.35;
    return a.toFixed(2);
  };
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  let next = 0;
  let batch: CamtEntryInput[] = [];
  const flush = async () => {
    const xml = camtXml({ entries: batch, account });
    const body = xml.slice(xml.indexOf('</Acct>\n') + 8, xml.lastIndexOf('\n</Stmt>'));
    if (!out.write(`${body}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    batch = [];
  };
  t = performance.now();
  for (let i = 0; i < ENTRIES; i++) {
    const ref = `B${run}-${i + 1}`;
    const r = rnd();
    let e: CamtEntryInput;
    if (i < MATCHED && i % 5 !== 1) {
      // A claim's own RF reference (structured or in the text, printed in groups) or its document number.
      const c = picked[i]!;
      const amount = amountOf(c.principal, i % 3);
      const rf = claimReferences(c.ref_no, CLAIM_REFERENCE_PREFIX).rf;
      const how = i % 10;
      const tx =
        how < 5
          ? { amount, reference: rf, name: names[i % names.length] }
          : how < 8
            ? { amount, text: [`Pagamento acconto ${formatRf(rf)}`], name: names[i % names.length] }
            : { amount, text: [`saldo fattura ${c.external_ref} del cliente`] };
      e = { amount, acctSvcrRef: ref, valueDate: VALUE_DATE, txs: [tx] };
      count(how < 5 ? 'rf' : how < 8 ? 'rf_text' : 'document');
      expected.set(ref, { outcome: 'matched', claimId: c.id, debtorId: c.debtor_id });
    } else if (i < MATCHED) {
      // pagoPA: the notice code as the structured reference, or the IUV as /RFB/ in the text.
      const c = picked[i]!;
      const amount = amountOf(c.principal, i % 3);
      const tx = i % 2 ? { amount, reference: c.notice_code! } : { amount, text: [`/RFB/${iuvOf(c.notice_code!)}/${amount}/TXT/TARI 2025`] };
      e = { amount, acctSvcrRef: ref, valueDate: VALUE_DATE, txs: [tx] };
      count(i % 2 ? 'notice' : 'iuv_text');
      expected.set(ref, { outcome: 'matched', claimId: c.id, debtorId: c.debtor_id });
    } else if (r < 0.5) {
      // An unknown payer: a name no debtor has, no reference.
      const amount = (10 + Math.floor(rnd() * 90000) / 100).toFixed(2);
      e = { amount, acctSvcrRef: ref, valueDate: VALUE_DATE, txs: [{ amount, text: ['regalo di Natale'], name: `Zqx Sconosciuto ${i}` }] };
      count('unknown');
      expected.set(ref, { outcome: 'to_reconcile' });
    } else if (r < 0.65) {
      // A return of a direct debit or a recalled transfer.
      const amount = (10 + Math.floor(rnd() * 90000) / 100).toFixed(2);
      e = { amount, acctSvcrRef: ref, direction: 'DBIT', reversal: true, valueDate: VALUE_DATE, txs: [{ amount, returnReason: 'AC04', text: ['storno'] }] };
      count('return');
      expected.set(ref, { outcome: 'to_reconcile' });
    } else if (r < 0.75) {
      // Pending: kept, not paid in.
      const amount = '99.00';
      e = { amount, acctSvcrRef: ref, status: 'PDNG', valueDate: VALUE_DATE, txs: [{ amount, reference: formatRf(claimReferences(picked[i % MATCHED]!.ref_no, CLAIM_REFERENCE_PREFIX).rf) }] };
      count('pending');
      expected.set(ref, { outcome: 'not_booked' });
    } else if (r < 0.85) {
      // A valid RF of ours naming no claim.
      const amount = '50.00';
      e = { amount, acctSvcrRef: ref, valueDate: VALUE_DATE, txs: [{ amount, reference: claimReferences(String(900_000_000 + i), CLAIM_REFERENCE_PREFIX).rf }] };
      count('rf_unknown');
      expected.set(ref, { outcome: 'to_reconcile' });
    } else {
      // In the earlier statement already (an overlapping statement): recorded once, by that import.
      const amount = '70.00';
      e = { amount, acctSvcrRef: ref, valueDate: VALUE_DATE, txs: [{ amount, text: ['bonifico'], name: `Zqy Ripetuto ${i}` }] };
      earlier.push(e);
      count('duplicate');
      expected.set(ref, { outcome: 'already' });
    }
    batch.push(e);
    next++;
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  out.end(`${tail}`);
  await new Promise<void>((r) => out.once('finish', () => r()));
  const size = fs.statSync(fileName).size;
  console.log(`file of ${next} entries (${(size / 1e6).toFixed(1)} MB) written in ${seconds(t)} s: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);

  // The earlier statement: its entries first (small, so its time is not the figure).
  const earlierFile = { name: `earlier-${run}.xml`, bytes: new TextEncoder().encode(camtXml({ entries: earlier, account, statementId: `BENCH-${run}-1` })) };
  t = performance.now();
  const first = await importBankFile(db, actor, earlierFile, { today: TODAY });
  console.log(`earlier statement: ${first.entries} entries in ${seconds(t)} s (to reconcile ${first.toReconcile})`);

  await sql`analyze bank_entries`.execute(db);
  // The server's settings that decide how much of the work is disk and WAL (printed with the figures),
  // and its counters before the import: what the file cost in WAL, full-page images and buffer reads.
  const settings = (
    await sql<{ name: string; setting: string }>`
      select name, current_setting(name) as setting from unnest(array['shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_compression', 'synchronous_commit', 'effective_io_concurrency']) name`.execute(db)
  ).rows;
  console.log(`server: ${(await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v.split(' on ')[0]}; ${settings.map((r) => `${r.name} ${r.setting}`).join(', ')}`);
  const counters = async () =>
    (
      await sql<{ wal_bytes: string; wal_fpi: string; blks_read: string; blks_hit: string; checkpoints: string; buffers_backend: string }>`
        select w.wal_bytes::text, w.wal_fpi::text, d.blks_read::text, d.blks_hit::text,
               (b.checkpoints_timed + b.checkpoints_req)::text as checkpoints, b.buffers_backend::text
          from pg_stat_wal w, pg_stat_bgwriter b, pg_stat_database d where d.datname = current_database()`.execute(db)
    ).rows[0]!;
  const countersBefore = await counters();
  console.log(`load before: ${load()}`);
  const rssBefore = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  let shown = 0;
  statementTimes.clear();
  // The CPU time of the PostgreSQL backends serving the import (this process's or the CLI's connections
  // to the bench database), read from /proc while it runs: a figure that holds under load.
  const backendCpu = new Map<number, number>();
  const sampleBackends = async () => {
    const pids = (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and application_name = 'incasso' and pid <> pg_backend_pid()`.execute(db)).rows;
    for (const { pid } of pids) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        backendCpu.set(pid, Math.max(backendCpu.get(pid) ?? 0, (Number(stat[11]) + Number(stat[12])) / 100));
      } catch {
        // gone meanwhile, or another machine's server
      }
    }
  };
  await sampleBackends();
  const backendCpuBefore = new Map(backendCpu);
  const backendTimer = setInterval(() => void sampleBackends().catch(() => undefined), 1000);
  t = performance.now();
  let summary: BankFileSummary;
  let rss: number;
  let cpuSeconds: number;
  let whose = "this process's";
  if (CLI) {
    const run = await cliImport(fileName);
    summary = run.summary;
    rss = run.peakKb;
    cpuSeconds = run.cpuSeconds;
    whose = "the CLI's";
  } else {
    summary = await importBankFile(db, actor, { name: path.basename(fileName), chunks: fs.createReadStream(fileName, { highWaterMark: 1 << 16 }) }, {
      today: TODAY,
      // As the server runs a file (runBankFile): the paid debtors' risk profiles left to the minute's
      // job; measured below on their own.
      profiles: 'job',
      connections: CONNECTIONS,
      ...(CHUNK ? { chunk: CHUNK } : {}),
      onProgress: (s) => {
        if (s.entries >= shown + 10_000) console.log(`  ${(shown = s.entries)} entries, ${seconds(t)} s, load ${load()}`);
      },
    });
    rss = process.resourceUsage().maxRSS;
    const cpu = process.cpuUsage(cpuBefore);
    cpuSeconds = (cpu.user + cpu.system) / 1e6;
  }
  const wall = (performance.now() - t) / 1000;
  let profilesWall = 0;
  let profilesRefreshed = 0;
  if (!CLI) {
    const tp = performance.now();
    profilesRefreshed = await refreshStaleDebtorProfiles(db, tenant.id, { workers: CONNECTIONS });
    profilesWall = (performance.now() - tp) / 1000;
  }
  clearInterval(backendTimer);
  await sampleBackends();
  const pgCpu = [...backendCpu].reduce((sum, [pid, s]) => sum + s - (backendCpuBefore.get(pid) ?? 0), 0);
  console.log(`load after: ${load()}`);
  {
    // pg_stat_database is sent by the backends at the end of a transaction (and at most every 10 s): read after the profiles.
    await sql`select pg_stat_force_next_flush()`.execute(db);
    const after = await counters();
    const delta = (k: keyof typeof after) => Number(after[k]) - Number(countersBefore[k]);
    console.log(
      `server work during the import: WAL ${(delta('wal_bytes') / 2 ** 20).toFixed(0)} MB (${delta('wal_fpi')} full-page images), ${delta('checkpoints')} checkpoints, ` +
        `blocks read ${delta('blks_read')} / hit ${delta('blks_hit')}, buffers written by backends ${delta('buffers_backend')}`,
    );
  }
  console.log(`PostgreSQL backends' CPU during the import${CLI ? '' : ' and the profiles after it'}: ${pgCpu.toFixed(1)} s`);
  if (!CLI) console.log(`PROFILES of ${profilesRefreshed} debtors refreshed after the import (as the CLI does at the end of a file: ${CONNECTIONS} at once) in ${profilesWall.toFixed(1)} s`);
  else {
    // The CLI's process also starts Node and, once the file is done, refreshes the paid debtors' risk
    // profiles: the file's own row tells how long its lines took (created → finished, the server's clock).
    const { rows } = await sql<{ placed: string }>`
      select extract(epoch from finished_at - created_at)::numeric(10, 1)::text as placed from bank_files where id = ${summary.fileId}`.execute(db);
    const placed = Number(rows[0]!.placed);
    console.log(`CLI: the file placed in ${placed.toFixed(1)} s (its row: created → finished); the process ${wall.toFixed(1)} s with Node's start and the profiles after (${(wall - placed).toFixed(1)} s)`);
  }
  if (STATEMENTS) {
    const top = [...statementTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    const total = [...statementTimes.values()].reduce((a, b) => a + b.ms, 0);
    console.log(`statements: ${(total / 1000).toFixed(1)} s waited in all; the costliest:`);
    for (const [k, v] of top) console.log(`  ${(v.ms / 1000).toFixed(2).padStart(7)} s ${String(v.n).padStart(6)}× ${k}`);
  }
  console.log(
    `IMPORT ${summary.entries} entries in ${wall.toFixed(1)} s = ${(summary.entries / wall).toFixed(0)} entries/s, ${((wall * 1000) / summary.entries).toFixed(2)} ms/entry; ` +
      `${whose} CPU ${cpuSeconds.toFixed(1)} s; peak RSS ${(rss / 1024).toFixed(0)} MB${CLI ? '' : ` (before the import ${(rssBefore / 1024).toFixed(0)} MB)`}; ` +
      `matched ${summary.matched}, to reconcile ${summary.toReconcile}, not booked ${summary.notBooked}, already recorded ${summary.alreadyRecorded}, problems ${summary.problems.length}, status ${summary.status}`,
  );

  // The check: each entry as expected, each matched one with a payment of its debtor allocated to its claim.
  const errors: string[] = [];
  const rows = await sql<{ entry_key: string; state: string; payment_id: string | null; claim_ids: string[] | null; debtor_id: string | null; allocated: string[] | null; amount: string; pamount: string | null }>`
    select e.entry_key, e.state, e.payment_id, e.claim_ids, p.debtor_id, p.amount::text as pamount, e.amount::text,
           (select array_agg(a.claim_id::text) from payment_allocations a where a.tenant_id = p.tenant_id and a.payment_id = p.id) as allocated
      from bank_entries e left join payments p on p.id = e.payment_id and p.tenant_id = e.tenant_id
     where e.tenant_id = ${tenant.id} and e.account = ${account}`.execute(db);
  const byKey = new Map(rows.rows.map((r) => [r.entry_key.replace(/^a:/, ''), r]));
  const outcomes: Record<string, number> = {};
  for (const [ref, want] of expected) {
    const row = byKey.get(ref);
    outcomes[want.outcome] = (outcomes[want.outcome] ?? 0) + 1;
    if (!row) errors.push(`${ref}: not recorded`);
    else if (want.outcome === 'matched') {
      if (row.state !== 'matched' || !row.payment_id) errors.push(`${ref}: ${row.state}, expected matched`);
      else if (row.debtor_id !== want.debtorId) errors.push(`${ref}: paid by the wrong debtor`);
      else if (row.pamount !== row.amount) errors.push(`${ref}: payment ${row.pamount} for an entry of ${row.amount}`);
      else if (!row.allocated || new Set(row.allocated).size !== 1 || row.allocated[0] !== want.claimId) errors.push(`${ref}: allocated to ${row.allocated?.join(',') ?? 'nothing'}`);
    } else if (want.outcome === 'to_reconcile' || want.outcome === 'already') {
      if (row.state !== 'to_reconcile' || row.payment_id) errors.push(`${ref}: ${row.state}, expected to_reconcile`);
    } else if (row.state !== 'ignored' || row.payment_id) errors.push(`${ref}: ${row.state}, expected ignored (not booked)`);
  }
  if (rows.rows.length !== expected.size) errors.push(`${rows.rows.length} entries recorded on the account, ${expected.size} expected`);
  const want = { matched: outcomes.matched ?? 0, toReconcile: (outcomes.to_reconcile ?? 0), notBooked: outcomes.not_booked ?? 0, alreadyRecorded: outcomes.already ?? 0 };
  for (const [k, n] of Object.entries(want)) if (summary[k as keyof typeof want] !== n) errors.push(`summary ${k} ${summary[k as keyof typeof want]}, expected ${n}`);
  const payments = await sql<{ n: string }>`select count(*)::text as n from payments p where p.tenant_id = ${tenant.id} and p.debtor_id = any(${picked.map((c) => c.debtor_id)}::uuid[])`.execute(db);
  if (Number(payments.rows[0]!.n) !== want.matched) errors.push(`${payments.rows[0]!.n} payments of the paid debtors, ${want.matched} expected`);

  // The risk profiles of the debtors the file paid: marked by the chunks, refreshed after (as the job does; the CLI at its end), none left marked.
  const profiles = await sql<{ stale: string; missing: string }>`
    select (select count(*) from debtor_profiles_stale s where s.tenant_id = ${tenant.id})::text as stale,
           (select count(*) from unnest(${[...new Set(rows.rows.filter((r) => r.payment_id && r.debtor_id).map((r) => r.debtor_id!))]}::uuid[]) d
             where not exists (select 1 from debtor_profiles p where p.tenant_id = ${tenant.id} and p.debtor_id = d and p.creditor_id is null and p.computed_at >= now() - make_interval(secs => ${wall + 600})))::text as missing`.execute(db);
  if (profiles.rows[0]!.stale !== '0') errors.push(`${profiles.rows[0]!.stale} debtor profiles left marked stale`);
  if (profiles.rows[0]!.missing !== '0') errors.push(`${profiles.rows[0]!.missing} debtors paid without a profile refreshed after the import`);

  // The stored balances of the claims paid: as the engine gives them from each whole ledger, to the
  // stored day (what `incasso check balances` compares, and the figures the roll-forward starts from).
  t = performance.now();
  const book = await currentRateBook(db);
  let balanceDiffs = 0;
  const paidIds = picked.map((c) => c.id);
  for (let i = 0; i < paidIds.length; i += 2000) {
    const ids = paidIds.slice(i, i + 2000);
    const ledgers = await loadLedgers(db, { tenantId: tenant.id }, ids);
    const stored = await db.selectFrom('claim_balances').selectAll().where('claim_id', 'in', ids).execute();
    for (const b of stored) {
      const l = ledgers.get(b.claim_id)!;
      const engine = balanceFromLedger(book, l.terms, l.payments, l.costs, b.balance_on!);
      const mine = { asOf: b.balance_on!, principalPaid: l.principalPaid, interestPaid: l.interestPaid, costsPaid: l.costsPaid, principalDue: b.principal_due, interestDue: b.interest_due, costsDue: b.costs_due, totalDue: b.total_due, partsDue: b.parts_due, interestCarried: b.interest_carried, interestFrom: b.interest_from, problem: b.balance_problem };
      const diff = [...balanceDifferences(mine, engine), ...(money(mine.interestCarried).eq(engine.interestCarried) && mine.interestFrom === engine.interestFrom ? [] : [`carried ${mine.interestCarried} from ${mine.interestFrom} ≠ ${engine.interestCarried} from ${engine.interestFrom}`])];
      if (diff.length && balanceDiffs++ < 5) errors.push(`${l.externalRef}: stored balance ${diff.join('; ')}`);
    }
  }
  if (balanceDiffs) errors.push(`${balanceDiffs} stored balances differ from the engine`);
  console.log(`balances of the ${paidIds.length} claims paid checked against the engine in ${seconds(t)} s: ${balanceDiffs} differences`);

  // The same file again: nothing recorded.
  t = performance.now();
  const again = await importBankFile(db, actor, { name: path.basename(fileName), chunks: fs.createReadStream(fileName, { highWaterMark: 1 << 16 }) }, { today: TODAY });
  console.log(`second import: ${again.entries} entries in ${seconds(t)} s, already recorded ${again.alreadyRecorded}, matched ${again.matched}, to reconcile ${again.toReconcile}, not booked ${again.notBooked}`);
  if (again.alreadyRecorded !== again.entries || again.entries !== summary.entries) errors.push('the second import recorded something');
  const after = await sql<{ n: string }>`select count(*)::text as n from bank_entries where tenant_id = ${tenant.id} and account = ${account}`.execute(db);
  if (Number(after.rows[0]!.n) !== expected.size) errors.push('the second import added entries');

  console.log(errors.length ? `CHECK FAILED (${errors.length}):\n  ${errors.slice(0, 20).join('\n  ')}` : `check: every expected match and nothing else (${want.matched} payments), the second import recorded nothing`);
  console.log(`load: ${load()} (2 cores shared with other sessions: timings are noisy)`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (errors.length) process.exitCode = 1;
} finally {
  await database.close();
}

/**
 * `incasso bank import FILE --tenant bench --json` in a child process on the bench database, with
 * the clock at the bench's day: its summary, its CPU time and the peak RSS (VmHWM) of its process
 * tree (bin/incasso.mjs may hand over to a child with its heap flags), read from /proc while it runs.
 */
async function cliImport(file: string): Promise<{ summary: BankFileSummary; peakKb: number; cpuSeconds: number }> {
  const url = new URL(process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres');
  url.pathname = `/${DB_NAME}`;
  // BENCH_CLI_NODE_FLAGS: node flags for the CLI (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, or heap sizes to compare).
  const flags = (process.env.BENCH_CLI_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, 'bin/incasso.mjs', 'bank', 'import', file, '--tenant', 'bench', '--json'], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: url.toString(), INCASSO_CLOCK: `${TODAY}T12:00:00+01:00`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const tree = (pid: number): number[] => {
    try {
      const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return [pid, ...kids.flatMap(tree)];
    } catch {
      return [];
    }
  };
  const peaks = new Map<number, number>();
  const cpu = new Map<number, number>();
  const tick = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux
  const sample = () => {
    for (const pid of tree(child.pid!)) {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1])));
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        cpu.set(pid, (Number(stat[11]) + Number(stat[12])) / tick);
      } catch {
        // gone meanwhile
      }
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`incasso bank import exited with ${code}: ${out.slice(0, 500)}`);
  return { summary: JSON.parse(out) as BankFileSummary, peakKb: Math.max(...peaks.values()), cpuSeconds: [...cpu.values()].reduce((a, b) => a + b, 0) };
}
