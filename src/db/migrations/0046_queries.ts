import { sql, type Kysely } from 'kysely';

/**
 * Queries both ways between the agency and the creditor (issue 16 item 4): a thread per position —
 * a dispute or reported error, a plan outside the rules, a position handed back, a free question —
 * with the side it waits for, its status, the creditor's answer and its messages. One open query of
 * a kind per position (a free question excepted). And why a position was handed back to the
 * creditor (`claims.return_reason`, status `returned`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table queries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  debtor_id uuid not null,
  claim_id uuid not null,
  plan_id uuid,
  kind text not null check (kind in ('dispute', 'plan_approval', 'return', 'question')),
  status text not null default 'open' check (status in ('open', 'answered', 'closed')),
  waiting_for text check (waiting_for in ('agency', 'creditor')),
  answer text check (answer in ('confirmed', 'corrected', 'annulled', 'already_paid', 'approved', 'rejected', 'acknowledged')),
  answered_by text,
  answered_via text check (answered_via in ('portal', 'pec', 'phone', 'email', 'letter')),
  answered_at timestamptz,
  opened_by text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'open') = (waiting_for is not null)),
  check ((kind = 'plan_approval') = (plan_id is not null)),
  unique (tenant_id, id),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id),
  foreign key (tenant_id, plan_id) references plans(tenant_id, id)
);
create unique index queries_one_open on queries (tenant_id, claim_id, kind) where status = 'open' and kind <> 'question';
create index queries_waiting on queries (tenant_id, waiting_for, creditor_id, created_at) where status = 'open';
create index queries_claim on queries (tenant_id, claim_id, created_at);

create table query_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  query_id uuid not null,
  side text not null check (side in ('agency', 'creditor')),
  author text not null,
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, query_id) references queries(tenant_id, id)
);
create index query_messages_query on query_messages (query_id, created_at);

alter table claims add column return_reason text check (length(return_reason) <= 500);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table claims drop column return_reason; drop table query_messages; drop table queries;').execute(db);
}
