import { sql, type Kysely } from 'kysely';

/**
 * One debtor per tax id in a tenant (issue 11): two imports running at once could create the same
 * codice fiscale or partita IVA twice. Existing duplicates are merged first — per tenant and tax id
 * the oldest debtor keeps, the others' claims, payments, notes, addresses, attachments,
 * communications, contact log and review rows move to it, a contact it already has is not doubled
 * (references to it follow the kept one), and each merged debtor leaves a `debtor.merged` audit
 * event with its whole row — then the indexes become unique, so the database itself refuses a
 * second one and concurrent imports wait for each other (`insert … on conflict`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['tax_code', 'vat_number'] as const) {
    await mergeDuplicates(db, column);
  }
  await sql
    .raw(
      `
drop index debtors_tenant_tax_code;
drop index debtors_tenant_vat;
create unique index debtors_tenant_tax_code on debtors(tenant_id, tax_code) where tax_code is not null;
create unique index debtors_tenant_vat on debtors(tenant_id, vat_number) where vat_number is not null;
`,
    )
    .execute(db);
}

/** Merges every group of debtors sharing `column` in a tenant into its oldest member. */
export async function mergeDuplicates(db: Kysely<unknown>, column: 'tax_code' | 'vat_number'): Promise<number> {
  await sql`create temporary table debtor_merge (dup uuid primary key, keeper uuid not null, tenant_id uuid not null)`.execute(db);
  await sql`create temporary table contact_merge (dropped uuid primary key, survivor uuid not null)`.execute(db);
  try {
    return await merge(db, column);
  } finally {
    await sql`drop table debtor_merge, contact_merge`.execute(db);
  }
}

async function merge(db: Kysely<unknown>, column: 'tax_code' | 'vat_number'): Promise<number> {
  const col = sql.ref(column);
  await sql`
    insert into debtor_merge (dup, keeper, tenant_id)
    select d.id, k.keeper, d.tenant_id
    from debtors d
    join (
      select tenant_id, ${col} as key, (array_agg(id order by created_at, id))[1] as keeper
      from debtors where ${col} is not null
      group by tenant_id, ${col} having count(*) > 1
    ) k on k.tenant_id = d.tenant_id and k.key = d.${col} and d.id <> k.keeper`.execute(db);
  const n = Number((await sql<{ n: number }>`select count(*)::int as n from debtor_merge`.execute(db)).rows[0]?.n ?? 0);
  if (n === 0) return 0;

  // Contacts: per kept debtor, channel and value one contact survives (the kept debtor's own first);
  // what referred to a dropped copy refers to the survivor.
  await sql`
    insert into contact_merge (dropped, survivor)
    select id, survivor from (
      select x.id, first_value(x.id) over (partition by x.owner, x.channel, x.value order by x.own desc, x.created_at, x.id) as survivor
      from (
        select c.id, c.channel, c.value, c.created_at, coalesce(m.keeper, c.debtor_id) as owner, (m.dup is null) as own
        from contacts c
        left join debtor_merge m on m.dup = c.debtor_id
        where c.debtor_id in (select dup from debtor_merge) or c.debtor_id in (select keeper from debtor_merge)
      ) x
    ) y
    where id <> survivor`.execute(db);
  await sql`update communications c set contact_id = cm.survivor from contact_merge cm where c.contact_id = cm.dropped`.execute(db);
  await sql`update contact_log c set contact_id = cm.survivor from contact_merge cm where c.contact_id = cm.dropped`.execute(db);
  await sql`delete from contacts where id in (select dropped from contact_merge)`.execute(db);

  for (const table of ['claims', 'payments', 'notes', 'addresses', 'contacts', 'attachments', 'communications', 'contact_log', 'import_reviews']) {
    await sql`update ${sql.table(table)} t set debtor_id = m.keeper from debtor_merge m where t.debtor_id = m.dup`.execute(db);
  }
  await sql`update import_reviews t set candidate_id = m.keeper from debtor_merge m where t.candidate_id = m.dup`.execute(db);
  // A review whose two sides are now one debtor has nothing left to decide.
  await sql`update import_reviews set status = 'merged', resolved_at = now() where status = 'open' and debtor_id = candidate_id`.execute(db);

  await sql`
    insert into audit_events (tenant_id, actor_label, action, entity_type, entity_id, debtor_id, before, after)
    select d.tenant_id, 'system:migration-0010', 'debtor.merged', 'debtor', m.keeper, m.keeper,
           jsonb_build_object('mergedDebtor', to_jsonb(d)),
           jsonb_build_object('into', m.keeper, 'reason', ${`same ${column} in the tenant (one debtor per tax id)`}::text)
    from debtor_merge m join debtors d on d.id = m.dup`.execute(db);
  await sql`update debtors set version = version + 1, updated_at = now() where id in (select keeper from debtor_merge)`.execute(db);
  await sql`delete from debtors where id in (select dup from debtor_merge)`.execute(db);
  return n;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index debtors_tenant_tax_code;
drop index debtors_tenant_vat;
create index debtors_tenant_tax_code on debtors(tenant_id, tax_code) where tax_code is not null;
create index debtors_tenant_vat on debtors(tenant_id, vat_number) where vat_number is not null;
`,
    )
    .execute(db);
}
