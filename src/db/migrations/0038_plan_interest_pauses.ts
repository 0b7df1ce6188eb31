import { sql, type Kysely } from 'kysely';

/**
 * Ordinary interest is suspended on the positions of a plan that charges interest on the deferral
 * (domain/plans/pauses.ts). The claims' ledgers (`loadLedgers`, called for every chunk of a bank file)
 * derive the pauses from the plans in the same query: this index keeps that a probe of an index holding
 * only the plans with interest on the deferral, so claims that never were in one cost next to nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`create index plans_deferral_claims on plans using gin (claim_ids) where deferral_rate is not null;`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop index if exists plans_deferral_claims;`).execute(db);
}
