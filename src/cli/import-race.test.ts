import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { mergeDuplicates } from '../db/migrations/0010_unique_tax_ids.ts';
import { scratchPostgres } from '../test/db.ts';
import { createTestTenant, type TestTenant } from '../test/factories.ts';
import { consumerRows, portfolioCsv } from '../test/portfolio.ts';

/**
 * One debtor per tax id and one job per file, under real concurrency: two `incasso import`
 * processes at once on one PostgreSQL database (PGlite has one connection and one process, so
 * there is nothing to race there).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const onPostgres = Boolean(process.env.DATABASE_URL);

let scratch: { url: string; drop(): Promise<void> };
let database: Database;
let t: TestTenant;
let dir: string;

beforeAll(async () => {
  if (!onPostgres) return;
  scratch = await scratchPostgres();
  database = await openDatabase({ databaseUrl: scratch.url, poolMax: 4 });
  await migrateToLatest(database.db);
  t = await createTestTenant(database.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-import-race-'));
}, 120_000);
afterAll(async () => {
  if (!onPostgres) return;
  await database.close();
  await scratch.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface Run {
  code: number | null;
  out: string;
  err: string;
}
function importCli(file: string, creditorId: string): Promise<Run> {
  const child = spawn(process.execPath, ['bin/incasso.mjs', 'import', file, '--tenant', t.slug, '--creditor', creditorId, '--batch-size', '100', '--json'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}
const summaryOf = (r: Run) => JSON.parse(r.out.trim().split('\n').pop()!) as Record<string, number | string>;

async function tenantCounts() {
  const q = await sql<{ debtors: number; taxcodes: number; orphans: number }>`
    select count(*)::int as debtors, count(distinct tax_code)::int as taxcodes,
           count(*) filter (where not exists (select 1 from claims c where c.debtor_id = d.id))::int as orphans
    from debtors d where d.tenant_id = ${t.tenantId}`.execute(database.db);
  return q.rows[0]!;
}

describe.runIf(onPostgres)('concurrent imports on PostgreSQL (two real processes)', () => {
  it('the same list for two creditors at once: one debtor per tax code, every claim once per creditor', { timeout: 300_000 }, async () => {
    // 1,500 rows; every third row a debtor already named earlier in the file (two invoices each).
    const rows = consumerRows(1500, 'TWO').map((r, i) => (i % 3 === 2 ? { ...consumerRows(1, 'X', i)[0]!, ref: r.ref, amount: r.amount } : r));
    const distinctTaxCodes = new Set(rows.map((r) => r.taxCode)).size;
    const file = path.join(dir, 'lista.csv');
    fs.writeFileSync(file, portfolioCsv(rows));
    const [a, b] = await Promise.all([importCli(file, t.creditor.id), importCli(file, t.otherCreditor.id)]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect(summaryOf(a)).toMatchObject({ status: 'done', imported: 1500, rejected: 0 });
    expect(summaryOf(b)).toMatchObject({ status: 'done', imported: 1500, rejected: 0 });
    expect(await tenantCounts()).toEqual({ debtors: distinctTaxCodes, taxcodes: distinctTaxCodes, orphans: 0 });
    const claims = await sql<{ n: number }>`select count(*)::int as n from claims where tenant_id = ${t.tenantId} and external_ref like 'TWO-%'`.execute(database.db);
    expect(claims.rows[0]!.n).toBe(3000);
  });

  it('byte-different copies of one list for one creditor at once: every claim once, no orphan debtor, no raw error', { timeout: 300_000 }, async () => {
    const rows = consumerRows(1200, 'COPY', 20_000);
    const lf = path.join(dir, 'copia-lf.csv');
    const crlf = path.join(dir, 'copia-crlf.csv');
    fs.writeFileSync(lf, portfolioCsv(rows));
    fs.writeFileSync(crlf, portfolioCsv(rows).replace(/\n/g, '\r\n'));
    const [a, b] = await Promise.all([importCli(lf, t.creditor.id), importCli(crlf, t.creditor.id)]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    for (const r of [a, b]) expect(r.err).not.toMatch(/duplicate key|violates unique/);
    const sa = summaryOf(a);
    const sb = summaryOf(b);
    // Between them every row was created once; the other saw it as already there.
    expect(Number(sa.imported) + Number(sb.imported)).toBe(1200);
    expect(Number(sa.imported) + Number(sa.unchanged)).toBe(1200);
    expect(Number(sb.imported) + Number(sb.unchanged)).toBe(1200);
    const claims = await sql<{ n: number }>`select count(*)::int as n from claims where tenant_id = ${t.tenantId} and external_ref like 'COPY-%'`.execute(database.db);
    expect(claims.rows[0]!.n).toBe(1200);
    const counts = await tenantCounts();
    expect(counts.orphans).toBe(0);
    expect(counts.debtors).toBe(counts.taxcodes);
  });

  it('the same file uploaded twice at once is one job', { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'stesso.csv');
    // Long enough (60 batches) that the first upload's job is still running when the second arrives, even
    // when one process starts seconds later on a loaded machine: an upload of a file whose job is done
    // starts a new one (a deliberate re-import), which is not what this test is about.
    fs.writeFileSync(file, portfolioCsv(consumerRows(6000, 'SAME', 40_000)));
    const [a, b] = await Promise.all([importCli(file, t.creditor.id), importCli(file, t.creditor.id)]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const jobs = await database.db.selectFrom('import_jobs').select('id').where('tenant_id', '=', t.tenantId).where('file_name', '=', 'stesso.csv').execute();
    expect(jobs).toHaveLength(1);
    expect(summaryOf(a).jobId).toBe(jobs[0]!.id);
    expect(summaryOf(b).jobId).toBe(jobs[0]!.id);
  });
});

describe.runIf(onPostgres)('merging the duplicates an older version left', () => {
  it('moves claims, payments, notes, addresses and contacts to the oldest debtor, audited, then the key is unique', { timeout: 60_000 }, async () => {
    const db = database.db;
    const cf = 'DPLMRA80A01H501X';
    // As before 0010: the same tax code twice in one tenant (the index is dropped for the test).
    await sql`drop index debtors_tenant_tax_code`.execute(db);
    try {
      const ids: string[] = [];
      for (const name of ['Primo', 'Secondo']) {
        const d = await db
          .insertInto('debtors')
          .values({ tenant_id: t.tenantId, kind: 'consumer', first_name: name, last_name: 'Doppio', display_name: `Doppio ${name}`, tax_code: cf })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(d.id);
        await db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: 'doppio@example.it' }).execute();
        await db.insertInto('addresses').values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: `Via ${name} 1`, postal_code: '00100', city: 'Roma', country: 'IT' }).execute();
        await db.insertInto('notes').values({ tenant_id: t.tenantId, debtor_id: d.id, body: `nota ${name}` } as never).execute();
        await new Promise((r) => setTimeout(r, 5));
      }
      const [keeper, dup] = ids as [string, string];
      await db
        .insertInto('claims')
        .values({ tenant_id: t.tenantId, creditor_id: t.creditor.id, debtor_id: dup, external_ref: `DUP-${dup.slice(0, 8)}`, kind: 'invoice', principal: '100.00', currency: 'EUR', due_date: '2025-01-31', jurisdiction: 'IT' } as never)
        .execute();

      expect(await mergeDuplicates(db as unknown as Kysely<unknown>, 'tax_code')).toBe(1);

      const left = await db.selectFrom('debtors').select('id').where('tenant_id', '=', t.tenantId).where('tax_code', '=', cf).execute();
      expect(left.map((d) => d.id)).toEqual([keeper]);
      const claims = await db.selectFrom('claims').select('debtor_id').where('external_ref', '=', `DUP-${dup.slice(0, 8)}`).execute();
      expect(claims).toEqual([{ debtor_id: keeper }]);
      expect(await db.selectFrom('addresses').select('line1').where('debtor_id', '=', keeper).orderBy('line1').execute()).toEqual([{ line1: 'Via Primo 1' }, { line1: 'Via Secondo 1' }]);
      expect(await db.selectFrom('contacts').select('value').where('debtor_id', '=', keeper).execute()).toEqual([{ value: 'doppio@example.it' }]);
      expect(await db.selectFrom('notes').select('debtor_id').where('debtor_id', 'in', ids).execute()).toHaveLength(2);
      const audit = await db.selectFrom('audit_events').select(['action', 'entity_id', 'before']).where('tenant_id', '=', t.tenantId).where('action', '=', 'debtor.merged').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.entity_id).toBe(keeper);
      expect(JSON.stringify(audit[0]!.before)).toContain(dup);
    } finally {
      await sql`create unique index if not exists debtors_tenant_tax_code on debtors(tenant_id, tax_code) where tax_code is not null`.execute(db);
    }
    // And now the database refuses a second one.
    await expect(
      db.insertInto('debtors').values({ tenant_id: t.tenantId, kind: 'consumer', last_name: 'Terzo', display_name: 'Terzo', tax_code: cf }).execute(),
    ).rejects.toThrow(/debtors_tenant_tax_code/);
  });
});
