import { sql, type Kysely } from 'kysely';

/**
 * "Next" at scale (issue 14 item 8, bench/desk): the probe for the best item reads `desk_items_next`
 * in order and stops at the first row it may take; with `debtor_id` last in the index the order is
 * the index's own (no sort of the rows sharing a priority). The operator's own lease ("the same one
 * back") is found by a small index of the leased rows instead of a scan of the queue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index desk_items_next;
create index desk_items_next on desk_items (tenant_id, queue_id, priority desc, next_work_at, debtor_id);
create index desk_items_leased on desk_items (tenant_id, leased_by) where leased_by is not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index desk_items_leased;
drop index desk_items_next;
create index desk_items_next on desk_items (tenant_id, queue_id, priority desc, next_work_at);
`,
    )
    .execute(db);
}
