import { sql, type Kysely } from 'kysely';

/**
 * The desk supervisor (issue 14 items 1 and 6): who made each desk call and from which queue (the board
 * counts per operator and per queue), an outcome corrected by a supervisor next to the original (never
 * overwritten), and the review of a debtor the desk sent out of its queues (skip tracing, dispute,
 * supervisor review) closed with who, when and how. Indexes for the board's period aggregates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table contact_log
  add column user_id uuid,
  add column queue_id uuid,
  add column corrected_outcome text check (corrected_outcome is null or length(corrected_outcome) between 1 and 40),
  add column corrected_by uuid,
  add column corrected_at timestamptz,
  add column correction_reason text check (correction_reason is null or length(correction_reason) between 1 and 1000),
  add column review_closed_at timestamptz,
  add column review_closed_by uuid,
  add column review_resolution text check (review_resolution is null or review_resolution in ('requeued', 'closed')),
  add constraint contact_log_correction check ((corrected_outcome is null) = (corrected_at is null) and (corrected_at is null) = (correction_reason is null));

-- Calls logged before this migration: their user from the actor label (user:<e-mail>).
update contact_log l set user_id = u.id from users u where u.tenant_id = l.tenant_id and l.actor_label = 'user:' || u.email and l.user_id is null;

-- The board: a tenant's desk calls of a period; payments and promises of a period.
create index contact_log_desk on contact_log (tenant_id, local_date) where channel = 'desk';
create index payments_value_date on payments (tenant_id, value_date);
create index promises_made on promises (tenant_id, made_on);
create index promises_judged on promises (tenant_id, judged_on) where judged_on is not null;
-- The special queues: desk outcomes that send a debtor out of the call queues (list-reviews.ts:
-- wrong or dead number, do not call, dispute, instalments, already paid, hardship, deceased), not yet reviewed;
-- the operator's original outcome, whose effect a correction does not undo.
create index contact_log_reviews on contact_log (tenant_id, id) where channel = 'desk' and review_closed_at is null
  and outcome in ('NUMERO_INESISTENTE', 'NUMERO_ERRATO', 'NON_CONTATTARE', 'CONTESTAZIONE', 'RICHIESTA_RATEIZZAZIONE', 'GIA_PAGATO', 'DIFFICOLTA_ECONOMICA', 'DECEDUTO');
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop index contact_log_reviews; drop index promises_judged; drop index promises_made; drop index payments_value_date; drop index contact_log_desk;
alter table contact_log drop constraint contact_log_correction, drop column user_id, drop column queue_id, drop column corrected_outcome, drop column corrected_by,
  drop column corrected_at, drop column correction_reason, drop column review_closed_at, drop column review_closed_by, drop column review_resolution;`,
    )
    .execute(db);
}
