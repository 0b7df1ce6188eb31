import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { AppError, fieldError, invalid } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import { RATE_SERIES, type RatePeriod } from '../../domain/interest/rate-series.ts';
import type { InstallationOperator } from '../../domain/policies.ts';
import { parseInput } from '../shared/input.ts';
import { checkPeriods, lockRateTables } from './add-rate-period.ts';
import { toPeriod } from './rate-book.ts';

export const CorrectRatePeriodInput = z
  .object({
    series: z.enum(RATE_SERIES),
    /** The first day of the period to correct (it identifies the period). */
    from: z.string().max(20),
    /** What changes; what is not given stays as it was. */
    rate: z.string().max(12).optional(),
    rate2: z.string().max(12).optional(),
    /** The last day; null: until changed. Only the last period of a series may move its end. */
    to: z.string().max(20).nullable().optional(),
    /** Where the corrected figure was published. */
    source: z.string().trim().min(5).max(500),
    /** Why the period is corrected, e.g. "typo: 2.65 entered, GU says 2.56". */
    reason: z.string().trim().min(5).max(500),
  })
  .strict();

/**
 * Corrects a period entered after the release: never an edit, a new version of the period with its
 * source, the reason and who entered it; the book uses the latest version from the next computation
 * on, on every node. Periods shipped in data/rates are corrected by a release of the data files.
 */
export async function correctRatePeriod(db: Db, operator: InstallationOperator, input: z.input<typeof CorrectRatePeriodInput>) {
  const data = parseInput(CorrectRatePeriodInput, input);
  return db.transaction().execute(async (trx) => {
    await lockRateTables(trx);
    const versions = await trx
      .selectFrom('rate_periods')
      .select(['id', 'series', 'valid_from', 'valid_to', 'rate_percent', 'rate2_percent', 'source', 'version'])
      .where('series', '=', data.series)
      .orderBy('valid_from')
      .orderBy('version', 'desc')
      .execute();
    const latest = new Map<string, (typeof versions)[number]>();
    for (const v of versions) if (!latest.has(v.valid_from)) latest.set(v.valid_from, v);
    const target = latest.get(data.from);
    if (!target) {
      throw invalid([fieldError('from', 'interest.no_entered_period', { series: data.series, from: data.from })]);
    }
    const before = toPeriod(target);
    const corrected: RatePeriod = {
      ...before,
      ...(data.rate !== undefined ? { rate: data.rate } : {}),
      ...(data.rate2 !== undefined ? { rate2: data.rate2 } : {}),
      ...(data.to !== undefined ? { to: data.to } : {}),
      source: data.source,
    };
    if (corrected.rate === before.rate && (corrected.rate2 ?? null) === (before.rate2 ?? null) && corrected.to === before.to && corrected.source === before.source) {
      throw new AppError('validation', msg('interest.correction_changes_nothing'));
    }
    // Every series' periods, with this one corrected, must still follow each other.
    const all = await trx.selectFrom('rate_periods').select(['series', 'valid_from', 'valid_to', 'rate_percent', 'rate2_percent', 'source', 'version']).orderBy('series').orderBy('valid_from').orderBy('version', 'desc').execute();
    const seen = new Set<string>();
    const periods: RatePeriod[] = [];
    for (const r of all) {
      const key = `${r.series}|${r.valid_from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      periods.push(r.series === data.series && r.valid_from === data.from ? corrected : toPeriod(r));
    }
    checkPeriods(periods);
    const version = target.version + 1;
    await trx
      .insertInto('rate_periods')
      .values({
        series: corrected.series,
        valid_from: corrected.from,
        valid_to: corrected.to,
        rate_percent: corrected.rate,
        rate2_percent: corrected.rate2 ?? null,
        source: corrected.source,
        tenant_id: null,
        added_by: null,
        added_by_label: operator.label,
        version,
        supersedes: target.id,
        reason: data.reason,
      })
      .execute();
    // Stored balances computed over the corrected period are recomputed from their ledgers by the
    // balances job (src/usecases/claims/balances.ts), in every tenant.
    await trx.updateTable('claim_balances').set({ balance_on: null }).where('balance_on', '>=', data.from).execute();
    return { before, after: { ...corrected, rate2: corrected.rate2 ?? null }, version };
  });
}
