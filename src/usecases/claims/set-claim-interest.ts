import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { multiLineText } from '../../domain/fields.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { loadClaim } from '../shared/scope.ts';
import { getClaim } from './get-claim.ts';
import { resettleClaim } from './ledger.ts';
import type { ClaimDetail } from './schema.ts';

/** Why a creditor gives up a claim's interest (seed 003: small amounts below CHF 500, a loyal customer late for once, proven force majeure). */
export const INTEREST_WAIVER_REASONS = ['small_amount', 'loyal_customer', 'force_majeure', 'other'] as const;

export const SetClaimInterestInput = z.strictObject({
  version: z.number().int().positive(),
  /** No agreed due date: interest only from the day after the formal notice was received. */
  afterNotice: z.boolean().optional(),
  /** Waive the interest (with a reason) or, with null, take the waiver back. */
  waiver: z.strictObject({ reason: z.enum(INTEREST_WAIVER_REASONS), note: multiLineText(500).nullish() }).nullable().optional(),
});

/**
 * How a claim bears interest beyond its regime (issue 17 item 5): whether it runs only after the
 * formal notice was received (no agreed due date), and whether the creditor waived it — a supervisor's
 * decision (policy 'waiver'), recorded with the reason, who and when, and undone the same way. Payments
 * already made are re-split (interest first no longer takes what it no longer owes) and the stored
 * balance follows, in one transaction with the audit event.
 */
export async function setClaimInterest(db: Db, actor: Actor, claimId: string, input: z.input<typeof SetClaimInterestInput>, locale: Locale = DEFAULT_LOCALE): Promise<ClaimDetail> {
  return db.transaction().execute((trx) => changeClaimInterest(trx, actor, claimId, input, locale));
}

export async function changeClaimInterest(trx: Trx, actor: Actor, claimId: string, input: z.input<typeof SetClaimInterestInput>, locale: Locale = DEFAULT_LOCALE): Promise<ClaimDetail> {
  const data = parseInput(SetClaimInterestInput, input);
  const claim = await loadClaim(trx, actor, claimId, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  if (data.waiver !== undefined) authorize(actor, 'create', 'waiver');
  checkVersion(claim.version, data.version);
  const waiver =
    data.waiver === undefined
      ? claim.interest_waiver
      : data.waiver === null
        ? null
        : { reason: data.waiver.reason, note: data.waiver.note ?? null, on: today().toString(), by: actor.label };
  const afterNotice = data.afterNotice ?? claim.interest_after_notice;
  await trx
    .updateTable('claims')
    .set((eb) => ({ interest_after_notice: afterNotice, interest_waiver: waiver === null ? null : JSON.stringify(waiver), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.id)
    .execute();
  await resettleClaim(trx, actor, claim.id);
  await recordAudit(trx, actor, {
    action: data.waiver === undefined ? 'claim.interest_terms_changed' : data.waiver === null ? 'claim.interest_waiver_revoked' : 'claim.interest_waived',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { afterNotice: claim.interest_after_notice, waiver: claim.interest_waiver },
    after: { afterNotice, waiver },
  });
  return getClaim(trx, actor, claimId, {}, locale);
}
