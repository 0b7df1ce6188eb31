import { Temporal } from 'temporal-polyfill';
import { dateParam, type Message, msg, translate } from '../messages/index.ts';
import { plainDateOf } from '../dates.ts';

/**
 * An effective-dated rate table: consecutive periods, each with an annual rate in percent (an exact
 * decimal string) and the source it was taken from. `to` is inclusive; null means "until changed".
 */
export interface RateRow {
  from: string;
  to: string | null;
  /** Annual rate, percent, e.g. "10.15". May be negative (German Basiszins 2013–2022). */
  rate: string;
  source: string;
}

export interface RateTable {
  /** e.g. "it-legal": used in messages. */
  name: string;
  rows: RateRow[];
}

export interface RateSegment {
  first: Temporal.PlainDate;
  last: Temporal.PlainDate;
  rate: string;
}

/** A rate table or period refused, with the coded reason (`message` is its Italian text) and the field it concerns. */
export class RateTableError extends Error {
  readonly msg: Message;
  constructor(
    message: Message,
    readonly field?: string,
  ) {
    super(translate(message, 'it'));
    this.name = 'RateTableError';
    this.msg = message;
  }
}

/** Checks a table: dates in order, no gaps, no overlaps, only the last row open-ended. */
export function validateRateTable(table: RateTable): void {
  table.rows.forEach((row, i) => {
    const where = { table: table.name, row: i + 1, from: dateParam(row.from) };
    if (!/^-?\d{1,3}(\.\d{1,4})?$/.test(row.rate)) throw new RateTableError(msg('interest.table_row_rate', { ...where, rate: row.rate }));
    if (row.to !== null && row.to < row.from) throw new RateTableError(msg('interest.table_row_end_before_start', where));
    const next = table.rows[i + 1];
    if (!next) return;
    if (row.to === null) throw new RateTableError(msg('interest.table_row_open', where));
    const expected = Temporal.PlainDate.from(row.to).add({ days: 1 }).toString();
    if (next.from !== expected) {
      throw new RateTableError(msg('interest.table_row_gap', { ...where, expected: dateParam(expected), next: dateParam(next.from) }));
    }
  });
}

/**
 * The rates in force on each day of [first, last], split at every change. Days outside the table are
 * an error that names the table and the missing dates: interest is never extrapolated silently.
 */
export function segmentsOf(table: RateTable, first: Temporal.PlainDate, last: Temporal.PlainDate): RateSegment[] {
  const rows = table.rows;
  const firstRow = rows[0];
  const lastRow = rows[rows.length - 1];
  if (!firstRow || !lastRow) throw new RateTableError(msg('interest.table_empty', { table: table.name }));
  const a = first.toString();
  const b = last.toString();
  if (a < firstRow.from) {
    throw new RateTableError(msg('interest.no_rate_before', { table: table.name, first: dateParam(firstRow.from), date: dateParam(a) }));
  }
  if (lastRow.to !== null && b > lastRow.to) {
    throw new RateTableError(msg('interest.rate_known_until', { table: table.name, last: dateParam(lastRow.to), date: dateParam(b) }));
  }
  const out: RateSegment[] = [];
  // Binary search for the row holding `first`.
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rows[mid]!.from <= a) lo = mid;
    else hi = mid - 1;
  }
  for (let i = lo; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.from > b) break;
    const from = row.from > a ? row.from : a;
    const to = row.to === null || row.to > b ? b : row.to;
    out.push({ first: plainDateOf(from), last: plainDateOf(to), rate: row.rate });
  }
  return out;
}

/** A table whose rate is another's plus fixed points (ECB + 10, Basiszins + 9, legal + 3 …). */
export function plusPoints(table: RateTable, points: string, add: (a: string, b: string) => string, name?: string): RateTable {
  return { name: name ?? `${table.name}+${points}`, rows: table.rows.map((r) => ({ ...r, rate: add(r.rate, points) })) };
}

/** A stored numeric rate as published: "8.5000" → "8.5", "3.0000" → "3" (trailing zeros are not part of it). */
export const trimRate = (v: string) => v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** A constant rate over all time (Swiss 5 %, a contractual rate). */
export function flatTable(name: string, rate: string, source: string): RateTable {
  return { name, rows: [{ from: '1900-01-01', to: null, rate, source }] };
}
