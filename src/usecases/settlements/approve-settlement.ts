import type { Db } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { holdForSettlement } from './hold-for-settlement.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import type { SettlementView } from './schema.ts';
import { fetchSettlement } from './settlement-query.ts';

/**
 * A supervisor approves a settlement beyond an operator's authority or below the creditor's minimum:
 * giving up the creditor's money is a supervisor's decision ('waiver'), recorded with who and when.
 */
export async function approveSettlement(db: Db, actor: Actor, id: string): Promise<SettlementView> {
  return db.transaction().execute(async (trx) => {
    authorize(actor, 'create', 'waiver');
    assertId(id, 'settlement');
    const s = await fetchSettlement(trx, actor, id, { forUpdate: true });
    if (!s) throw notFound('settlement');
    if (s.state !== 'awaiting_approval') throw conflict(msg('settlement.not_awaiting_approval', { state: s.state }));
    await trx
      .updateTable('settlements')
      .set((eb) => ({ state: 'offered', approved_by: actor.userId, approved_at: new Date(), version: eb('version', '+', 1) }))
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .execute();
    // Now offered: dunning waits for the answer until the deadline.
    await holdForSettlement(trx, actor, s.claimIds, s.deadline);
    await recordAudit(trx, actor, {
      action: 'settlement.approved',
      entityType: 'debtor',
      entityId: s.debtorId,
      debtorId: s.debtorId,
      creditorId: s.creditorId,
      before: { settlementId: id, state: s.state },
      after: { settlementId: id, state: 'offered', approvals: s.approvals, amount: s.amount, discount: s.discount },
    });
    return (await fetchSettlement(trx, actor, id))!;
  });
}
