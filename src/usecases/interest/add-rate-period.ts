import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { invalid } from '../../domain/errors.ts';
import { appendPeriod, RATE_SERIES } from '../../domain/interest/rate-series.ts';
import { RateTableError } from '../../domain/interest/rate-table.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { currentRateBook } from './rate-book.ts';

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
});

/**
 * Adds the next published period of a statutory series (installation-wide, administrators only):
 * it must follow the last known period without gap or overlap, on the series' usual start day.
 * Periods are append-only; the change is written to the administrator's audit log.
 */
export async function addRatePeriod(db: Db, actor: Actor, input: z.input<typeof AddRatePeriodInput>) {
  authorize(actor, 'create', 'rate');
  const data = parseInput(AddRatePeriodInput, input);
  const period = { ...data, to: data.to ?? null, rate2: data.rate2 ?? null };
  return db.transaction().execute(async (trx) => {
    // Two administrators adding at once must not both "follow" the same last period.
    await sql`select pg_advisory_xact_lock(hashtextextended('incasso:rate_periods', 0))`.execute(trx);
    try {
      appendPeriod(await currentRateBook(trx), period);
    } catch (err) {
      if (err instanceof RateTableError) {
        const field = /^(from|to|rate2?|source):/.exec(err.message)?.[1] ?? 'from';
        const message = err.message.replace(/^(from|to|rate2?|source): /, '');
        throw invalid([{ path: field, message }], message);
      }
      throw err;
    }
    const id = await trx
      .insertInto('rate_periods')
      .values({
        series: period.series,
        valid_from: period.from,
        valid_to: period.to,
        rate_percent: period.rate,
        rate2_percent: period.rate2,
        source: period.source,
        tenant_id: actor.tenantId,
        added_by: actor.userId,
        added_by_label: actor.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => row.id);
    await recordAudit(trx, actor, {
      action: 'rate_period.added',
      entityType: 'rate_period',
      entityId: id,
      after: period,
    });
    return period;
  });
}
