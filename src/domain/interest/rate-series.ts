import { Temporal } from 'temporal-polyfill';
import { dateIssue } from '../dates.ts';
import { dateParam, msg } from '../messages/index.ts';
import { money } from '../money.ts';
import { RateTableError, validateRateTable, type RateRow, type RateTable } from './rate-table.ts';
import type { RateBook } from './regimes.ts';

/**
 * The published series an administrator extends when a new period is announced. One published
 * figure may feed several tables: the MEF's semester reference rate gives both Italian commercial
 * tables (+7 and +8); the French arrêté gives both legal rates.
 */
export const RATE_SERIES = ['it-legal', 'it-commercial-reference', 'ecb-mro', 'de-basiszins', 'fr-legal'] as const;
export type RateSeries = (typeof RATE_SERIES)[number];

export interface RatePeriod {
  series: RateSeries;
  from: string;
  /** Inclusive; null = until changed. */
  to: string | null;
  rate: string;
  /** France only: the rate for all other cases (rate is the private creditors' one). */
  rate2?: string | null;
  source: string;
}

/** On which days a series' periods may start: Italian legal rate yearly, semesters for the others. */
const STARTS: Record<RateSeries, (d: Temporal.PlainDate) => boolean> = {
  'it-legal': (d) => d.month === 1 && d.day === 1,
  'it-commercial-reference': (d) => d.day === 1 && (d.month === 1 || d.month === 7),
  'de-basiszins': (d) => d.day === 1 && (d.month === 1 || d.month === 7),
  'fr-legal': (d) => d.day === 1 && (d.month === 1 || d.month === 7),
  'ecb-mro': () => true,
};

const RATE = /^-?\d{1,2}(\.\d{1,4})?$/;

function appendRow(table: RateTable, row: RateRow): RateTable {
  const rows = [...table.rows];
  const last = rows[rows.length - 1];
  if (last) {
    if (row.from <= last.from) {
      throw new RateTableError(msg('interest.period_exists', { table: table.name, from: dateParam(last.from) }), 'from');
    }
    if (last.to === null) {
      rows[rows.length - 1] = { ...last, to: Temporal.PlainDate.from(row.from).subtract({ days: 1 }).toString() };
    } else {
      const expected = Temporal.PlainDate.from(last.to).add({ days: 1 }).toString();
      if (row.from !== expected) {
        throw new RateTableError(msg('interest.period_must_start', { table: table.name, last: dateParam(last.to), expected: dateParam(expected) }), 'from');
      }
    }
  }
  const next = { name: table.name, rows: [...rows, row] };
  validateRateTable(next);
  return next;
}

/** The book with one more published period, or a specific error. Pure: the caller stores it. */
export function appendPeriod(book: RateBook, p: RatePeriod): RateBook {
  for (const [field, value] of [['from', p.from], ['to', p.to]] as const) {
    if (value === null) continue;
    const problem = dateIssue(value);
    if (problem) throw new RateTableError(problem, field);
  }
  if (p.to !== null && p.to < p.from) throw new RateTableError(msg('interest.period_end_before_start'), 'to');
  if (!STARTS[p.series](Temporal.PlainDate.from(p.from))) {
    throw new RateTableError(msg(p.series === 'it-legal' ? 'interest.period_starts_january' : 'interest.period_starts_semester', { series: p.series }), 'from');
  }
  if (!RATE.test(p.rate)) throw new RateTableError(msg('interest.period_rate_invalid', { rate: p.rate }), 'rate');
  if (p.series === 'fr-legal' ? !p.rate2 || !RATE.test(p.rate2) : p.rate2) {
    throw new RateTableError(msg('interest.period_rate2_fr_only'), 'rate2');
  }
  if (p.source.trim().length < 5) throw new RateTableError(msg('interest.period_source_required'), 'source');
  const row = (rate: string): RateRow => ({ from: p.from, to: p.to, rate, source: p.source.trim() });
  const plus = (points: number) => money(p.rate).plus(points).toString();
  switch (p.series) {
    case 'it-legal':
      return { ...book, itLegal: appendRow(book.itLegal, row(p.rate)) };
    case 'it-commercial-reference':
      return {
        ...book,
        itCommercialPlus7: appendRow(book.itCommercialPlus7, row(plus(7))),
        itCommercialPlus8: appendRow(book.itCommercialPlus8, row(plus(8))),
      };
    case 'ecb-mro':
      return { ...book, ecbMro: appendRow(book.ecbMro, row(p.rate)) };
    case 'de-basiszins':
      return { ...book, deBasiszins: appendRow(book.deBasiszins, row(p.rate)) };
    case 'fr-legal':
      return {
        ...book,
        frLegalPrivate: appendRow(book.frLegalPrivate, row(p.rate)),
        frLegalOther: appendRow(book.frLegalOther, row(p.rate2!)),
      };
  }
}

/** Where each series ends today, for the "last known period" overview. */
export function seriesEnds(book: RateBook): { series: RateSeries; lastFrom: string; lastTo: string | null; rate: string }[] {
  const last = (t: RateTable) => t.rows[t.rows.length - 1]!;
  const ref = last(book.itCommercialPlus8);
  return [
    { series: 'it-legal', lastFrom: last(book.itLegal).from, lastTo: last(book.itLegal).to, rate: last(book.itLegal).rate },
    { series: 'it-commercial-reference', lastFrom: ref.from, lastTo: ref.to, rate: money(ref.rate).minus(8).toFixed(2) },
    { series: 'ecb-mro', lastFrom: last(book.ecbMro).from, lastTo: last(book.ecbMro).to, rate: last(book.ecbMro).rate },
    { series: 'de-basiszins', lastFrom: last(book.deBasiszins).from, lastTo: last(book.deBasiszins).to, rate: last(book.deBasiszins).rate },
    { series: 'fr-legal', lastFrom: last(book.frLegalPrivate).from, lastTo: last(book.frLegalPrivate).to, rate: last(book.frLegalPrivate).rate },
  ];
}
