import { sql, type Kysely } from 'kysely';

/**
 * How the agency is paid (issue 16 items 1–2).
 *
 * mandate_terms: a creditor's terms (domain/commission/terms.ts MandateTerms as jsonb), one row per
 * version, effective from a date; never updated — a change is a new version. The stored but unused
 * creditors.commission_percent becomes the first version of each creditor that has one, effective
 * from its mandate's start (or 2000-01-01), gross remittance, VAT 22 % (UNVERIFIED default), paid to
 * the creditor for a comune and to the agency otherwise — and so does a creditor made (or given a
 * percentage) later while it has no terms (a trigger: the demo loader and the creditor form stay as
 * they are). Once a creditor has terms, the percentage column no longer changes them.
 *
 * remittance_statements / remittance_statement_lines: issued statements (rendiconto / fattura
 * provvigioni), numbered per tenant and year without gaps (remittance_statement_numbers: the counter
 * row moves in the issuing transaction, so a rolled-back issue leaves no hole), immutable once issued
 * (a trigger refuses update and delete), with their lines, totals and files (PDF, XLSX, SHA-256).
 * A correction is a new statement whose `corrects_id` names the old one (at most one correction each).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table mandate_terms (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null references creditors(id),
  effective_from date not null,
  terms jsonb not null,
  note text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (tenant_id, creditor_id, effective_from)
);
-- The first version from creditors.commission_percent: for the creditors there are, and for any made
-- or given a percentage later while they have no terms yet (the demo loader, the creditor form, imports).
-- The same defaults as domain/commission/terms.ts defaultTerms.
create function mandate_terms_first(c creditors) returns void language sql as $$
  insert into mandate_terms (tenant_id, creditor_id, effective_from, terms, note)
  select c.tenant_id, c.id, coalesce(c.mandate_starts_on, date '2000-01-01'),
    jsonb_build_object(
      'rules', jsonb_build_array(jsonb_build_object('percent', trim(trailing '.' from trim(trailing '0' from c.commission_percent::text)))),
      'base', '["principal","tax","sanctions","act_interest","interest","costs","fees"]'::jsonb,
      'agencyComponents', '[]'::jsonb,
      'capPerStatement', null, 'feePerPosition', null, 'feePerContact', null,
      'vatPercent', '22', 'remittance', 'gross',
      'paymentsReceivedBy', case when c.kind = 'public_entity' then 'creditor' else 'agency' end,
      'period', 'monthly'),
    'creditors.commission_percent'
  where c.commission_percent is not null
    and not exists (select 1 from mandate_terms m where m.tenant_id = c.tenant_id and m.creditor_id = c.id);
$$;
select mandate_terms_first(c) from creditors c where c.commission_percent is not null;
create function creditors_first_terms() returns trigger language plpgsql as $$
begin
  perform mandate_terms_first(new);
  return null;
end $$;
create trigger creditors_first_terms after insert or update of commission_percent on creditors
  for each row when (new.commission_percent is not null) execute function creditors_first_terms();

create table remittance_statement_numbers (
  tenant_id uuid not null references tenants(id),
  year integer not null,
  last_number integer not null,
  primary key (tenant_id, year)
);

create table remittance_statements (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null references creditors(id),
  year integer not null,
  number integer not null check (number > 0),
  currency text not null,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  issued_on date not null,
  language text not null check (language in ('it', 'en', 'de', 'fr')),
  corrects_id uuid unique references remittance_statements(id),
  totals jsonb not null,
  terms jsonb not null,
  pdf bytea not null,
  pdf_sha256 text not null,
  xlsx bytea not null,
  xlsx_sha256 text not null,
  issued_by uuid references users(id),
  issued_at timestamptz not null default now(),
  unique (tenant_id, year, number)
);
create index remittance_statements_creditor on remittance_statements (tenant_id, creditor_id, period_from);

create table remittance_statement_lines (
  statement_id uuid not null references remittance_statements(id),
  tenant_id uuid not null references tenants(id),
  position integer not null,
  kind text not null check (kind in ('payment', 'reversal')),
  payment_id uuid not null,
  claim_id uuid not null,
  claim_ref text not null,
  debtor_name text not null,
  value_date date not null,
  reversed_on date,
  collected numeric(15,2) not null,
  base numeric(15,2) not null,
  percent text not null,
  commission numeric(15,2) not null,
  reimbursed numeric(15,2) not null,
  terms_id uuid,
  unpriced text check (unpriced in ('no_terms', 'no_rule')),
  primary key (statement_id, position)
);
create index remittance_statement_lines_payment on remittance_statement_lines (tenant_id, payment_id);

create function remittance_statements_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'an issued remittance statement cannot change' using errcode = 'P0001';
end $$;
create trigger remittance_statements_immutable before update or delete on remittance_statements
  for each row execute function remittance_statements_immutable();
create trigger remittance_statement_lines_immutable before update or delete on remittance_statement_lines
  for each row execute function remittance_statements_immutable();
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table remittance_statement_lines;
drop table remittance_statements;
drop function remittance_statements_immutable();
drop table remittance_statement_numbers;
drop trigger creditors_first_terms on creditors;
drop function creditors_first_terms();
drop function mandate_terms_first(creditors);
drop table mandate_terms;
`,
    )
    .execute(db);
}
