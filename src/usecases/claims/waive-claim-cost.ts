import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { requiredText } from '../../domain/fields.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId, loadClaim } from '../shared/scope.ts';
import { getClaim } from './get-claim.ts';
import { resettleClaim } from './ledger.ts';
import type { ClaimDetail } from './schema.ts';
import { dateParam, msg } from '../../domain/messages/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';

export const WaiveClaimCostInput = z.object({ reason: requiredText(500) }).strict();

/**
 * Waives a cost (a loyal customer, force majeure, a fee below what is worth claiming): the cost stays
 * on record with who waived it, when and why, and no longer counts. Money already paid towards it is
 * re-split onto interest and principal.
 */
export async function waiveClaimCost(
  db: Db,
  actor: Actor,
  claimId: string,
  costId: string,
  input: z.input<typeof WaiveClaimCostInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimDetail> {
  return db.transaction().execute((trx) => forgoClaimCost(trx, actor, claimId, costId, input, locale));
}

/** `waiveClaimCost` on a transaction the caller holds. */
export async function forgoClaimCost(
  trx: Trx,
  actor: Actor,
  claimId: string,
  costId: string,
  input: z.input<typeof WaiveClaimCostInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimDetail> {
  const data = parseInput(WaiveClaimCostInput, input);
  assertId(costId, 'cost');
  const claim = await loadClaim(trx, actor, claimId, { forUpdate: true });
  authorize(actor, 'create', 'waiver');
  const cost = await trx
    .selectFrom('claim_costs')
    .select(['id', 'kind', 'label', 'amount', 'waived_on'])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', claim.id)
    .where('id', '=', costId)
    .executeTakeFirst();
  if (!cost) throw notFound('cost');
  if (cost.waived_on) throw conflict(msg('claim.cost_already_waived', { date: dateParam(String(cost.waived_on)) }));
  const on = today().toString();
  await trx
    .updateTable('claim_costs')
    .set({ waived_on: on, waived_by: actor.userId, waiver_reason: data.reason })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', cost.id)
    .execute();
  await resettleClaim(trx, actor, claim.id);
  await recordAudit(trx, actor, {
    action: 'claim.cost_waived',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { costId: cost.id, kind: cost.kind, label: cost.label, amount: cost.amount, waivedOn: null },
    after: { costId: cost.id, waivedOn: on, reason: data.reason },
  });
  return getClaim(trx, actor, claimId, {}, locale);
}
