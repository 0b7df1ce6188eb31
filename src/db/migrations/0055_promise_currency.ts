import { sql, type Kysely } from 'kysely';

/**
 * A promise to pay is money in one currency (the currency of the positions it covers): the board and
 * the agency's KPIs add promised and kept amounts per currency, never EUR and CHF together. Existing
 * promises take their first position's currency (a desk queue's positions of a debtor share one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table promises add column currency text check (currency in ('EUR', 'CHF'));
update promises p set currency = c.currency from claims c where c.tenant_id = p.tenant_id and c.id = p.claim_ids[1];
update promises set currency = 'EUR' where currency is null;
alter table promises alter column currency set not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table promises drop column currency;').execute(db);
}
