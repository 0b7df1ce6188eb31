import type { Db } from '../../db/connect.ts';
import { seriesEnds } from '../../domain/interest/rate-series.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { currentRateBook, toPeriod } from './rate-book.ts';

/** Every series with its last known period, and the periods added since the release. */
export async function listRatePeriods(db: Db, actor: Actor) {
  authorize(actor, 'read', 'rate');
  const book = await currentRateBook(db);
  const added = await db
    .selectFrom('rate_periods')
    .select(['series', 'valid_from', 'valid_to', 'rate_percent', 'rate2_percent', 'source', 'added_by_label', 'created_at'])
    .orderBy('series')
    .orderBy('valid_from')
    .execute();
  return {
    series: seriesEnds(book),
    added: added.map((r) => {
      const p = toPeriod(r); // the published figure, without numeric(7,4)'s trailing zeros
      return {
        series: p.series,
        from: p.from,
        to: p.to,
        rate: p.rate,
        rate2: p.rate2 ?? null,
        source: p.source,
        addedBy: r.added_by_label,
        addedAt: r.created_at.toISOString(),
      };
    }),
  };
}
