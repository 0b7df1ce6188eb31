import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { loadClaim } from '../shared/scope.ts';
import { INTEREST_WAIVER_REASONS } from './set-claim-interest.ts';

export const ClaimInterestView = z.object({
  claimId: z.string(),
  version: z.number().int(),
  afterNotice: z.boolean(),
  waiver: z.object({ reason: z.enum(INTEREST_WAIVER_REASONS), note: z.string().nullable(), on: z.string(), by: z.string() }).nullable(),
  /** The written communications about the claim, newest first, with the day each reached the debtor. */
  notices: z.array(z.object({ id: z.string(), runDate: z.string(), channel: z.string(), tier: z.string(), status: z.string(), receivedOn: z.string().nullable() })),
});
export type ClaimInterestView = z.infer<typeof ClaimInterestView>;

/** How the claim bears interest beyond its regime (waiver, only after the formal notice) and the notices that may start it. */
export async function getClaimInterest(db: Db, actor: Actor, claimId: string): Promise<ClaimInterestView> {
  authorize(actor, 'read', 'claim');
  const claim = await loadClaim(db, actor, claimId);
  const notices = await db
    .selectFrom('communication_claims as cc')
    .innerJoin('communications as m', (j) => j.onRef('m.tenant_id', '=', 'cc.tenant_id').onRef('m.id', '=', 'cc.communication_id'))
    .select(['m.id', 'm.run_date', 'm.channel', 'm.tier', 'm.status', 'm.received_on'])
    .where('cc.tenant_id', '=', actor.tenantId)
    .where('cc.claim_id', '=', claim.id)
    .where('m.channel', 'in', ['letter', 'registered_letter', 'pec', 'email'])
    .orderBy('m.run_date', 'desc')
    .orderBy('m.id', 'desc')
    .limit(50)
    .execute();
  return {
    claimId: claim.id,
    version: claim.version,
    afterNotice: claim.interest_after_notice,
    waiver: claim.interest_waiver,
    notices: notices.map((n) => ({ id: n.id, runDate: n.run_date, channel: n.channel, tier: n.tier, status: n.status, receivedOn: n.received_on })),
  };
}
