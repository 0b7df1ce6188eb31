import { sql, type Kysely } from 'kysely';

/**
 * A comune's position as its act states it (issue 13):
 * - on the claim: the act behind it (kind, number, dates of issue, notification and enforceability)
 *   and its pagoPA notice code (codice avviso, 18 digits), unique per comune; the tax year exists since 0001;
 * - on the creditor: the comune's cadastral code (codice catastale, for F24 section EL), its
 *   regulation of revenues (`revenue_rules`, the domain's RevenueRules; null: the shipped defaults of
 *   src/domain/municipal/revenue-rules.ts), its pagoPA set-up (how notices arise, segregation code,
 *   CBILL, postal account) and the counter of IUV bases it generated as the comune's partner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table claims
  add column act_kind text check (act_kind in ('bonario', 'accertamento_esecutivo', 'ingiunzione_fiscale', 'verbale_cds', 'cup_notice', 'other')),
  add column act_number text check (length(act_number) between 1 and 50),
  add column act_date date,
  add column act_notified_on date,
  add column act_enforceable_on date,
  add column notice_code text check (notice_code ~ '^[0-9]{18}$'),
  add constraint claims_act_dates check (
    (act_date is null or act_notified_on is null or act_date <= act_notified_on)
    and (act_notified_on is null or act_enforceable_on is null or act_notified_on <= act_enforceable_on));
create unique index claims_notice_code on claims(tenant_id, creditor_id, notice_code) where notice_code is not null;

alter table creditors
  add column cadastral_code text check (cadastral_code ~ '^[A-Z][0-9]{3}$'),
  add column revenue_rules jsonb,
  add column pagopa jsonb,
  add column pagopa_next_iuv bigint not null default 1 check (pagopa_next_iuv between 1 and 9999999999999);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table creditors drop column cadastral_code, drop column revenue_rules, drop column pagopa, drop column pagopa_next_iuv;
drop index claims_notice_code;
alter table claims drop constraint claims_act_dates,
  drop column act_kind, drop column act_number, drop column act_date, drop column act_notified_on,
  drop column act_enforceable_on, drop column notice_code;
`,
    )
    .execute(db);
}
