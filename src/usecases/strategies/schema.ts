import { z } from 'zod';
import { requiredText, uuid } from '../../domain/fields.ts';
import { CURRENCIES, DEBTOR_KINDS, LANGUAGES } from '../../domain/model.ts';
import {
  DELAY_FROM,
  DUNNING_CHANNELS,
  DUNNING_TIERS,
  INTEREST_MODES,
  RISK_CLASSES,
  STEP_ACTIONS,
  STRATEGY_TEMPLATES,
  TEMPLATE_KEYS,
  strategySchema,
} from '../../domain/dunning/index.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

/**
 * The database keeps at most 20 steps per strategy (claims record their step number in 1–20), fewer
 * than the domain's schema allows.
 */
export const MAX_STEPS = 20;

export const STRATEGY_TEMPLATE_KEYS = Object.keys(STRATEGY_TEMPLATES) as (keyof typeof STRATEGY_TEMPLATES)[];

/** Steps as a client sends them: the domain's step schema (exact money, known channels and templates). */
const stepsInput = strategySchema.shape.steps.max(MAX_STEPS, { message: encodeMessage(msg('dunning.max_steps', { max: MAX_STEPS })) });

const version = z.number().int().optional();

/**
 * A new strategy for a creditor: from a shipped template (its steps copied), from explicit steps, or
 * both (the template is then only recorded as the origin). The steps are checked as a whole by the
 * domain's strategy rules; the strategy starts inactive.
 */
export const CreateStrategyInput = z
  .strictObject({
    creditorId: uuid,
    template: z.enum(STRATEGY_TEMPLATE_KEYS).optional(),
    /** Default: the template's name. */
    name: requiredText(100).optional(),
    steps: stepsInput.optional(),
  })
  .refine((v) => v.template !== undefined || v.steps !== undefined, {
    message: encodeMessage(msg('dunning.template_or_steps')),
    path: ['template'],
  })
  .refine((v) => v.template !== undefined || v.name !== undefined, {
    message: encodeMessage(msg('dunning.name_without_template')),
    path: ['name'],
  });

export const UpdateStrategyInput = z.strictObject({
  name: requiredText(100).optional(),
  steps: stepsInput.optional(),
  version,
});

/** Activation and deactivation take only the version the client read (optional). */
export const StrategyVersionInput = z.strictObject({ version });

export const ListStrategiesQuery = z.object({
  creditorId: uuid.optional(),
  active: z.enum(['true', 'false']).optional(),
});

const money = z.string().meta({ description: 'Decimal amount, two decimals', example: '30.00' });

/** A step as stored and shown (the domain's Step). */
export const StepView = z.object({
  key: z.string(),
  tier: z.enum(DUNNING_TIERS),
  delayDays: z.number().int(),
  delayFrom: z.enum(DELAY_FROM),
  channels: z.array(z.enum(DUNNING_CHANNELS)),
  template: z.enum(TEMPLATE_KEYS),
  conditions: z.object({
    debtorKinds: z.array(z.enum(DEBTOR_KINDS)).optional(),
    minAmount: money.optional(),
    maxAmount: money.optional(),
    currencies: z.array(z.enum(CURRENCIES)).optional(),
    languages: z.array(z.enum(LANGUAGES)).optional(),
    riskClasses: z.array(z.enum(RISK_CLASSES)).optional(),
    /** Phone-first campaigns: only for debtors reachable by phone (true) or only for those who are not (false). */
    reachableByPhone: z.boolean().optional(),
  }),
  fee: z.string().meta({ description: '"creditor" (the creditor’s fee for this reminder), "none", or an amount' }),
  interest: z.enum(INTEREST_MODES),
  waiveBelow: money.optional(),
  postage: money.optional(),
  paymentSlip: z.enum(['qr_bill', 'pagopa', 'none']).optional(),
  /**
   * An action instead of the message to the debtor: 'enforce_guarantee' (the demand to the guarantors of
   * the active guarantees covering the claim, by `channels`), 'propose_mediation' (holds the claims).
   */
  action: z.enum(STEP_ACTIONS).optional(),
});

export const StrategyView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  name: z.string(),
  /** The shipped template it was made from, if any. */
  template: z.string().nullable(),
  steps: z.array(StepView),
  active: z.boolean(),
  /** Open claims following this strategy now. */
  openClaims: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StrategyView = z.infer<typeof StrategyView>;

export const StrategyList = z.object({ items: z.array(StrategyView) });
export type StrategyList = z.infer<typeof StrategyList>;

export const ActivationView = StrategyView.extend({
  /** The strategy that was active before, now inactive (null when there was none). */
  previousStrategyId: z.uuid().nullable(),
  /** Open claims moved onto this strategy. */
  claimsMoved: z.number(),
});
export type ActivationView = z.infer<typeof ActivationView>;

export const StrategyTemplatesView = z.object({
  defaultKey: z.enum(STRATEGY_TEMPLATE_KEYS),
  strategies: z.array(z.object({ key: z.enum(STRATEGY_TEMPLATE_KEYS), name: z.string(), steps: z.array(StepView) })),
  /** The message templates a step can use, each belonging to one tier. */
  messageTemplates: z.array(
    z.object({ key: z.enum(TEMPLATE_KEYS), tier: z.enum(DUNNING_TIERS), audience: z.enum(['debtor', 'creditor']), description: z.string() }),
  ),
});
export type StrategyTemplatesView = z.infer<typeof StrategyTemplatesView>;
