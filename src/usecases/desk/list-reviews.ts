import { sql, type ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { today } from '../../domain/dates.ts';
import { SHIPPED_OUTCOMES, type OutcomeEffect } from '../../domain/desk/outcomes.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { REVIEW_KINDS, ReviewsQuery, type ReviewItem } from './schema.ts';

export type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * The special queues (issue 14 item 1): debtors a desk outcome sent out of the call queues, waiting for
 * someone — skip tracing (a wrong or dead number, or "do not call", and no number left), disputes
 * (positions disputed, waiting for the creditor), supervisor review (hardship, instalment request,
 * "already paid", deceased: positions held).
 */
const EFFECTS: Record<ReviewKind, readonly OutcomeEffect[]> = {
  skip_tracing: ['invalid_number', 'opt_out'],
  dispute: ['dispute'],
  supervisor: ['hardship', 'plan_request', 'already_paid', 'deceased'],
};
export const reviewCodes = (kind: ReviewKind) => SHIPPED_OUTCOMES.filter((o) => EFFECTS[kind].includes(o.effect)).map((o) => o.code);
export const reviewKindOf = (code: string | null): ReviewKind | null => REVIEW_KINDS.find((k) => code !== null && reviewCodes(k).includes(code)) ?? null;

/** The debtor (`d`) has a phone number the desk may call today: the rule of the queues' fill. */
export const callablePhone = (eb: ExpressionBuilder<DB & { d: DB['debtors'] }, 'd'>, day: string) =>
  eb.exists(
    eb
      .selectFrom('contacts as k')
      .select('k.id')
      .whereRef('k.tenant_id', '=', 'd.tenant_id')
      .whereRef('k.debtor_id', '=', 'd.id')
      .where('k.channel', 'in', ['phone', 'mobile'])
      .where('k.status', '!=', 'invalid')
      .where('k.third_party', '=', false)
      .where('k.consent', '!=', 'withdrawn')
      .where((w) => w.or([w('k.valid_to', 'is', null), w('k.valid_to', '>=', day)])),
  );

/**
 * A special queue: per debtor that is in no call queue now, its latest outcome of the kind whose review
 * is still open, with who and when, newest first. A debtor put back into a queue (by a fill after its
 * hold, or by the review) leaves the list. The outcome is the operator's original: its effect (the
 * number invalidated, the positions disputed or held) is what sent the debtor here, and a supervisor's
 * correction does not undo it (correct-outcome.ts), so a corrected call stays here until reviewed.
 */
export async function listReviews(db: Db, actor: Actor, query: z.input<typeof ReviewsQuery>): Promise<ReviewItem[]> {
  authorize(actor, 'read', 'supervision');
  const q = parseInput(ReviewsQuery, query);
  const day = today().toString();
  const latest = db
    .selectFrom('contact_log as l')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'l.debtor_id').onRef('d.tenant_id', '=', 'l.tenant_id'))
    .leftJoin('work_queues as q', (j) => j.onRef('q.id', '=', 'l.queue_id').onRef('q.tenant_id', '=', 'l.tenant_id'))
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'l.user_id').onRef('u.tenant_id', '=', 'l.tenant_id'))
    .distinctOn('l.debtor_id')
    .select([
      sql<string>`l.id::text`.as('id'),
      'l.id as seq',
      'l.debtor_id',
      'd.display_name',
      sql<string>`l.outcome`.as('outcome'),
      sql<string>`coalesce(u.name, l.actor_label)`.as('operator'),
      'l.queue_id',
      'q.name as queue_name',
      'l.created_at',
      (eb) => callablePhone(eb, day).as('callable'),
    ])
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.channel', '=', 'desk')
    .where('l.review_closed_at', 'is', null)
    .where('l.allowed', '=', true)
    .where('l.outcome', 'in', reviewCodes(q.kind))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('desk_items as i').select('i.debtor_id').whereRef('i.tenant_id', '=', 'l.tenant_id').whereRef('i.debtor_id', '=', 'l.debtor_id'))))
    .orderBy('l.debtor_id')
    .orderBy('l.id', 'desc');
  const rows = await db.selectFrom(latest.as('r')).selectAll().orderBy('r.seq', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    debtorId: r.debtor_id,
    debtorName: r.display_name,
    outcome: r.outcome,
    operator: r.operator,
    queueId: r.queue_id,
    queueName: r.queue_name,
    at: new Date(r.created_at).toISOString(),
    callable: Boolean(r.callable),
  }));
}
