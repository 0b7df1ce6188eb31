import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { RATE_SERIES, type RatePeriod } from '../../domain/interest/rate-series.ts';
import { RateTableError } from '../../domain/interest/rate-table.ts';
import type { InstallationOperator } from '../../domain/policies.ts';
import { parseInput } from '../shared/input.ts';
import { bookOf, currentRatePeriods } from './rate-book.ts';

export const AddRatePeriodInput = z
  .object({
    series: z.enum(RATE_SERIES),
    from: z.string().max(20),
    to: z.string().max(20).nullish(),
    /** Percent, e.g. "2.40"; for it-commercial-reference the ECB reference rate of the semester. */
    rate: z.string().max(12),
    /** fr-legal only: the rate for all other cases. */
    rate2: z.string().max(12).nullish(),
    /** Where the figure was published, e.g. "MEF comunicato GU n. 15 del 20/01/2027". */
    source: z.string().trim().min(5).max(500),
  })
  .strict();

export const RatePeriodView = z.object({
  series: z.enum(RATE_SERIES),
  from: z.string(),
  to: z.string().nullable(),
  rate: z.string(),
  rate2: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
});

/** Serialises every change of the rate tables across nodes (inside the caller's transaction). */
export async function lockRateTables(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('incasso:rate_periods', 0))`.execute(trx);
}

/** Checks a whole set of periods on the shipped tables; a broken one becomes a field error. */
export function checkPeriods(periods: RatePeriod[]): void {
  try {
    bookOf(periods);
  } catch (err) {
    if (err instanceof RateTableError) throw invalid([fieldError(err.field ?? 'from', err.msg.code, err.msg.params)], err.msg);
    throw err;
  }
}

/**
 * Adds the next published period of a statutory series. Statutory rates change every tenant's
 * interest, so only the installation's operator does this (the CLI on the server), never a tenant's
 * user: the type of `operator` admits nobody else. The period must follow the last known one without
 * gap or overlap, on the series' usual start day; the row (append-only) records who entered it.
 */
export async function addRatePeriod(db: Db, operator: InstallationOperator, input: z.input<typeof AddRatePeriodInput>) {
  const data = parseInput(AddRatePeriodInput, input);
  const period: RatePeriod = { ...data, to: data.to ?? null, rate2: data.rate2 ?? null };
  return db.transaction().execute(async (trx) => {
    // Two operators adding at once must not both "follow" the same last period.
    await lockRateTables(trx);
    checkPeriods([...(await currentRatePeriods(trx)), period]);
    await trx
      .insertInto('rate_periods')
      .values({
        series: period.series,
        valid_from: period.from,
        valid_to: period.to,
        rate_percent: period.rate,
        rate2_percent: period.rate2 ?? null,
        source: period.source,
        tenant_id: null,
        added_by: null,
        added_by_label: operator.label,
        version: 1,
      })
      .execute();
    return { ...period, rate2: period.rate2 ?? null, version: 1 };
  });
}
