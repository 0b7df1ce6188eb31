import { sql, type Kysely } from 'kysely';

/**
 * Substring searches that stay fast at a million claims: trigram indexes (pg_trgm, a trusted
 * extension: the database owner may create it; the embedded engine loads it, src/db/pglite.ts) for
 * the claims' references and descriptions and the debtors' names and tax identifiers, which the
 * lists search with ILIKE '%…%'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create extension if not exists pg_trgm;
create index claims_external_ref_trgm on claims using gin (external_ref gin_trgm_ops);
create index claims_description_trgm on claims using gin (description gin_trgm_ops);
create index debtors_display_name_trgm on debtors using gin (display_name gin_trgm_ops);
create index debtors_tax_code_trgm on debtors using gin (tax_code gin_trgm_ops);
create index debtors_vat_number_trgm on debtors using gin (vat_number gin_trgm_ops);
create index debtors_ch_uid_trgm on debtors using gin ((replace(replace(ch_uid, '.', ''), '-', '')) gin_trgm_ops);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index claims_external_ref_trgm;
drop index claims_description_trgm;
drop index debtors_display_name_trgm;
drop index debtors_tax_code_trgm;
drop index debtors_vat_number_trgm;
drop index debtors_ch_uid_trgm;
`,
    )
    .execute(db);
}
