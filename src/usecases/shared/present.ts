import { conflict } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type Wire<V> = V extends Date ? string : V extends Date | null ? string | null : V;

/** A database row as the API shows it: camelCase keys, instants as ISO strings, no tenant id. */
export type View<Row> = { [K in keyof Row as K extends 'tenant_id' ? never : CamelCase<K & string>]: Wire<Row[K]> };

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function present<Row extends object>(row: Row): View<Row> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'tenant_id') continue;
    out[camel(k)] = v instanceof Date ? v.toISOString() : v;
  }
  return out as View<Row>;
}

/**
 * Validated update input (camelCase, only the fields sent) → column values. `version` is not a column
 * to set: it is the optimistic-concurrency check.
 */
export function toColumns(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || k === 'version') continue;
    // Lists and documents are stored as jsonb (the schema has no PostgreSQL arrays: the driver would send '{…}').
    out[snake(k)] = Array.isArray(v) || (v !== null && typeof v === 'object' && !(v instanceof Date)) ? JSON.stringify(v) : v;
  }
  return out;
}

/** Refuses an update made against a stale copy of the record. */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw conflict(msg('error.stale_version', { current, expected }));
  }
}

/** The subset of a row named by the keys of `changes`, for the audit "before" side. */
export function pick(row: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(changes)) out[k] = row[k] instanceof Date ? (row[k] as Date).toISOString() : row[k];
  return out;
}
