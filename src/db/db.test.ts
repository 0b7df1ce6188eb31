import { createPglite } from './pglite.ts';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClaim, createTestDebtor, createTestTenant, countRows, type TestTenant } from '../test/factories.ts';
import { openTestDatabase } from '../test/db.ts';
import { openDatabase, type Database, type Db } from './connect.ts';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.ts';

let database: Database;
let db: Db;
let t: TestTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  t = await createTestTenant(db);
});

const ROLLBACK = new Error('rollback');

/**
 * Runs a statement inside a transaction that is always rolled back, and answers the error the
 * database raised (or undefined). Even if a guard were missing, nothing would be changed for good.
 */
async function errorOf(statement: (trx: Db) => Promise<unknown>): Promise<(Error & { code?: string }) | undefined> {
  let caught: (Error & { code?: string }) | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      try {
        await statement(trx);
      } catch (err) {
        caught = err as Error & { code?: string };
      }
      throw ROLLBACK;
    })
    .catch((err: unknown) => {
      if (err !== ROLLBACK) throw err;
    });
  return caught;
}

describe('audit_events is append-only', () => {
  it('refuses update, delete and truncate, whoever asks', async () => {
    // The tenant's creation already recorded events (its two creditors).
    const before = await db.selectFrom('audit_events').select(['id', 'action']).where('tenant_id', '=', t.tenantId).orderBy('id').execute();
    expect(before.map((e) => e.action)).toEqual(['creditor.created', 'creditor.created']);

    const update = await errorOf((trx) => trx.updateTable('audit_events').set({ action: 'tampered' }).where('tenant_id', '=', t.tenantId).execute());
    expect(update?.code).toBe('42501');
    expect(update?.message).toBe('audit_events is append-only: UPDATE refused');
    const del = await errorOf((trx) => trx.deleteFrom('audit_events').where('tenant_id', '=', t.tenantId).execute());
    expect(del?.code).toBe('42501');
    expect(del?.message).toBe('audit_events is append-only: DELETE refused');
    const truncate = await errorOf((trx) => sql`truncate audit_events`.execute(trx));
    expect(truncate?.message).toBe('audit_events is append-only: TRUNCATE refused');

    // The same through plain SQL, as an operator with psql would try it.
    await expect(sql`update audit_events set after = null where tenant_id = ${t.tenantId}`.execute(db)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql`delete from audit_events where tenant_id = ${t.tenantId}`.execute(db)).rejects.toThrow(/append-only: DELETE refused/);

    const after = await db.selectFrom('audit_events').select(['id', 'action']).where('tenant_id', '=', t.tenantId).orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('still accepts new events', async () => {
    const before = await countRows(db, 'audit_events', t.tenantId);
    await db
      .insertInto('audit_events')
      .values({ tenant_id: t.tenantId, actor_label: 'system:test', action: 'test.appended', entity_type: 'test', entity_id: randomUUID() })
      .execute();
    expect(await countRows(db, 'audit_events', t.tenantId)).toBe(before + 1);
  });
});

describe('exact values on the engine in use', () => {
  it('answers dates as YYYY-MM-DD strings and numerics as exact decimal strings', async () => {
    const { rows } = await sql<{ d: unknown; leap: unknown; n: unknown; big: unknown; sum: unknown; i8: unknown; ts: unknown }>`
      select '2024-12-31'::date as d, '2024-02-29'::date as leap, 0.1::numeric(15,2) as n,
             '9999999999999.99'::numeric(15,2) as big, (0.10::numeric(15,2) + 0.20::numeric(15,2)) as sum,
             9007199254740993::bigint as i8, now() as ts`.execute(db);
    const r = rows[0]!;
    expect(r.d).toBe('2024-12-31');
    expect(r.leap).toBe('2024-02-29');
    expect(r.n).toBe('0.10');
    expect(r.big).toBe('9999999999999.99');
    expect(r.sum).toBe('0.30');
    // Beyond 2^53: still exact as a string.
    expect(r.i8).toBe('9007199254740993');
    expect(r.ts).toBeInstanceOf(Date);
  });

  it('stores and reads back money and dates exactly through the tables', async () => {
    const debtor = await createTestDebtor(db, t, { birthDate: '2000-01-01' });
    const a = await createTestClaim(db, t, debtor.id, { interestRegime: 'none', principal: '0.1', dueDate: '2024-02-29', issueDate: '2024-01-01' });
    const b = await createTestClaim(db, t, debtor.id, { interestRegime: 'none', principal: '0.20', dueDate: '2024-12-31' });
    expect(a).toMatchObject({ principal: '0.10', principalPaid: '0.00', totalDue: '0.10', dueDate: '2024-02-29', issueDate: '2024-01-01' });
    const rows = await db
      .selectFrom('claims')
      .select(['id', 'principal', 'principal_paid', 'due_date'])
      .where('id', 'in', [a.id, b.id])
      .orderBy('due_date')
      .execute();
    expect(rows).toEqual([
      { id: a.id, principal: '0.10', principal_paid: '0.00', due_date: '2024-02-29' },
      { id: b.id, principal: '0.20', principal_paid: '0.00', due_date: '2024-12-31' },
    ]);
    const total = await db
      .selectFrom('claims')
      .select(sql<string>`sum(principal)`.as('total'))
      .where('debtor_id', '=', debtor.id)
      .executeTakeFirstOrThrow();
    expect(total.total).toBe('0.30');
    const d = await db.selectFrom('debtors').select('birth_date').where('id', '=', debtor.id).executeTakeFirstOrThrow();
    expect(d.birth_date).toBe('2000-01-01');
  });

  it('refuses what the columns cannot hold exactly, instead of rounding', async () => {
    // Three decimals would be rounded by numeric(15,2): the check is in the input layer, but the
    // column still refuses amounts that do not fit and impossible dates.
    expect((await errorOf((trx) => sql`select '10000000000000.00'::numeric(15,2)`.execute(trx)))?.code).toBe('22003');
    expect((await errorOf((trx) => sql`select '2026-02-30'::date`.execute(trx)))?.code).toBe('22008');
    const debtor = await createTestDebtor(db, t);
    const claim = await createTestClaim(db, t, debtor.id, { interestRegime: 'none', principal: '10.00' });
    const overpaid = await errorOf((trx) => trx.updateTable('claims').set({ principal_paid: '10.01' }).where('id', '=', claim.id).execute());
    expect(overpaid?.code).toBe('23514');
  });
});

describe('migrations', () => {
  let scratch: { db: Kysely<unknown> & Db; close(): Promise<void> } | undefined;
  afterAll(async () => {
    await scratch?.close();
  });

  it('apply nothing when run again on a migrated database', async () => {
    const tables = async () =>
      (await db.introspection.getTables()).map((x) => `${x.schema}.${x.name}`).sort();
    const before = await tables();
    expect(await migrateToLatest(db)).toEqual({ applied: [] });
    expect(await migrateToLatest(db)).toEqual({ applied: [] });
    expect(await tables()).toEqual(before);
    const recorded = await sql<{ name: string }>`select name from incasso_migrations order by name`.execute(db);
    expect(recorded.rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
  });

  // On an empty database of the engine in use: a fresh PGlite, or a scratch PostgreSQL database.
  it.runIf(!process.env.DATABASE_URL)('apply every migration once on an empty PGlite database, then nothing', async () => {
    const pglite = await createPglite();
    const fresh = await openDatabase({ pglite });
    scratch = {
      db: fresh.db as Kysely<unknown> & Db,
      close: async () => {
        await fresh.close();
        await pglite.close();
      },
    };
    expect(await migrateToLatest(fresh.db)).toEqual({ applied: MIGRATION_NAMES });
    expect(await migrateToLatest(fresh.db)).toEqual({ applied: [] });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from incasso_migrations`.execute(fresh.db);
    expect(rows[0]!.n).toBe(MIGRATION_NAMES.length);
    // The trigger exists there too.
    await expect(sql`truncate audit_events`.execute(fresh.db)).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('apply every migration once on an empty PostgreSQL database, then nothing', async () => {
    const name = `incasso_mig_${randomUUID().slice(0, 8)}`;
    await sql`create database ${sql.id(name)}`.execute(db);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const fresh = await openDatabase({ databaseUrl: url.toString(), poolMax: 2 });
    try {
      // Two nodes starting together: the advisory lock lets exactly one of them apply the migration.
      const together = await Promise.all([migrateToLatest(fresh.db), migrateToLatest(fresh.db)]);
      expect(together.map((r) => r.applied).sort()).toEqual([[], MIGRATION_NAMES]);
      expect(await migrateToLatest(fresh.db)).toEqual({ applied: [] });
    } finally {
      await fresh.close();
      await sql`drop database ${sql.id(name)}`.execute(db);
    }
  });
});
