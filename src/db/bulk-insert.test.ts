import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/db.ts';
import { bulkInsert } from './bulk-insert.ts';
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
});
