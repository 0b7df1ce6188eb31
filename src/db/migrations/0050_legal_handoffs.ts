import { sql, type Kysely } from 'kysely';

/**
 * The legal hand-off (issue 17 item 7): a claim handed over to a law firm, and what the firm reports back.
 * - `users.role` gains `law_firm`: an external user who sees only the dossiers handed to it.
 * - `legal_handoffs`: one per claim while it is with a firm (a withdrawn hand-off leaves room for a new
 *   one): the firm, its user, the hand-off day, who handed it over, the cost/benefit sheet as it was then,
 *   and the latest outcome.
 * - `legal_outcomes`: every outcome the firm records (decree issued, opposed, paid, enforcement,
 *   withdrawn), in order; costs it reports become claim costs (claim_costs) through the cost use case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('admin', 'supervisor', 'operator', 'viewer', 'law_firm'));

create table legal_handoffs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  claim_id uuid not null,
  firm_name text not null check (length(firm_name) between 1 and 200),
  firm_user_id uuid not null references users(id),
  handed_on date not null,
  handed_by uuid references users(id),
  handed_by_label text not null,
  sheet jsonb not null,
  outcome text check (outcome in ('decree_issued', 'opposed', 'paid', 'enforcement', 'withdrawn')),
  outcome_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, claim_id) references claims(tenant_id, id),
  unique (tenant_id, id)
);
create unique index legal_handoffs_claim_open on legal_handoffs(tenant_id, claim_id) where outcome is null or outcome <> 'withdrawn';
create index legal_handoffs_firm on legal_handoffs(tenant_id, firm_user_id);

create table legal_outcomes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  handoff_id uuid not null,
  outcome text not null check (outcome in ('decree_issued', 'opposed', 'paid', 'enforcement', 'withdrawn')),
  occurred_on date not null,
  note text check (note is null or length(note) <= 2000),
  cost_ids uuid[] not null default '{}',
  recorded_by uuid references users(id),
  recorded_by_label text not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, handoff_id) references legal_handoffs(tenant_id, id)
);
create index legal_outcomes_handoff on legal_outcomes(tenant_id, handoff_id, created_at);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table legal_outcomes;
drop table legal_handoffs;
-- Below 0050 there is no law-firm role: its users are kept (the audit trail names them) but switched
-- off — deactivated, their sessions ended — as operators no one can log in as.
delete from sessions where user_id in (select id from users where role = 'law_firm');
update users set role = 'operator', active = false where role = 'law_firm';
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('admin', 'supervisor', 'operator', 'viewer'));
`,
    )
    .execute(db);
}
