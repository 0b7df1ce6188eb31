import { z } from 'zod';
import { isoDate, multiLineText, positiveMoneyAmount, uuid } from '../../domain/fields.ts';

export const ProposeSettlementInput = z
  .object({
    debtorId: uuid,
    creditorId: uuid,
    /** The positions settled together (all open, of this debtor and creditor, one currency). */
    claimIds: z.array(uuid).min(1).max(500),
    /** What the debtor pays instead of what it owes. */
    amount: positiveMoneyAmount,
    /** The last day the amount may arrive. */
    deadline: isoDate,
    note: multiLineText(2000).nullish(),
  })
  .strict();

export const CloseSettlementInput = z.object({ on: isoDate.optional() }).strict();

export const SettlementView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  debtorId: z.uuid(),
  claimIds: z.array(z.uuid()),
  currency: z.string(),
  owed: z.string(),
  amount: z.string(),
  discount: z.string(),
  offeredOn: z.string(),
  deadline: z.string(),
  state: z.string(),
  /** Why it needs (or needed) a supervisor's approval: message codes. */
  approvals: z.array(z.string()),
  approvedBy: z.uuid().nullable(),
  paidOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type SettlementView = z.infer<typeof SettlementView>;
