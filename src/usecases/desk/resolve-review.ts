import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { DEFAULT_PRIORITY_WEIGHTS, deskPriority, priorityWeightsSchema } from '../../domain/desk/priority.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { liftClaimHold } from '../claims/release-claim-hold.ts';
import { withdrawDisputeQueries } from '../queries/withdraw-dispute-queries.ts';
import { amendClaim } from '../claims/update-claim.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { WORKABLE_STATUSES } from './fill-queue.ts';
import { callablePhone, reviewCodes, reviewKindOf } from './list-reviews.ts';
import { ResolveReviewInput } from './schema.ts';

export async function resolveReview(db: Db, actor: Actor, id: string, input: z.input<typeof ResolveReviewInput>, now: Date = new Date()): Promise<{ debtorId: string; resolution: 'requeued' | 'closed' }> {
  return db.transaction().execute((trx) => settleReview(trx, actor, id, input, now));
}

/**
 * A supervisor ends the review of a debtor a desk outcome sent out of the queues (a special queue's
 * entry, `id` = its contact-log row), with a reason, audited:
 * - close: the review ends and nothing else changes (the dispute stays with the creditor, the hold runs
 *   to its day, the debtor stays out of the queues until a fill finds it workable);
 * - requeue: what the outcome paused ends — disputed positions go back in collection (the dispute
 *   queries still open to the creditor on them are withdrawn with the reason), held positions
 *   are released; a skip-tracing debtor needs a number that may be called first — and the debtor is in
 *   `queueId`, due now.
 * Every open review of the same kind for the debtor closes with it.
 */
export async function settleReview(trx: Trx, actor: Actor, id: string, input: z.input<typeof ResolveReviewInput>, now: Date): Promise<{ debtorId: string; resolution: 'requeued' | 'closed' }> {
  const data = parseInput(ResolveReviewInput, input);
  if (!/^[0-9]{1,18}$/.test(id)) throw notFound(msg('desk.call_not_found'));
  const row = await trx
    .selectFrom('contact_log')
    .select(['id', 'debtor_id', 'review_closed_at', 'outcome'])
    .where('tenant_id', '=', actor.tenantId)
    .where('channel', '=', 'desk')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const kind = row ? reviewKindOf(row.outcome) : null;
  if (!row || !kind) throw notFound(msg('desk.call_not_found'));
  authorize(actor, 'update', 'supervision');
  if (row.review_closed_at !== null) throw conflict(msg('desk.review_closed'));
  await trx.selectFrom('debtors').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', row.debtor_id).forUpdate().execute();
  const day = today().toString();
  const changed: string[] = [];
  let queriesWithdrawn: string[] = [];

  if (data.action === 'requeue') {
    if (!data.queueId) throw invalid([fieldError('queueId', 'desk.review_queue_needed')]);
    const queue = await trx.selectFrom('work_queues').select(['id', 'creditor_id', 'weights']).where('tenant_id', '=', actor.tenantId).where('id', '=', data.queueId).executeTakeFirst();
    if (!queue) throw notFound('queue');
    const claims = await trx
      .selectFrom('claims')
      .select(['id', 'version', 'status', 'hold_until'])
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', row.debtor_id)
      .$if(queue.creditor_id !== null, (q) => q.where('creditor_id', '=', queue.creditor_id!))
      .orderBy('due_date')
      .execute();
    if (kind === 'skip_tracing') {
      const ok = await trx
        .selectFrom('debtors as d')
        .select((eb) => callablePhone(eb, day).as('callable'))
        .where('d.tenant_id', '=', actor.tenantId)
        .where('d.id', '=', row.debtor_id)
        .executeTakeFirstOrThrow();
      if (!ok.callable) throw invalid([], msg('desk.review_no_phone'));
    }
    if (kind === 'dispute') {
      for (const c of claims.filter((x) => x.status === 'disputed')) {
        await amendClaim(trx, actor, c.id, { status: 'in_collection', version: c.version });
        changed.push(c.id);
      }
      // The dispute is over: the queries it opened to the creditor on these positions are withdrawn with the reason.
      queriesWithdrawn = await withdrawDisputeQueries(trx, actor, changed, data.reason);
    }
    if (kind === 'supervisor') {
      for (const c of claims.filter((x) => x.hold_until !== null)) {
        await liftClaimHold(trx, actor, c.id, {});
        changed.push(c.id);
      }
    }
    const owed = await trx
      .selectFrom('claims as c')
      .innerJoin('claim_balances as b', (j) => j.onRef('b.claim_id', '=', 'c.id').onRef('b.tenant_id', '=', 'c.tenant_id'))
      .select([sql<string | null>`sum(b.total_due)::text`.as('owed'), sql<string | null>`min(c.due_date)::text`.as('oldest')])
      .where('c.tenant_id', '=', actor.tenantId)
      .where('c.debtor_id', '=', row.debtor_id)
      .where('c.status', 'in', [...WORKABLE_STATUSES])
      .$if(queue.creditor_id !== null, (q) => q.where('c.creditor_id', '=', queue.creditor_id!))
      .executeTakeFirstOrThrow();
    const amount = owed.owed;
    if (amount === null || Number(amount) <= 0) throw invalid([fieldError('queueId', 'desk.review_nothing_owed')]);
    const weights = queue.weights ? priorityWeightsSchema.parse(queue.weights) : DEFAULT_PRIORITY_WEIGHTS;
    const p = deskPriority({ today: day, owed: amount, oldestDueOn: owed.oldest!, timeBarOn: null, brokenPromiseOn: null, worked: true }, weights);
    await trx
      .insertInto('desk_items')
      .values({ tenant_id: actor.tenantId, queue_id: queue.id, debtor_id: row.debtor_id, priority: p.score, owed: amount, next_work_at: now })
      .onConflict((oc) => oc.columns(['tenant_id', 'queue_id', 'debtor_id']).doUpdateSet({ next_work_at: now, owed: amount }))
      .execute();
  }

  const resolution = data.action === 'requeue' ? 'requeued' : 'closed';
  const closed = await trx
    .updateTable('contact_log')
    .set({ review_closed_at: now, review_closed_by: actor.userId, review_resolution: resolution })
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', row.debtor_id)
    .where('channel', '=', 'desk')
    .where('review_closed_at', 'is', null)
    .where('outcome', 'in', reviewCodes(kind))
    .returning(sql<string>`id::text`.as('id'))
    .execute();
  await recordAudit(trx, actor, {
    action: data.action === 'requeue' ? 'desk.review_requeued' : 'desk.review_closed',
    entityType: 'debtor',
    entityId: row.debtor_id,
    debtorId: row.debtor_id,
    before: { kind, outcome: row.outcome },
    after: { kind, resolution, reason: data.reason, queueId: data.queueId ?? null, contactLogIds: closed.map((c) => c.id), claimsResumed: changed, queriesWithdrawn },
  });
  return { debtorId: row.debtor_id, resolution };
}
