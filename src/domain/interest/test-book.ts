import { Temporal } from 'temporal-polyfill';
import type { RateRow, RateTable } from './rate-table.ts';
import type { RateBook } from './regimes.ts';

/*
 * Test fixture (imported by tests only).
 */
// A rate book from literal tables (the domain does not read data/rates): the Italian legal rate as
// published, and seeded synthetic series shaped like the others — rows of uneven length, rates with up
// to four decimals, a negative stretch in the German base rate, French semesters, tables that end.

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const day = (iso: string, n: number) => Temporal.PlainDate.from(iso).add({ days: n }).toString();
export const decimals = (x: number, places: number) => (Math.round(x * 10 ** places) / 10 ** places).toFixed(places).replace(/\.?0+$/, '');

/** Consecutive rows from `from`, lengths from `length()`, rates from `rate(i)`; open-ended unless `until`. */
function series(name: string, from: string, length: () => number, rate: (i: number) => string, until: string | null): RateTable {
  const rows: RateRow[] = [];
  let start = from;
  for (let i = 0; until === null ? i < 40 : start <= until; i++) {
    const end = day(start, length() - 1);
    rows.push({ from: start, to: end, rate: rate(i), source: 'test' });
    start = day(end, 1);
  }
  const last = rows[rows.length - 1]!;
  if (until === null) last.to = null;
  else if (last.to! > until) last.to = until;
  return { name, rows };
}

const legalRows: [string, string][] = [
  ['1942-04-21', '5'], ['1990-12-16', '10'], ['1997-01-01', '5'], ['1999-01-01', '2.5'], ['2001-01-01', '3.5'],
  ['2002-01-01', '3'], ['2004-01-01', '2.5'], ['2008-01-01', '3'], ['2010-01-01', '1'], ['2011-01-01', '1.5'],
  ['2012-01-01', '2.5'], ['2014-01-01', '1'], ['2015-01-01', '0.5'], ['2016-01-01', '0.2'], ['2017-01-01', '0.1'],
  ['2018-01-01', '0.3'], ['2019-01-01', '0.8'], ['2020-01-01', '0.05'], ['2021-01-01', '0.01'], ['2022-01-01', '1.25'],
  ['2023-01-01', '5'], ['2024-01-01', '2.5'], ['2025-01-01', '2'], ['2026-01-01', '1.6'],
];
const itLegal: RateTable = {
  name: 'it-legal',
  rows: legalRows.map(([from, rate], i) => ({ from, to: legalRows[i + 1] ? day(legalRows[i + 1]![0], -1) : null, rate, source: 'test' })),
};
const r = prng(42);
const ecb = Array.from({ length: 200 }, () => decimals(4.5 * r(), r() < 0.3 ? 4 : 2));
const semester = () => 181 + Math.floor(r() * 3);
export const book: RateBook = {
  itLegal,
  ecbMro: series('ecb-mro', '1999-01-01', () => 30 + Math.floor(r() * 900), (i) => ecb[i]!, null),
  itCommercialPlus7: series('it-commercial (+7)', '2002-08-08', semester, (i) => decimals(Number(ecb[i]) + 7, 4), '2026-12-31'),
  itCommercialPlus8: series('it-commercial', '2002-08-08', semester, (i) => decimals(Number(ecb[i]) + (i > 20 ? 8 : 7), 4), '2026-12-31'),
  deBasiszins: series('de-basiszins', '2002-01-01', semester, (i) => (i >= 22 && i < 40 ? decimals(-0.88 + 0.1 * (i % 3), 2) : ecb[i]!), '2026-12-31'),
  frLegalPrivate: series('fr-legal-private', '2015-01-01', semester, (i) => decimals(3 + Number(ecb[i]), 2), '2026-06-30'),
  frLegalOther: series('fr-legal-other', '2015-01-01', semester, (i) => decimals(Number(ecb[i]) / 2, 2), '2026-06-30'),
};

