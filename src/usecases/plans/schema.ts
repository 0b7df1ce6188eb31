import { z } from 'zod';
import { isoDate, moneyAmount, requiredText, uuid } from '../../domain/fields.ts';

export const PLAN_STATES = ['proposed', 'active', 'lapsed', 'paid', 'cancelled', 'rejected'] as const;
export const INSTALMENT_STATES = ['due', 'paid', 'partly_paid', 'late'] as const;

/** A plan for one or several open positions of one debtor and one creditor (issue 15 item 1). */
export const ProposePlanInput = z.strictObject({
  claimIds: z.array(uuid).min(1).max(500),
  /** How many monthly instalments. */
  count: z.number().int().min(1).max(240),
  /** The first instalment's day (default: the rules' due day of next month). */
  firstDueOn: isoDate.optional(),
  /** A first payment negotiated apart (a company's plan), the rest equal. */
  firstAmount: moneyAmount.optional(),
});

export const DecidePlanInput = z.strictObject({
  version: z.number().int().optional(),
  reason: requiredText(500).optional(),
});

/** The one extension of c.798: the residual re-split over this many further instalments, on proven worsening. */
export const ExtendPlanInput = z.strictObject({
  count: z.number().int().min(1).max(240),
  firstDueOn: isoDate.optional(),
  reason: requiredText(500),
  version: z.number().int().optional(),
});

export const ListPlansQuery = z.strictObject({ debtorId: uuid.optional(), claimId: uuid.optional() });

/** The plan's document: in this language (default: the debtor's). */
export const PlanDocumentQuery = z.strictObject({ lang: z.enum(['it', 'en', 'de', 'fr']).optional() });

export const PlanInstalmentView = z.object({
  number: z.number(),
  dueOn: z.string(),
  /** What the debtor pays: capital + interest. */
  amount: z.string(),
  /** Its share of the capital deferred. */
  capital: z.string(),
  /** Its interest on the deferral ("0.00": none). */
  interest: z.string(),
  paid: z.string(),
  state: z.enum(INSTALMENT_STATES),
  remindedOn: z.string().nullable(),
  /** The courtesy reminder before the due date was sent on this day. */
  courtesyOn: z.string().nullable(),
});

export const PlanView = z.object({
  id: z.uuid(),
  debtorId: z.uuid(),
  creditorId: z.uuid(),
  claimIds: z.array(z.uuid()),
  currency: z.string(),
  /** What the plan asks in all: capital + interest on the deferral. */
  total: z.string(),
  /** The amount deferred (what the positions owed). */
  capital: z.string(),
  /** The interest on the deferral ("0.00": none). */
  interest: z.string(),
  /** Its yearly rate in percent (the legal rate on the start + the rules' points) and the legal rate's source; null: no interest. */
  deferralRate: z.string().nullable(),
  deferralRateSource: z.string().nullable(),
  paid: z.string(),
  count: z.number(),
  state: z.enum(PLAN_STATES),
  needsApproval: z.boolean(),
  /** Why it was outside the rules, worded in the reader's language. */
  reasons: z.array(z.string()),
  startedOn: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  decidedReason: z.string().nullable(),
  extensionUsed: z.boolean(),
  extendedOn: z.string().nullable(),
  lapsedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number(),
  instalments: z.array(PlanInstalmentView),
});
export type PlanView = z.infer<typeof PlanView>;
export const PlanList = z.object({ items: z.array(PlanView) });

/** An express reminder (sollecito) sent about an instalment: the lapse of c.800 counts only reminded instalments. */
export const RecordPlanReminderInput = z.strictObject({
  number: z.number().int().min(1).max(480),
  /** The day it was sent (default: today). */
  sentOn: isoDate.optional(),
});
