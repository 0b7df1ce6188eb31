import { sql, type Kysely } from 'kysely';

/**
 * Instalment plans (issue 15 items 1–2): a plan for one or several positions of one debtor and one
 * creditor, its schedule (one row per instalment, filled by the payments on its positions), the rules
 * it was made under (a snapshot: a later change of the creditor's rules is not retroactive), the
 * approval when it was outside them, the one extension of c.798 and the lapse of c.800. And a
 * creditor's own plan rules (null: the default for its kind — c.796 for a comune).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table plans (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  creditor_id uuid not null,
  claim_ids uuid[] not null check (cardinality(claim_ids) between 1 and 500),
  currency char(3) not null,
  total numeric(15,2) not null check (total > 0),
  instalment_count integer not null check (instalment_count between 1 and 240),
  state text not null check (state in ('proposed', 'active', 'lapsed', 'paid', 'cancelled', 'rejected')),
  needs_approval boolean not null default false,
  reasons text[] not null default '{}',
  rules jsonb not null,
  started_on date not null,
  proposed_by text not null,
  approved_by text,
  approved_at timestamptz,
  decided_reason text,
  extension_used boolean not null default false,
  extended_on date,
  lapsed_on date,
  closed_on date,
  paid numeric(15,2) not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id)
);
create index plans_debtor on plans (tenant_id, debtor_id, created_at);
create index plans_running on plans (id) where state = 'active';

create table plan_instalments (
  tenant_id uuid not null,
  plan_id uuid not null,
  number integer not null check (number >= 1),
  due_on date not null,
  amount numeric(15,2) not null check (amount > 0),
  paid numeric(15,2) not null default 0 check (paid >= 0),
  state text not null default 'due' check (state in ('due', 'paid', 'partly_paid', 'late')),
  reminded_on date,
  primary key (plan_id, number),
  foreign key (tenant_id, plan_id) references plans(tenant_id, id) on delete cascade
);

alter table creditors add column plan_rules jsonb;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table creditors drop column plan_rules; drop table plan_instalments; drop table plans;').execute(db);
}
