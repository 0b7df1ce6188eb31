import { sql, type Kysely } from 'kysely';

/**
 * Interest as its own document (issue 17 item 5; seed 003):
 * - `claims.interest_after_notice`: a claim with no agreed due date accrues interest only from the day
 *   after the formal notice was received (art. 102 CO, art. 1219 c.c.); `communications.received_on` is
 *   the day a written communication reached the debtor (A/R card, PEC delivery receipt).
 * - `claims.interest_waiver`: the creditor gave up the claim's interest (below CHF 500, a loyal customer,
 *   force majeure …): reason, note, who and when.
 * - `interest_invoices`: a separate invoice of the interest accrued on a claim over a period, referring to
 *   the original invoice, without VAT (interest on late payment is outside the scope of VAT: art. 15
 *   DPR 633/1972, art. 18 c.2 lit. 19 MWSTG), numbered per creditor and year without gaps
 *   (`interest_invoice_numbers`), its PDF sealed with its SHA-256 (no UPDATE or DELETE).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table claims add column interest_after_notice boolean not null default false;
alter table claims add column interest_waiver jsonb;
alter table communications add column received_on date;

create table interest_invoice_numbers (
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  year integer not null,
  last integer not null,
  primary key (tenant_id, creditor_id, year),
  foreign key (tenant_id, creditor_id) references creditors (tenant_id, id)
);

create table interest_invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  claim_id uuid not null,
  debtor_id uuid not null,
  year integer not null,
  number integer not null,
  issued_on date not null,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  amount numeric(14,2) not null check (amount > 0),
  currency text not null,
  language text not null check (language in ('it', 'en', 'de', 'fr')),
  pdf bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  issued_by_label text not null,
  issued_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, creditor_id, year, number),
  foreign key (tenant_id, creditor_id) references creditors (tenant_id, id),
  foreign key (tenant_id, claim_id) references claims (tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors (tenant_id, id)
);
create index interest_invoices_claim on interest_invoices (tenant_id, claim_id, period_to desc);
create function incasso_interest_invoice_sealed() returns trigger language plpgsql as $fn$
begin
  raise exception 'interest_invoices are sealed: % refused', tg_op using errcode = 'insufficient_privilege';
end
$fn$;
create trigger interest_invoices_sealed before update or delete on interest_invoices
  for each row execute function incasso_interest_invoice_sealed();
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table interest_invoices; drop function incasso_interest_invoice_sealed(); drop table interest_invoice_numbers;
alter table communications drop column received_on;
alter table claims drop column interest_waiver;
alter table claims drop column interest_after_notice;
`,
    )
    .execute(db);
}
