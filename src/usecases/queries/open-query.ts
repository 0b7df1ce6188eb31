import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { isClosed, type ClaimStatus } from '../../domain/claims/lifecycle.ts';
import { Temporal, today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { dateParam, DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { statusOnDispute, type QueryKind } from '../../domain/queries/rules.ts';
import { amendClaim } from '../claims/update-claim.ts';
import { refreshBalances } from '../claims/balances.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim } from '../shared/scope.ts';
import { addQueryMessage, fetchQueryView } from './query-view.ts';
import { OpenQueryInput, type QueryView } from './schema.ts';

/**
 * The agency opens a query on a position, waiting for the creditor (issue 16 item 4):
 * - dispute (or a reported error): the position pauses (disputed) until the creditor answers;
 * - plan_approval: a plan proposed outside the rules goes to the creditor for approval;
 * - return: the position goes back to the creditor with its reason (status returned, closed);
 * - question: a free question.
 * State change, thread and audit in one transaction.
 */
export async function openQuery(db: Db, actor: Actor, input: z.input<typeof OpenQueryInput>, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  return db.transaction().execute((trx) => raiseQuery(trx, actor, input, locale));
}

/** `openQuery` on a transaction the caller holds. */
export async function raiseQuery(trx: Trx, actor: Actor, input: z.input<typeof OpenQueryInput>, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  const data = parseInput(OpenQueryInput, input);
  const claim = await loadClaim(trx, actor, data.claimId, { forUpdate: true });
  authorize(actor, 'create', 'query');
  const status = claim.status as ClaimStatus;
  if (data.kind !== 'question' && isClosed(status)) throw invalid([fieldError('claimId', 'queries.claim_closed', { ref: claim.external_ref })]);
  if (data.kind === 'plan_approval') {
    if (!data.planId) throw invalid([fieldError('planId', 'queries.plan_required')]);
    const plan = await trx.selectFrom('plans').select(['state', 'claim_ids']).where('tenant_id', '=', actor.tenantId).where('id', '=', data.planId).executeTakeFirst();
    if (!plan || !plan.claim_ids.includes(claim.id)) throw invalid([fieldError('planId', 'queries.plan_not_of_claim')]);
    if (plan.state !== 'proposed') throw invalid([fieldError('planId', 'queries.plan_not_proposed', { state: plan.state })]);
    // One question to the creditor per plan: a second one while the first waits would ask twice.
    const asked = await trx.selectFrom('queries').select('created_at').where('tenant_id', '=', actor.tenantId).where('plan_id', '=', data.planId).where('status', '=', 'open').executeTakeFirst();
    if (asked) throw invalid([fieldError('planId', 'queries.plan_already_asked', { date: dateParam(today('Europe/Rome', Temporal.Instant.fromEpochMilliseconds(asked.created_at.getTime()))) })]);
  } else if (data.planId) throw invalid([fieldError('planId', 'queries.answer_not_for_kind')]);
  if (data.kind === 'return' && data.text.length > 500) throw invalid([fieldError('text', 'field.max_chars', { max: 500 })]);

  if (data.kind === 'dispute' && statusOnDispute(status) !== status) {
    await amendClaim(trx, actor, claim.id, { status: statusOnDispute(status) }, locale);
  }
  if (data.kind === 'return') {
    await trx
      .updateTable('claims')
      .set({ status: 'returned', return_reason: data.text, closed_on: today().toString(), version: sql`version + 1`, updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', claim.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'claim.returned',
      entityType: 'claim',
      entityId: claim.id,
      debtorId: claim.debtor_id,
      creditorId: claim.creditor_id,
      before: { status, returnReason: claim.return_reason },
      after: { status: 'returned', returnReason: data.text },
    });
    await refreshBalances(trx, actor.tenantId, [claim.id]);
  }
  const id = await insertQuery(trx, actor, claim, data.kind, data.text, data.planId ?? null);
  return fetchQueryView(trx, actor, id, locale);
}

/**
 * A query row, its first message and its audit event (the caller holds the claim's lock and made the
 * position's change). One open query of a kind per position, a free question excepted.
 */
export async function insertQuery(
  trx: Trx,
  actor: Actor,
  claim: { id: string; creditor_id: string; debtor_id: string; external_ref: string },
  kind: QueryKind,
  body: string,
  planId: string | null,
): Promise<string> {
  if (kind !== 'question') {
    const open = await trx
      .selectFrom('queries')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('claim_id', '=', claim.id)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) throw conflict(msg('queries.already_open', { ref: claim.external_ref }));
  }
  const row = await trx
    .insertInto('queries')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: claim.creditor_id,
      debtor_id: claim.debtor_id,
      claim_id: claim.id,
      plan_id: planId,
      kind,
      waiting_for: 'creditor',
      opened_by: actor.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addQueryMessage(trx, actor, row.id, 'agency', body);
  await recordAudit(trx, actor, {
    action: 'query.opened',
    entityType: 'query',
    entityId: row.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    after: { kind, claimId: claim.id, planId, waitingFor: 'creditor' },
  });
  return row.id;
}
