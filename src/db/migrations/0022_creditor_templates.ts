import { sql, type Kysely } from 'kysely';

/**
 * A creditor's own wording of the letter and e-mail templates (issue 13: "templates stay editable per
 * comune, in Italian first — German for Alto Adige comuni"): one row per creditor, template key and
 * language, holding the editable parts (domain/dunning/custom-templates.ts `TemplateText`). No row:
 * the shipped text. Removed with the creditor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table creditor_templates (
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  template_key text not null check (length(template_key) between 1 and 60),
  language text not null check (language in ('it', 'en', 'de', 'fr')),
  text jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (tenant_id, creditor_id, template_key, language),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id) on delete cascade
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table creditor_templates').execute(db);
}
