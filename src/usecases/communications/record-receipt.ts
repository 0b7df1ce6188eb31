import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { fieldError, invalid, notFound } from '../../domain/errors.ts';
import { isoDate } from '../../domain/fields.ts';
import { dateParam } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { resettleClaim } from '../claims/ledger.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';

export const RecordReceiptInput = z.strictObject({ receivedOn: isoDate.nullable() });

/**
 * The day a written communication reached the debtor (the A/R card's date, the PEC delivery receipt),
 * or null to clear a wrong one. For a claim with no agreed due date this is the formal notice: its
 * interest runs from the day after (domain/interest/claim-pauses.ts), so the claims it concerns are
 * re-settled and their balances stored in the same transaction.
 */
export async function recordReceipt(db: Db, actor: Actor, communicationId: string, input: z.input<typeof RecordReceiptInput>): Promise<{ id: string; receivedOn: string | null; claimsUpdated: number }> {
  assertId(communicationId, 'communication');
  const { receivedOn } = parseInput(RecordReceiptInput, input);
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('communications').select(['id', 'debtor_id', 'creditor_id', 'channel', 'status', 'received_on', 'run_date']).where('tenant_id', '=', actor.tenantId).where('id', '=', communicationId);
    if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
    const c = await q.forUpdate().executeTakeFirst();
    if (!c) throw notFound('communication');
    authorize(actor, 'update', 'communication');
    if (!['letter', 'registered_letter', 'pec', 'email'].includes(c.channel)) throw invalid([fieldError('receivedOn', 'claim.receipt_not_written')]);
    if (receivedOn !== null && (receivedOn < c.run_date || receivedOn > today().toString())) {
      throw invalid([fieldError('receivedOn', 'claim.receipt_date_range', { from: dateParam(c.run_date), to: dateParam(today().toString()) })]);
    }
    await trx.updateTable('communications').set({ received_on: receivedOn }).where('tenant_id', '=', actor.tenantId).where('id', '=', c.id).execute();
    const claims = await trx
      .selectFrom('communication_claims as cc')
      .innerJoin('claims as k', (j) => j.onRef('k.tenant_id', '=', 'cc.tenant_id').onRef('k.id', '=', 'cc.claim_id'))
      .select('k.id')
      .where('cc.tenant_id', '=', actor.tenantId)
      .where('cc.communication_id', '=', c.id)
      .where('k.interest_after_notice', '=', true)
      .orderBy('k.id')
      .forUpdate()
      .execute();
    for (const k of claims) await resettleClaim(trx, actor, k.id);
    await recordAudit(trx, actor, {
      action: 'communication.received',
      entityType: 'communication',
      entityId: c.id,
      debtorId: c.debtor_id,
      creditorId: c.creditor_id,
      before: { receivedOn: c.received_on },
      after: { receivedOn, claimsUpdated: claims.map((k) => k.id) },
    });
    return { id: c.id, receivedOn, claimsUpdated: claims.length };
  });
}
