import { sql, type Kysely } from 'kysely';

/**
 * A payment checks each fact once (issue 15 item 8: a bank file of 100,000 entries against 1M claims).
 *
 * Four tables named their tenant twice: `tenant_id references tenants(id)`, and a composite key to a
 * parent of the same tenant, whose own `tenant_id` references the tenant:
 *
 * | table | the key that already proves the tenant |
 * |---|---|
 * | `payments` | `(tenant_id, creditor_id) → creditors(tenant_id, id)` (creditor_id is not null) |
 * | `payment_allocations` | `(tenant_id, payment_id) → payments(tenant_id, id)` (payment_id is not null) |
 * | `bank_entries` | `(tenant_id, file_id) → bank_files(tenant_id, id)` (file_id is not null) |
 * | `claim_components` | `(tenant_id, claim_id) → claims(tenant_id, id)` (claim_id is not null) |
 *
 * A row whose tenant does not exist cannot pass the composite key (its parent would have to name that
 * tenant), and the tenant cannot be deleted while the parent references it. The direct key only added a
 * lookup and a row lock on the tenant per inserted row: 291,000 of them for a 100,000-entry file
 * (`pg_stat_statements`: 452,000 tenant checks in all, 2.1 s of the server's time, with the
 * trigger queue besides). Dropped. `audit_events`, whose only key to a tenant is its own, keeps it.
 */
const IMPLIED = ['payments', 'payment_allocations', 'bank_entries', 'claim_components'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(IMPLIED.map((t) => `alter table ${t} drop constraint ${t}_tenant_id_fkey;`).join('\n')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(IMPLIED.map((t) => `alter table ${t} add constraint ${t}_tenant_id_fkey foreign key (tenant_id) references tenants(id);`).join('\n')).execute(db);
}
