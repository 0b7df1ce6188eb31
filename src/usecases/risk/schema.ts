import { z } from 'zod';
import { requiredText, uuid } from '../../domain/fields.ts';
import { ADVICE_CHOICES, RISK_CLASSES } from '../../domain/risk/rules.ts';

export const ProfileFiguresView = z.object({
  asOf: z.string(),
  claims: z.number(),
  paid: z.number(),
  paidOnTime: z.number(),
  onTimePercent: z.number().nullable(),
  avgDaysLate: z.string().nullable(),
  medianDaysLate: z.number().nullable(),
  recentDaysLate: z.array(z.number()),
  lateness12: z.string().nullable(),
  latenessPrev12: z.string().nullable(),
  promisesKept: z.number(),
  promisesBroken: z.number(),
  plansLapsed: z.number(),
  lastLapsedOn: z.string().nullable(),
  disputes: z.number(),
  exposure: z.record(z.string(), z.string()),
  overdue: z.number(),
  oldestOverdueOn: z.string().nullable(),
  negotiation: z.number(),
});

export const ProfileView = z.object({
  /** null: over all the debtor's creditors. */
  creditorId: z.uuid().nullable(),
  creditorName: z.string().nullable(),
  riskClass: z.enum(RISK_CLASSES),
  /** "D: 3 delle ultime 5 fatture …", in the reader's language. */
  explanation: z.string(),
  worsening: z.boolean(),
  figures: ProfileFiguresView,
});

export const AdviceChoiceView = z.object({
  id: z.uuid(),
  creditorId: z.uuid().nullable(),
  recommended: z.enum(ADVICE_CHOICES),
  choice: z.enum(ADVICE_CHOICES),
  reason: z.string(),
  riskClass: z.enum(RISK_CLASSES).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});
export type AdviceChoiceView = z.infer<typeof AdviceChoiceView>;

export const RiskView = z.object({
  profile: ProfileView,
  perCreditor: z.array(ProfileView),
  /** For a debtor in the negotiation tier: what incasso recommends, and why (seed 000). */
  advice: z.object({ recommend: z.enum(ADVICE_CHOICES), reasons: z.array(z.string()) }).nullable(),
  choices: z.array(AdviceChoiceView),
});
export type RiskView = z.infer<typeof RiskView>;

export const RecordAdviceChoiceInput = z
  .object({
    choice: z.enum(ADVICE_CHOICES),
    reason: requiredText(500),
    /** The relationship the choice is about (null: the debtor over all creditors). */
    creditorId: uuid.nullable().optional(),
  })
  .strict();
