import { sql, type Kysely } from 'kysely';

/**
 * The agency's KPIs per operator and per queue (issue 16 item 7, usecases/portal/get-agency-kpis.ts):
 * a period's reads that had no index of their own — the desk calls started in the period (average
 * handling) and the plans opened in it. The period's desk calls, promises and payments read the
 * indexes of migration 0025; the payment's right-party contact the contact log's per-debtor index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create index desk_calls_started on desk_calls (tenant_id, started_at);
create index plans_started on plans (tenant_id, started_on);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index plans_started; drop index desk_calls_started;').execute(db);
}
