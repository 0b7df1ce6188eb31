import type { Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { dateParam, msg, translate } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { placeClaimHold } from '../claims/hold-claim.ts';

/**
 * An offered settlement pauses dunning on its positions until the offer's deadline: a debtor told
 * "pay this reduced amount by the 31st" must not receive a formal reminder for the whole debt
 * meanwhile. Each claim is held (placeClaimHold: recorded, audited) to the deadline unless a longer
 * hold is already in place; after the deadline the engine resumes on its own (an unpaid offer
 * expires, close-due-settlements). The reason is written in Italian, as a person's hold reason is.
 */
export async function holdForSettlement(trx: Trx, actor: Actor, claimIds: readonly string[], deadline: string, todayIso = today().toString()): Promise<void> {
  if (deadline < todayIso) return;
  const claims = await trx
    .selectFrom('claims')
    .select(['id', 'hold_until'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', [...claimIds])
    .execute();
  const reason = translate(msg('settlement.hold_reason', { deadline: dateParam(deadline) }), 'it');
  for (const c of claims) {
    if (c.hold_until !== null && c.hold_until >= deadline) continue;
    await placeClaimHold(trx, actor, c.id, { until: deadline, reason }, { today: todayIso });
  }
}
