import { sql, type Kysely } from 'kysely';

/**
 * The phone desk (issue 14): work queues a supervisor defines (per creditor / comune mandate, with a
 * filter kept as data), the operators assigned to each, and the debtors in each queue with their
 * priority, next-work moment, callback and lease. "Next" takes the first item that may be worked now
 * with `FOR UPDATE SKIP LOCKED` and leases it to the operator for a while, so two operators never get
 * the same debtor; an expired lease frees it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table work_queues (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  name text not null check (length(name) between 1 and 100),
  creditor_id uuid,
  filter jsonb not null default '{}',
  weights jsonb,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, name),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id)
);

create table work_queue_members (
  tenant_id uuid not null references tenants(id),
  queue_id uuid not null,
  user_id uuid not null,
  primary key (tenant_id, queue_id, user_id),
  foreign key (tenant_id, queue_id) references work_queues(tenant_id, id) on delete cascade,
  foreign key (user_id) references users(id) on delete cascade
);

create table desk_items (
  tenant_id uuid not null references tenants(id),
  queue_id uuid not null,
  debtor_id uuid not null,
  priority integer not null default 0,
  owed numeric(15, 2) not null default 0,
  next_work_at timestamptz not null default now(),
  callback_at timestamptz,
  callback_user_id uuid,
  leased_by uuid,
  leased_until timestamptz,
  last_outcome text,
  last_worked_at timestamptz,
  added_at timestamptz not null default now(),
  primary key (tenant_id, queue_id, debtor_id),
  foreign key (tenant_id, queue_id) references work_queues(tenant_id, id) on delete cascade,
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  check ((leased_by is null) = (leased_until is null))
);
-- "Next": the queue's items by priority among those due; callbacks have their own probe.
create index desk_items_next on desk_items (tenant_id, queue_id, priority desc, next_work_at);
create index desk_items_callbacks on desk_items (tenant_id, queue_id, callback_at) where callback_at is not null;
create index desk_items_debtor on desk_items (tenant_id, debtor_id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table desk_items; drop table work_queue_members; drop table work_queues;').execute(db);
}
