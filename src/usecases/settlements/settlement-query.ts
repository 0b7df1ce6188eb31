import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { SettlementsTable } from '../../db/schema.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import type { SettlementView } from './schema.ts';

/** One settlement of the actor's tenant (a viewer's: of its creditor), as shown. */
export async function fetchSettlement(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<SettlementView | undefined> {
  let q = db.selectFrom('settlements').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const s = await q.executeTakeFirst();
  if (!s) return undefined;
  return settlementViewOf(s);
}

/** A settlements row as shown. */
export function settlementViewOf(s: Selectable<SettlementsTable>): SettlementView {
  return {
    id: s.id,
    creditorId: s.creditor_id,
    debtorId: s.debtor_id,
    claimIds: s.claim_ids,
    currency: s.currency,
    owed: s.owed,
    amount: s.amount,
    discount: toMoneyString(money(s.owed).minus(s.amount)),
    offeredOn: s.offered_on,
    deadline: s.deadline,
    state: s.state,
    approvals: s.approvals,
    approvedBy: s.approved_by,
    paidOn: s.paid_on,
    note: s.note,
  };
}
