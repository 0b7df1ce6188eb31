import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { invalid, fieldError } from '../../domain/errors.ts';
import { isoDate, positiveMoneyAmount, requiredText } from '../../domain/fields.ts';
import { CLAIM_COST_KINDS } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim } from '../shared/scope.ts';
import { getClaim } from './get-claim.ts';
import { resettleClaim } from './ledger.ts';
import type { ClaimDetail } from './schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';

export const AddClaimCostInput = z
  .object({
    kind: z.enum(CLAIM_COST_KINDS),
    label: requiredText(200),
    amount: positiveMoneyAmount,
    /** The day the cost arose (a reminder sent, a fee paid for a search). Default: today. */
    incurredOn: isoDate.optional(),
  })
  .strict();

/**
 * Charges a cost on a claim: a reminder fee the creditor's terms provide, collection or legal costs.
 * No interest runs on costs (art. 1283 c.c.) and they carry no VAT. Payments already recorded are
 * re-split, since costs come first in the usual order.
 */
export async function addClaimCost(
  db: Db,
  actor: Actor,
  claimId: string,
  input: z.input<typeof AddClaimCostInput>,
  now: { today?: string } = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimDetail> {
  return db.transaction().execute((trx) => chargeClaimCost(trx, actor, claimId, input, now, locale));
}

/** `addClaimCost` on a transaction the caller holds. */
export async function chargeClaimCost(
  trx: Trx,
  actor: Actor,
  claimId: string,
  input: z.input<typeof AddClaimCostInput>,
  now: { today?: string } = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimDetail> {
  const data = parseInput(AddClaimCostInput, input);
  const day = now.today ?? today().toString();
  const incurredOn = data.incurredOn ?? day;
  const claim = await loadClaim(trx, actor, claimId, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  if (incurredOn > day) throw invalid([fieldError('incurredOn', 'claim.cost_in_future')]);
  if (['paid', 'written_off', 'returned'].includes(claim.status)) {
    throw invalid([fieldError('kind', 'claim.closed_no_cost')]);
  }
  const row = await trx
    .insertInto('claim_costs')
    .values({
      tenant_id: actor.tenantId,
      claim_id: claim.id,
      kind: data.kind,
      label: data.label,
      amount: data.amount,
      incurred_on: incurredOn,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await resettleClaim(trx, actor, claim.id);
  await recordAudit(trx, actor, {
    action: 'claim.cost_added',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    after: { costId: row.id, kind: data.kind, label: data.label, amount: data.amount, incurredOn },
  });
  return getClaim(trx, actor, claimId, {}, locale);
}
