import { z } from 'zod';

/** A statement (prospetto) as the API returns it. */
export const StatementView = z.object({
  interest: z.string(),
  currency: z.string(),
  regime: z.string(),
  dayCount: z.string(),
  due: z.string(),
  paid: z.string(),
  principal: z.string(),
  interestPaid: z.string(),
  interestDue: z.string(),
  costs: z.string(),
  costsPaid: z.string(),
  costsDue: z.string(),
  principalPaid: z.string(),
  principalDue: z.string(),
  totalDue: z.string(),
  periods: z.array(
    z.object({ from: z.string(), to: z.string(), days: z.number(), rate: z.string(), principal: z.string(), amount: z.string() }),
  ),
  payments: z.array(
    z.object({
      date: z.string(),
      amount: z.string(),
      costs: z.string(),
      interest: z.string(),
      principal: z.string(),
      unallocated: z.string(),
      /** With parts that bear no interest only (a comune's act): what the payment settled of each, by kind. */
      parts: z.record(z.string(), z.string()).optional(),
      /** With c.803 charges only: the band of the payment's day, which the base it settled bears. */
      chargesBand: z.enum(['none', 'early', 'late']).optional(),
    }),
  ),
  /** With parts only: each part's amount, paid and due at the end date. */
  parts: z.array(z.object({ kind: z.string(), amount: z.string(), paid: z.string(), due: z.string() })).optional(),
  /** A comune's enforceable act: its c.803 collection charges at the end date (derived from the dates) and why. */
  charges: z
    .object({
      enforceableOn: z.string(),
      earlyUntil: z.string(),
      band: z.enum(['none', 'early', 'late']),
      base: z.string(),
      baseEarlyPaid: z.string(),
      baseLatePaid: z.string(),
      baseDue: z.string(),
      amount: z.string(),
      paid: z.string(),
      due: z.string(),
      capped: z.boolean(),
      /** The law's reason as a coded message (municipal.charges_early / _late / _before_enforceable). */
      reason: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
    })
    .optional(),
  /** With pauses only: the windows in which no interest accrued (a plan with interest on the deferral ran), `to` null: still running. */
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.enum(['plan', 'formal_notice', 'waiver']).optional() })).optional(),
  costItems: z.array(z.object({ date: z.string(), label: z.string(), amount: z.string(), code: z.literal('flat_compensation').optional() })),
  basis: z.array(z.string()),
  basisCodes: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.string()).optional() })),
});
