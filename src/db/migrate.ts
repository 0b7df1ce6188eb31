import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_payment_idempotency.ts';
import * as m0003 from './migrations/0003_rate_periods.ts';
import * as m0004 from './migrations/0004_claim_ledger.ts';
import * as m0005 from './migrations/0005_imports.ts';
import * as m0006 from './migrations/0006_reminder_fees.ts';
import * as m0007 from './migrations/0007_dunning.ts';
import * as m0008 from './migrations/0008_print_batches.ts';
import * as m0009 from './migrations/0009_rate_versions.ts';
import * as m0010 from './migrations/0010_unique_tax_ids.ts';
import * as m0011 from './migrations/0011_login_throttle.ts';
import * as m0012 from './migrations/0012_claim_components.ts';
import * as m0013 from './migrations/0013_search_indexes.ts';
import * as m0014 from './migrations/0014_import_start.ts';
import * as m0015 from './migrations/0015_debtor_lists.ts';
import * as m0016 from './migrations/0016_component_money.ts';
import * as m0017 from './migrations/0017_municipal_acts.ts';
import * as m0021 from './migrations/0021_import_balances.ts';
import * as m0022 from './migrations/0022_creditor_templates.ts';
import * as m0023 from './migrations/0023_desk.ts';
import * as m0024 from './migrations/0024_desk_calls.ts';
import * as m0025 from './migrations/0025_desk_supervision.ts';
import * as m0026 from './migrations/0026_desk_next_indexes.ts';
import * as m0027 from './migrations/0027_bank.ts';
import * as m0028 from './migrations/0028_plans.ts';
import * as m0029 from './migrations/0029_reversals.ts';
import * as m0030 from './migrations/0030_plan_references.ts';
import * as m0031 from './migrations/0031_plan_reminders.ts';
import * as m0033 from './migrations/0033_bank_entry_split.ts';
import * as m0035 from './migrations/0035_balances_follow_per_statement.ts';
import * as m0036 from './migrations/0036_deferral_interest.ts';
import * as m0037 from './migrations/0037_bank_file_jobs.ts';
import * as m0038 from './migrations/0038_mandate_terms.ts';
import * as m0039 from './migrations/0039_discharge_reports.ts';
import * as m0040 from './migrations/0040_plan_interest_pauses.ts';
import * as m0041 from './migrations/0041_single_component_allocations.ts';
import * as m0042 from './migrations/0042_payment_reversed_on.ts';
import * as m0043 from './migrations/0043_report_schedules.ts';
import * as m0044 from './migrations/0044_alerts.ts';
import * as m0045 from './migrations/0045_interest_documents.ts';
import * as m0046 from './migrations/0046_queries.ts';
import * as m0047 from './migrations/0047_portal_figures.ts';
import * as m0048 from './migrations/0048_debtor_profiles.ts';
import * as m0049 from './migrations/0049_guarantees.ts';
import * as m0050 from './migrations/0050_legal_handoffs.ts';
import * as m0051 from './migrations/0051_agency_kpis.ts';
import * as m0052 from './migrations/0052_guarantor_delivery.ts';
import * as m0053 from './migrations/0053_paid_to_creditor.ts';
import * as m0054 from './migrations/0054_stale_debtor_profiles.ts';
import * as m0055 from './migrations/0055_promise_currency.ts';
import * as m0056 from './migrations/0056_claims_debtor_cover.ts';
import * as m0057 from './migrations/0057_guarantor_letters_printed.ts';
import * as m0058 from './migrations/0058_bank_entry_written_once.ts';
import * as m0059 from './migrations/0059_payments_write_less.ts';
import * as m0060 from './migrations/0060_tenant_keys_implied.ts';

/** Every migration, in order. Listed statically so no file-system scan is needed at run time. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_payment_idempotency': m0002,
  '0003_rate_periods': m0003,
  '0004_claim_ledger': m0004,
  '0005_imports': m0005,
  '0006_reminder_fees': m0006,
  '0007_dunning': m0007,
  '0008_print_batches': m0008,
  '0009_rate_versions': m0009,
  '0010_unique_tax_ids': m0010,
  '0011_login_throttle': m0011,
  '0012_claim_components': m0012,
  '0013_search_indexes': m0013,
  '0014_import_start': m0014,
  '0015_debtor_lists': m0015,
  '0016_component_money': m0016,
  '0017_municipal_acts': m0017,
  '0021_import_balances': m0021,
  '0022_creditor_templates': m0022,
  '0023_desk': m0023,
  '0024_desk_calls': m0024,
  '0025_desk_supervision': m0025,
  '0026_desk_next_indexes': m0026,
  '0027_bank': m0027,
  '0028_plans': m0028,
  '0029_reversals': m0029,
  '0030_plan_references': m0030,
  '0031_plan_reminders': m0031,
  '0033_bank_entry_split': m0033,
  '0035_balances_follow_per_statement': m0035,
  '0036_deferral_interest': m0036,
  '0037_bank_file_jobs': m0037,
  '0038_mandate_terms': m0038,
  '0039_discharge_reports': m0039,
  '0040_plan_interest_pauses': m0040,
  '0041_single_component_allocations': m0041,
  '0042_payment_reversed_on': m0042,
  '0043_report_schedules': m0043,
  '0044_alerts': m0044,
  '0045_interest_documents': m0045,
  '0046_queries': m0046,
  '0047_portal_figures': m0047,
  '0048_debtor_profiles': m0048,
  '0049_guarantees': m0049,
  '0050_legal_handoffs': m0050,
  '0051_agency_kpis': m0051,
  '0052_guarantor_delivery': m0052,
  '0053_paid_to_creditor': m0053,
  '0054_stale_debtor_profiles': m0054,
  '0055_promise_currency': m0055,
  '0056_claims_debtor_cover': m0056,
  '0057_guarantor_letters_printed': m0057,
  '0058_bank_entry_written_once': m0058,
  '0059_payments_write_less': m0059,
  '0060_tenant_keys_implied': m0060,
};

/** Names of all migrations, oldest first. */
export const MIGRATION_NAMES = Object.keys(migrations);

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations);
  }
}

export interface MigrateResult {
  applied: string[];
}

/**
 * Brings the schema up to date. Kysely's migrator holds a PostgreSQL advisory lock for the whole run,
 * so several app nodes starting together apply each migration exactly once.
 */
export async function migrateToLatest(db: Db): Promise<MigrateResult> {
  return run(db, (m) => m.migrateToLatest());
}

/** Brings the schema to a named migration, undoing later ones (tests of a migration on real data). */
export async function migrateTo(db: Db, name: (typeof MIGRATION_NAMES)[number]): Promise<MigrateResult> {
  return run(db, (m) => m.migrateTo(name));
}

async function run(db: Db, step: (m: Migrator) => ReturnType<Migrator['migrateToLatest']>): Promise<MigrateResult> {
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(),
    migrationTableName: 'incasso_migrations',
    migrationLockTableName: 'incasso_migrations_lock',
  });
  const { error, results } = await step(migrator);
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${why}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
