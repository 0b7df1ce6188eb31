import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';

export const ResolveReviewInput = z.object({ decision: z.enum(['merge', 'keep_separate']) }).strict();

/**
 * Decides an uncertain match an import listed (same name, no tax id, another address): keep the two
 * debtors apart, or merge the one the import created into the existing one — its claims, payments,
 * notes, addresses and contacts move over (a contact the existing debtor already has is not doubled)
 * and the emptied debtor is removed, all recorded in the audit log.
 */
export async function resolveImportReview(
  db: Db,
  actor: Actor,
  jobId: string,
  reviewId: string,
  input: z.input<typeof ResolveReviewInput>,
): Promise<{ id: string; status: 'merged' | 'kept_separate'; debtorId: string }> {
  authorize(actor, 'create', 'import');
  assertId(jobId, 'import');
  assertId(reviewId, 'review');
  const { decision } = parseInput(ResolveReviewInput, input);
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('import_reviews as r')
      .innerJoin('import_jobs as j', 'j.id', 'r.job_id')
      .select(['r.id', 'r.status', 'r.debtor_id', 'r.candidate_id', 'j.creditor_id'])
      .where('r.tenant_id', '=', actor.tenantId)
      .where('r.job_id', '=', jobId)
      .where('r.id', '=', reviewId);
    if (actor.creditorId !== null) q = q.where('j.creditor_id', '=', actor.creditorId);
    const review = await q.forUpdate().executeTakeFirst();
    if (!review) throw notFound('review');
    if (review.status !== 'open') throw conflict(msg('import.review_already_decided'));
    const status = decision === 'merge' ? ('merged' as const) : ('kept_separate' as const);
    if (decision === 'merge') {
      const from = review.debtor_id;
      const to = review.candidate_id;
      const t = actor.tenantId;
      const before = await trx.selectFrom('debtors').selectAll().where('tenant_id', '=', t).where('id', '=', from).forUpdate().executeTakeFirstOrThrow();
      await trx.selectFrom('debtors').select('id').where('tenant_id', '=', t).where('id', '=', to).forUpdate().executeTakeFirstOrThrow();
      const moved = {
        claims: (await trx.updateTable('claims').set({ debtor_id: to, updated_at: sql`now()` }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
        payments: (await trx.updateTable('payments').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
        notes: (await trx.updateTable('notes').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
        addresses: (await trx.updateTable('addresses').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
      };
      // Contacts the existing debtor already has stay once; the others move.
      await sql`delete from contacts c where c.tenant_id = ${t} and c.debtor_id = ${from}
        and exists (select 1 from contacts o where o.tenant_id = c.tenant_id and o.debtor_id = ${to} and o.channel = c.channel and o.value = c.value)`.execute(trx);
      const contacts = (await trx.updateTable('contacts').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length;
      // Its history goes with it: letters, calls and their log, promises. A queue it was in keeps the
      // other debtor's item (or gets this one's): the hourly refill recomputes the priority.
      const history = {
        communications: (await trx.updateTable('communications').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
        calls: (await trx.updateTable('contact_log').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
        promises: (await trx.updateTable('promises').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).returning('id').execute()).length,
      };
      await trx.updateTable('desk_calls').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).execute();
      await sql`delete from desk_items i where i.tenant_id = ${t} and i.debtor_id = ${from}
        and exists (select 1 from desk_items o where o.tenant_id = i.tenant_id and o.queue_id = i.queue_id and o.debtor_id = ${to})`.execute(trx);
      await trx.updateTable('desk_items').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).execute();
      await trx.updateTable('import_reviews').set({ debtor_id: to }).where('tenant_id', '=', t).where('debtor_id', '=', from).execute();
      await trx.updateTable('import_reviews').set({ candidate_id: to }).where('tenant_id', '=', t).where('candidate_id', '=', from).execute();
      await trx.deleteFrom('debtors').where('tenant_id', '=', t).where('id', '=', from).execute();
      await recordAudit(trx, actor, {
        action: 'debtor.merged',
        entityType: 'debtor',
        entityId: to,
        debtorId: to,
        before: { mergedDebtor: { ...before, created_at: String(before.created_at), updated_at: String(before.updated_at) } },
        after: { into: to, moved: { ...moved, contacts, ...history }, importJobId: jobId },
      });
    }
    await trx
      .updateTable('import_reviews')
      .set({ status, resolved_by: actor.userId, resolved_at: sql`now()` as never })
      .where('id', '=', review.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'import.review_resolved',
      entityType: 'import',
      entityId: jobId,
      creditorId: review.creditor_id,
      after: { reviewId: review.id, decision, debtorId: review.debtor_id, candidateId: review.candidate_id },
    });
    return { id: review.id, status, debtorId: decision === 'merge' ? review.candidate_id : review.debtor_id };
  });
}
