import { z } from 'zod';
import { ALERT_KINDS } from '../../domain/alerts/digest.ts';

export const AlertSettingsInput = z.strictObject({
  kinds: z
    .array(z.enum(ALERT_KINDS))
    .max(ALERT_KINDS.length)
    .transform((a) => [...new Set(a)]),
  email: z.boolean(),
});

export const AlertSettings = z.object({
  kinds: z.array(z.enum(ALERT_KINDS)),
  email: z.boolean(),
  /** The last day a digest covered; null: none made yet. */
  lastDigestOn: z.string().nullable(),
  /** False until the user saved a choice (the defaults are shown). */
  saved: z.boolean(),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

const Item = z.object({
  kind: z.enum(ALERT_KINDS),
  on: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  claimId: z.string().nullable(),
  claimRef: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
});
export const AlertDigestView = z.object({
  id: z.string(),
  digestOn: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  total: z.number().int(),
  groups: z.array(z.object({ kind: z.enum(ALERT_KINDS), count: z.number().int(), items: z.array(Item) })),
});
export type AlertDigestView = z.infer<typeof AlertDigestView>;
export const LatestAlertDigest = z.object({ digest: AlertDigestView.nullable() });
