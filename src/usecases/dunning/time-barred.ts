import { sql, type RawBuilder } from 'kysely';
import { DAYS_TO_ENFORCEABLE, MUNICIPAL_TERMS, type MunicipalTerm } from '../../domain/municipal/terms.ts';

/**
 * The domain's municipal terms (src/domain/municipal/terms.ts) as a SQL expression over a claims row,
 * so that the dunning run, the phone tasks and the review list can filter in the database. Built
 * from the same table as `termLapse`, line by line; time-barred.test.ts checks both give the same day.
 * `alias` is the claims table's alias in the query (a fixed identifier, never user input).
 */
export function lapseDateSql(alias: string, terms: readonly MunicipalTerm[] = MUNICIPAL_TERMS): RawBuilder<string | null> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  const whens = terms.map((t) => {
    const acts = t.acts.filter((a) => a !== null);
    const actCond = sql.join(
      [
        ...(t.acts.includes(null) ? [sql`${c('act_kind')} is null`] : []),
        ...(acts.length ? [sql`${c('act_kind')} in (${sql.join(acts.map((a) => sql.lit(a)))})`] : []),
      ],
      sql` or `,
    );
    const cond = sql`${c('kind')} in (${sql.join(t.revenues.map((r) => sql.lit(r)))}) and (${actCond})`;
    const years = sql.lit(`${t.years} years`);
    let value: RawBuilder<unknown>;
    switch (t.start) {
      case 'end_of_payment_year':
        value = sql`make_date(greatest(extract(year from ${c('due_date')})::int, coalesce(${c('tax_year')}, 0)) + ${sql.lit(t.years + 1)}, 1, 1)`;
        break;
      case 'enforceable':
        value = sql`(coalesce(${c('act_enforceable_on')}, ${c('act_notified_on')} + ${sql.lit(DAYS_TO_ENFORCEABLE)}) + interval ${years})::date + 1`;
        break;
      case 'act_date':
        value = sql`(coalesce(${c('act_date')}, ${c('due_date')}) + interval ${years})::date + 1`;
        break;
      case 'due_date':
        value = sql`(${c('due_date')} + interval ${years})::date + 1`;
        break;
    }
    return sql`when ${cond} then ${value}`;
  });
  return sql<string | null>`(case ${sql.join(whens, sql` `)} end)`;
}

/** True for a claims row past its municipal term on `today` (ISO date). */
export function pastTermSql(alias: string, today: string | RawBuilder<unknown>, terms: readonly MunicipalTerm[] = MUNICIPAL_TERMS): RawBuilder<boolean> {
  const day = typeof today === 'string' ? sql`${today}::date` : today;
  return sql<boolean>`coalesce(${lapseDateSql(alias, terms)} <= ${day}, false)`;
}
