import { sql, type Kysely } from 'kysely';

/**
 * Payment-behaviour profiles and risk classes (issue 17 items 1–2).
 * - `debtor_profiles`: one row per debtor (creditor_id null: all its creditors) and per debtor ×
 *   creditor, recomputed from its claims, promises and plans (usecases/risk/refresh-debtor-profiles.ts
 *   in the transaction that changes them, the nightly `refresh-risk` job for all): the class A–D, the
 *   figures and the coded reasons of the class.
 * - `creditors.risk_rules`: a creditor's own thresholds over the defaults (src/domain/risk/rules.ts);
 *   a tenant's go in tenants.settings.riskRules.
 * - `debtor_advice`: the operator's choice on the advice for a debtor in the negotiation tier, with
 *   its reason and what was recommended then.
 * - Strategy steps limited to the former risk classes (low, medium, high — never matched anything, as
 *   no class was computed) now name the new ones: low → A, B; medium → C; high → D.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table debtor_profiles (
  tenant_id uuid not null,
  debtor_id uuid not null,
  creditor_id uuid,
  risk_class text not null check (risk_class in ('A', 'B', 'C', 'D')),
  figures jsonb not null,
  reasons jsonb not null,
  computed_at timestamptz not null default now(),
  -- Derived rows, rewritten in bulk: only the debtor is checked (and a merged debtor's go with it);
  -- the tenant comes with it and creditors are never deleted.
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id) on delete cascade
);
create unique index debtor_profiles_key on debtor_profiles (tenant_id, debtor_id, creditor_id) nulls not distinct;
create index debtor_profiles_class on debtor_profiles (tenant_id, risk_class) where creditor_id is null;

alter table creditors add column risk_rules jsonb;

create table debtor_advice (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  creditor_id uuid,
  recommended text not null check (recommended in ('negotiate', 'guarantee', 'close')),
  choice text not null check (choice in ('negotiate', 'guarantee', 'close')),
  reason text not null,
  risk_class text check (risk_class in ('A', 'B', 'C', 'D')),
  decided_by uuid references users(id),
  decided_at timestamptz not null default now(),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id) on delete cascade,
  foreign key (tenant_id, creditor_id) references creditors (tenant_id, id)
);
create index debtor_advice_debtor on debtor_advice (tenant_id, debtor_id, decided_at desc);
`,
    )
    .execute(db);
  const map: Record<string, string[]> = { low: ['A', 'B'], medium: ['C'], high: ['D'] };
  const rows = await sql<{ id: string; steps: { conditions?: { riskClasses?: string[] } }[] }>`select id, steps from strategies where steps::text like '%riskClasses%'`.execute(db);
  for (const row of rows.rows) {
    const steps = row.steps.map((s) =>
      s.conditions?.riskClasses ? { ...s, conditions: { ...s.conditions, riskClasses: [...new Set(s.conditions.riskClasses.flatMap((c) => map[c] ?? [c]))].sort() } } : s,
    );
    await sql`update strategies set steps = ${JSON.stringify(steps)}::jsonb where id = ${row.id}`.execute(db);
  }
}

/** Drops the profiles and the advice; strategy steps keep the new class names (a mapping back would be a guess). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table debtor_advice; drop table debtor_profiles; alter table creditors drop column risk_rules;').execute(db);
}
