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

-- The desk's outcome code of a call (domain/desk/outcomes.ts), for the board and the KPIs.
alter table contact_log add column outcome text check (outcome is null or length(outcome) between 1 and 40);

-- A promise to pay (domain/desk/promises.ts): amount and date, judged from the payments after it.
create table promises (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  debtor_id uuid not null,
  amount numeric(15, 2) not null check (amount > 0),
  due_on date not null,
  grace_days integer not null check (grace_days between 0 and 30),
  channel text,
  made_on date not null,
  made_by uuid,
  claim_ids uuid[] not null,
  state text not null default 'pending' check (state in ('pending', 'kept', 'short', 'broken', 'cancelled')),
  paid numeric(15, 2) not null default 0,
  judged_on date,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id)
);
create index promises_pending on promises (tenant_id, due_on) where state = 'pending';
create index promises_debtor on promises (tenant_id, debtor_id);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table contact_log drop column outcome; drop table promises; drop table desk_items; drop table work_queue_members; drop table work_queues;').execute(db);
}
