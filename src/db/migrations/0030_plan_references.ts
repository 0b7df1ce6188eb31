import { sql, type Kysely } from 'kysely';

/**
 * The payment references of a plan's instalments (issue 15 item 1: "a payment slip per instalment").
 * Every instalment has a number of its own (`ref_no`, from one sequence for the installation, as
 * claims and communications have): its RF creditor reference and Swiss QR reference are built from it
 * behind the prefix `3` (src/domain/dunning/references.ts), so a bank credit naming it is matched to
 * the plan's positions. Rows existing before this migration get theirs here (the default is evaluated
 * per row). A comune that generates its pagoPA notices gives each instalment of a running plan a
 * codice avviso of its own (`notice_code`, reserved from the comune's counter when the plan becomes
 * active, or on the first document of a plan that predates this migration). And what each position
 * owed when the plan was made (`plans.claim_amounts`, claim id → amount; the plan's document lists
 * them; null for plans made before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create sequence plan_instalment_ref_no;
alter table plan_instalments add column ref_no bigint not null default nextval('plan_instalment_ref_no');
alter table plan_instalments add column notice_code text check (notice_code ~ '^[0-9]{18}$');
create unique index plan_instalments_ref_no on plan_instalments (ref_no);
create unique index plan_instalments_notice on plan_instalments (tenant_id, notice_code) where notice_code is not null;
alter table plans add column claim_amounts jsonb;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table plans drop column claim_amounts; alter table plan_instalments drop column notice_code; alter table plan_instalments drop column ref_no; drop sequence plan_instalment_ref_no;').execute(db);
}
