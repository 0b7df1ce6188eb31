import type { Db } from '../../db/connect.ts';
import { seriesEnds } from '../../domain/interest/rate-series.ts';
import type { Actor, InstallationOperator } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { currentRateBook, toPeriod } from './rate-book.ts';

async function versions(db: Db) {
  return db
    .selectFrom('rate_periods')
    .select(['series', 'valid_from', 'valid_to', 'rate_percent', 'rate2_percent', 'source', 'added_by_label', 'created_at', 'version', 'reason'])
    .orderBy('series')
    .orderBy('valid_from')
    .orderBy('version')
    .execute();
}

/**
 * Every series with its last known period, and the periods entered since the release with each
 * version (a correction shows its reason). Tenants see the published source and when it was
 * entered, never who typed it: rates are the installation's, not another tenant's doing.
 */
export async function listRatePeriods(db: Db, actor: Actor) {
  authorize(actor, 'read', 'rate');
  const book = await currentRateBook(db);
  const rows = await versions(db);
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(`${r.series}|${r.valid_from}`, r.version);
  return {
    series: seriesEnds(book),
    added: rows.map((r) => {
      const p = toPeriod(r); // the published figure, without numeric(7,4)'s trailing zeros
      return {
        series: p.series,
        from: p.from,
        to: p.to,
        rate: p.rate,
        rate2: p.rate2 ?? null,
        source: p.source,
        version: r.version,
        current: latest.get(`${r.series}|${r.valid_from}`) === r.version,
        reason: r.reason,
        addedAt: r.created_at.toISOString(),
      };
    }),
  };
}

/** The same history for the installation's operator, with who entered each version. */
export async function rateHistory(db: Db, _operator: InstallationOperator) {
  return (await versions(db)).map((r) => {
    const p = toPeriod(r);
    return { ...p, rate2: p.rate2 ?? null, version: r.version, reason: r.reason, enteredBy: r.added_by_label, enteredAt: r.created_at.toISOString() };
  });
}
