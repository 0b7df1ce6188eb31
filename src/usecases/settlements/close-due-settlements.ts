import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { systemActor } from '../../domain/policies.ts';
import { concludeSettlement } from './close-settlement.ts';

export interface CloseDueResult {
  paid: number;
  expired: number;
}

/**
 * The daily close of settlements (issue 15 item 3), every tenant, as of `asOf`: an offered settlement
 * whose amount arrived (payments not reversed on its positions, value date from the offer to the
 * deadline) is closed as paid and the remainder written off; one whose deadline passed unpaid expires
 * — nothing is given up and its positions, never paused by the offer, stay with the dunning engine.
 * Each in its own transaction (`concludeSettlement`: the settlement locked and judged again, with its
 * audit events), so a second run, or one after a crash, finds nothing left to do. Run by the
 * `close-settlements` job after the balances rolled (`only.tenantId`: one tenant's alone).
 */
export async function closeDueSettlements(db: Db, asOf: string = today().toString(), only: { tenantId?: string } = {}): Promise<CloseDueResult> {
  const out: CloseDueResult = { paid: 0, expired: 0 };
  const due = await db
    .selectFrom('settlements as s')
    .select(['s.id', 's.tenant_id'])
    .where('s.state', '=', 'offered')
    .$if(only.tenantId !== undefined, (q) => q.where('s.tenant_id', '=', only.tenantId!))
    .where((eb) =>
      eb.or([
        eb('s.deadline', '<', asOf),
        sql<boolean>`(${eb
          .selectFrom('payment_allocations as a')
          .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
          .select(sql<string>`coalesce(sum(a.amount), 0)`.as('x'))
          .whereRef('a.tenant_id', '=', 's.tenant_id')
          .where(sql<boolean>`a.claim_id = any(s.claim_ids)`)
          .whereRef('y.value_date', '>=', 's.offered_on')
          .whereRef('y.value_date', '<=', 's.deadline')
          .where('y.value_date', '<=', asOf)
          .where('y.reversed_at', 'is', null)}) >= s.amount`,
      ]),
    )
    .orderBy('s.id')
    .execute();
  for (const s of due) {
    const view = await db.transaction().execute((trx) => concludeSettlement(trx, systemActor(s.tenant_id, 'settlements'), s.id, { on: asOf }));
    if (view.state === 'paid') out.paid++;
    else out.expired++;
  }
  return out;
}
