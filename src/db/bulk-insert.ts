import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connect.ts';
import type { DB } from './schema.ts';

/** A column of a bulk insert and its PostgreSQL type (the array it arrives in is cast to `type[]`). */
export type BulkColumn<T> = { name: string & keyof T; type: 'uuid' | 'text' | 'numeric' | 'date' | 'integer' | 'boolean' | 'jsonb' | 'timestamptz' };

/**
 * Inserts many rows with one parameter per column: `insert … select * from unnest($1::uuid[], …)`.
 * The statement stays a few hundred bytes whatever the number of rows, so neither the query builder
 * nor the server's parser pays per row, unlike a multi-row VALUES list (thousands of parameters).
 * Works the same on PostgreSQL and PGlite. `suffix` adds e.g. `on conflict … do nothing returning …`.
 */
export async function bulkInsert<K extends keyof DB & string, R = unknown>(
  db: Db,
  table: K,
  columns: BulkColumn<DB[K]>[],
  rows: Record<string, unknown>[],
  suffix?: RawBuilder<unknown>,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map((c) =>
    rows.map((r) => {
      const v = r[c.name];
      if (v === undefined || v === null) return null;
      if (c.type === 'jsonb') return typeof v === 'string' ? v : JSON.stringify(v);
      return v;
    }),
  );
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const unnest = sql.join(columns.map((c, i) => sql`${arrays[i]}::${sql.raw(c.type)}[]`));
  const result = await sql<R>`insert into ${sql.table(table)} (${names}) select * from unnest(${unnest}) ${suffix ?? sql``}`.execute(db);
  return result.rows;
}
