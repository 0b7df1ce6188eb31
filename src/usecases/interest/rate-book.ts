import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { appendPeriod, type RatePeriod } from '../../domain/interest/rate-series.ts';
import { trimRate } from '../../domain/interest/rate-table.ts';
import type { RateBook } from '../../domain/interest/regimes.ts';
import { loadRateBook } from '../../integrations/rates/load-rate-book.ts';

let shipped: RateBook | undefined;

/** The statutory rate tables shipped in data/rates, read once per process. */
export function shippedRateBook(): RateBook {
  shipped ??= loadRateBook();
  return shipped;
}

let cache: { key: string; book: RateBook } | undefined;

/**
 * The periods entered after the release, each at its latest version (a correction supersedes the
 * version before it), in the order they follow each other.
 */
export async function currentRatePeriods(db: Db): Promise<RatePeriod[]> {
  const rows = await db
    .selectFrom('rate_periods as r')
    .select(['r.series', 'r.valid_from', 'r.valid_to', 'r.rate_percent', 'r.rate2_percent', 'r.source'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rate_periods as later')
            .select('later.id')
            .whereRef('later.series', '=', 'r.series')
            .whereRef('later.valid_from', '=', 'r.valid_from')
            .whereRef('later.version', '>', 'r.version'),
        ),
      ),
    )
    .orderBy('r.series')
    .orderBy('r.valid_from')
    .execute();
  return rows.map(toPeriod);
}

/** The shipped tables extended by these periods (each checked: continuity, start days, rates). */
export function bookOf(periods: RatePeriod[]): RateBook {
  let book = shippedRateBook();
  for (const p of periods) book = appendPeriod(book, p);
  return book;
}

/**
 * The shipped tables extended by the periods the installation's operator entered since the release,
 * corrections applied. One cheap query tells whether anything was added or corrected (by this node or
 * another: every change is a new row); the merged book is rebuilt only then.
 */
export async function currentRateBook(db: Db): Promise<RateBook> {
  const stamp = await sql<{ n: number; last: string | null }>`
    select count(*)::int as n, max(created_at)::text as last from rate_periods`.execute(db);
  const key = `${stamp.rows[0]?.n ?? 0}|${stamp.rows[0]?.last ?? ''}`;
  if (cache?.key === key) return cache.book;
  const book = bookOf(await currentRatePeriods(db));
  cache = { key, book };
  return book;
}

export function toPeriod(r: {
  series: RatePeriod['series'];
  valid_from: string;
  valid_to: string | null;
  rate_percent: string;
  rate2_percent: string | null;
  source: string;
}): RatePeriod {
  // numeric(7,4) comes back as "2.4000": trailing zeros are not part of the published figure.
  return {
    series: r.series,
    from: r.valid_from,
    to: r.valid_to,
    rate: trimRate(r.rate_percent),
    rate2: r.rate2_percent === null ? null : trimRate(r.rate2_percent),
    source: r.source,
  };
}
