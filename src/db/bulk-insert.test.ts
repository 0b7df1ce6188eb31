import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/db.ts';
import { bulkInsert, jsonRows } from './bulk-insert.ts';
import type { Database } from './connect.ts';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe('bulkInsert', () => {
  it('writes arrays, JSON and computed columns, one parameter per column, in the rows’ order', async () => {
    const ids = [randomUUID(), randomUUID()];
    const rows = await database.db.transaction().execute(async (trx) => {
      await sql`create temp table bulk_probe (k text primary key, tags text[] not null default '{}', refs uuid[], doc jsonb, amount numeric, seq int) on commit drop`.execute(trx);
      await sql`insert into bulk_probe (k) values ('taken')`.execute(trx);
      const inserted = await bulkInsert<never, { k: string }>(
        trx,
        'bulk_probe' as never,
        [
          { name: 'k', type: 'text' },
          { name: 'tags', type: 'text[]' },
          { name: 'refs', type: 'uuid[]' },
          { name: 'doc', type: 'jsonb' },
          { name: 'amount', type: 'numeric' },
        ] as never,
        [
          { k: 'a', tags: ['x, "quoted" {brace}', 'ü'], refs: ids, doc: JSON.stringify({ code: 'bank.debit' }), amount: '0.10' },
          { k: 'taken', tags: ['never'], refs: null, doc: null, amount: '1' },
          { k: 'b', tags: [], refs: null, doc: { n: 1 }, amount: '123456789012.34' },
        ],
        sql`on conflict (k) do nothing returning k`,
        [{ name: 'seq' as never, value: sql`v.n` }],
      );
      const stored = await sql<{ k: string; tags: string[]; refs: string[] | null; doc: unknown; amount: string; seq: number | null }>`select k, tags, refs, doc, amount::text, seq from bulk_probe order by k`.execute(trx);
      return { inserted, stored: stored.rows };
    });
    // The row whose key was taken is left alone and not returned; the others keep their place in the rows (v.n).
    expect(rows.inserted.map((r) => r.k).sort()).toEqual(['a', 'b']);
    expect(rows.stored).toEqual([
      { k: 'a', tags: ['x, "quoted" {brace}', 'ü'], refs: ids, doc: { code: 'bank.debit' }, amount: '0.10', seq: 1 },
      { k: 'b', tags: [], refs: null, doc: { n: 1 }, amount: '123456789012.34', seq: 3 },
      { k: 'taken', tags: [], refs: null, doc: null, amount: null, seq: null },
    ]);
  });

  it('sends a column with the same value in every row once, and reads it back in every row', async () => {
    const tenant = randomUUID();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const read = async (rows: { id: string; t: string; on: string | null; flag: boolean; n: number; note: string | null }[]) => {
      const v = jsonRows(rows, [
        ['uuid', (r) => r.id],
        ['uuid', (r) => r.t],
        ['date', (r) => r.on],
        ['boolean', (r) => r.flag],
        ['integer', (r) => r.n],
        ['text', (r) => r.note],
      ]);
      const q = sql<{ id: string; t: string; on: string | null; flag: boolean; n: number; note: string | null; pos: number }>`
        select ${v.at(0)} as id, ${v.at(1)} as t, ${v.at(2)}::text as on, ${v.at(3)} as flag, ${v.at(4)} as n, ${v.at(5)} as note, v.n::int as pos
          from ${v.from} order by v.n`;
      // The constant columns are parameters of their own: only the varying ones are arrays.
      const compiled = q.compile(database.db);
      return { rows: (await q.execute(database.db)).rows, arrays: (compiled.sql.match(/jsonb_array_elements/g) ?? []).length };
    };
    const varying = await read(ids.map((id, k) => ({ id, t: tenant, on: '2026-11-30', flag: true, n: k, note: null })));
    expect(varying.arrays).toBe(2);
    expect(varying.rows).toEqual(ids.map((id, k) => ({ id, t: tenant, on: '2026-11-30', flag: true, n: k, note: null, pos: k + 1 })));
    // Every column the same: one stays an array, so the rows are still as many as given.
    const same = await read([0, 1].map(() => ({ id: ids[0]!, t: tenant, on: null, flag: false, n: 7, note: 'x' })));
    expect(same.arrays).toBe(1);
    expect(same.rows).toEqual([1, 2].map((pos) => ({ id: ids[0], t: tenant, on: null, flag: false, n: 7, note: 'x', pos })));
    const one = await read([{ id: ids[1]!, t: tenant, on: '2024-02-29', flag: true, n: 1, note: 'ü' }]);
    expect(one.rows).toEqual([{ id: ids[1], t: tenant, on: '2024-02-29', flag: true, n: 1, note: 'ü', pos: 1 }]);
  });
});
