import { sql, type Kysely } from 'kysely';

/**
 * Reversals of payments (issue 15 item 6). A payment says how it was imputed, so a reversal can
 * re-split the later ones the way the law wants (art. 1193 c.c.): `law` — the debtor named nothing,
 * the engine chose the claims (oldest due first) and may choose again; `claims` — the debtor named the
 * claims (a reference, a claim number); `payer` — the debtor said how much goes to which claim. The
 * last two keep their claims on a reversal and are only re-split within each claim (art. 1194 c.c.).
 * Payments booked before this migration have none and are treated as named (their claims are kept).
 *
 * Settlements (saldo e stralcio, issue 15 item 3): an offer on a debtor's positions with a creditor —
 * what was owed on the offer day, the amount, the deadline — within the creditor's mandate
 * (creditors.settlement_rules, domain/settlements.ts) or approved by a supervisor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payments add column imputation text check (imputation in ('law', 'claims', 'payer'));
alter table creditors add column settlement_rules jsonb;
create table settlements (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null references creditors(id),
  debtor_id uuid not null references debtors(id),
  claim_ids uuid[] not null check (cardinality(claim_ids) between 1 and 500),
  currency text not null,
  owed numeric(14, 2) not null check (owed > 0),
  amount numeric(14, 2) not null check (amount > 0 and amount < owed),
  offered_on date not null,
  deadline date not null check (deadline >= offered_on),
  state text not null check (state in ('awaiting_approval', 'offered', 'paid', 'expired', 'rejected', 'cancelled')),
  approvals text[] not null default '{}',
  note text,
  proposed_by uuid references users(id),
  approved_by uuid references users(id),
  approved_at timestamptz,
  paid_on date,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index settlements_debtor on settlements (tenant_id, debtor_id);
create index settlements_open on settlements (tenant_id, deadline) where state in ('awaiting_approval', 'offered');
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table settlements; alter table creditors drop column settlement_rules; alter table payments drop column imputation;').execute(db);
}
