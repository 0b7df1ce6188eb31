import { z } from 'zod';
import { isoDate, requiredText } from '../../domain/fields.ts';
import { CLAIM_STATUSES } from '../../domain/model.ts';

/** A manual hold: no dunning step for the claim until the day after `until`. */
export const HoldClaimInput = z.strictObject({
  /** Last day of the hold, inclusive (today or later). */
  until: isoDate,
  /** Why (a call with the debtor, a document awaited, the creditor's instruction): always recorded. */
  reason: requiredText(500),
  version: z.number().int().optional(),
});

/** Releasing takes only the version the client read (in the query string: DELETE has no body). */
export const ReleaseClaimHoldQuery = z.object({
  version: z.coerce.number().int().optional(),
});

/** Where a claim stands in dunning: its strategy and step, its next action date, its hold. */
export const ClaimHoldView = z.object({
  claimId: z.uuid(),
  status: z.enum(CLAIM_STATUSES),
  holdUntil: z.string().nullable(),
  holdReason: z.string().nullable(),
  nextActionOn: z.string().nullable(),
  strategyId: z.uuid().nullable(),
  strategyName: z.string().nullable(),
  dunningStepNo: z.number(),
  dunningStepKey: z.string().nullable(),
  dunningStepOn: z.string().nullable(),
  version: z.number(),
  /**
   * What pauses the claim besides a hold: a promise to pay (until its last day, grace included), a plan,
   * a dispute. Null when nothing does.
   */
  pause: z
    .object({
      kind: z.enum(['promise', 'plan', 'dispute']),
      until: z.string().nullable(),
      amount: z.string().nullable(),
    })
    .nullable(),
});
export type ClaimHoldView = z.infer<typeof ClaimHoldView>;
