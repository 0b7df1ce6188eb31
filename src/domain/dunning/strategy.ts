import { z } from 'zod';
import '../zod-messages.ts';
import { safeString } from '../fields.ts';
import { invalid, normaliseField, type FieldError } from '../errors.ts';
import { CURRENCIES, DEBTOR_KINDS, type Currency, type DebtorKind } from '../model.ts';
import { encodeMessage, msg } from '../messages/index.ts';
import { amountIssue, money, toMoneyString } from '../money.ts';
import { TEMPLATE_INFO, TEMPLATE_KEYS, type TemplateKey } from './templates.ts';
import {
  DUNNING_CHANNELS,
  DUNNING_TIERS,
  INTEREST_MODES,
  LANGUAGES,
  RISK_CLASSES,
  tierRank,
  type DunningChannel,
  type DunningTier,
  type InterestMode,
  type Language,
  type RiskClass,
} from './words.ts';

/**
 * A collection strategy: the ordered steps a claim goes through, from the friendly reminder to the
 * legal hand-off. Plain data (stored per tenant or creditor as JSON, checked by
 * {@link strategySchema}); the decisions made from it are in plan.ts.
 */

/** Which claims a step is for. Every listed condition must hold; an absent one always holds. */
export interface StepConditions {
  debtorKinds?: DebtorKind[];
  /**
   * Bounds on the debtor's total open principal (all the debtor's open claims with this creditor, in
   * the claim's currency), both inclusive: minAmount ≤ open ≤ maxAmount. Amounts have no currency of
   * their own: pair them with `currencies` when a strategy serves EUR and CHF claims.
   */
  minAmount?: string;
  maxAmount?: string;
  currencies?: Currency[];
  languages?: Language[];
  /** A claim with no risk class matches no `riskClasses` condition. */
  riskClasses?: RiskClass[];
  /**
   * Whether the taxpayer can be dealt with by phone (a comune's phone-first campaign, seed 004: "tutti
   * i contribuenti vengono contattati telefonicamente"; written reminders only for those who cannot be
   * reached or ask for writing). Reachable: the debtor has a usable phone number of their own (valid
   * or unverified, not opted out — an opt-out of calls is how a request "in writing" is recorded) and
   * either no phone task was made for the claim yet or one ended in a conversation. Not reachable: no
   * usable number (none, found wrong), calls opted out, or the claim's phone task ended (or is still
   * open) without a conversation. See plan.ts `ClaimState.reachableByPhone`.
   */
  reachableByPhone?: boolean;
}

/**
 * 'creditor': the creditor's own reminder fee for this reminder (its terms list one fee per
 * reminder: 1st, 2nd, 3rd …); 'none'; or a fixed amount. Reminder fees are owed only where agreed
 * (contract, general terms) — in Switzerland explicitly so (legal notes §3.6). The €40 flat
 * compensation of art. 6 D.Lgs. 231/2002 / § 288(5) BGB / art. D441-5 C. com. is not a step fee: it is
 * due once per late invoice and comes from the interest regime (interest/regimes.ts, flatCompensation).
 */
export type StepFee = 'creditor' | 'none' | string;

/**
 * What a step's delay counts from: the claim's due date, the day the claim's previous step was done,
 * or the day the claim was loaded (imported or entered: a comune's list arrives long after its due
 * dates, and the campaign starts from the load).
 */
export const DELAY_FROM = ['due', 'previous', 'load'] as const;
export type DelayFrom = (typeof DELAY_FROM)[number];

/**
 * What a step does besides writing to the debtor (absent: a message to the debtor, or to the creditor
 * for the closure advice, by `channels` and `template`):
 * - 'enforce_guarantee': the written demand to the guarantor of every active, valid guarantee that
 *   covers the claim (named claims including it, or the whole debtor × creditor relationship), sent by
 *   the guarantor's own contact in the order of `channels` (e-mail/PEC with the PDF attached, or a
 *   letter / registered letter to print); `template`, fee, interest and postage are not used.
 * - 'propose_mediation': proposes mediation or conciliation for the debtor × creditor (the procedure
 *   the mediation rules choose) and holds the claims meanwhile; nothing is written to the debtor by the
 *   step itself, so `channels`, `template`, fee, interest and postage are not used.
 * When there is nothing to do (no enforceable guarantee, a mediation already pending, none available in
 * the jurisdiction) the step is skipped with the reason in the claims' history, and the claim moves on.
 */
export const STEP_ACTIONS = ['enforce_guarantee', 'propose_mediation'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface Step {
  /** Stable id recorded on the claim when the step is done ("soft-1"): never rename a used key. */
  key: string;
  tier: DunningTier;
  /** Days after the due date ('due'), the day the claim's previous step was done ('previous') or the day it was loaded ('load'). */
  delayDays: number;
  delayFrom: DelayFrom;
  /** Preference order: the first channel usable for the debtor is used (see plan.ts chooseChannel). */
  channels: DunningChannel[];
  template: TemplateKey;
  conditions: StepConditions;
  fee: StepFee;
  interest: InterestMode;
  /** Below this total due, no fee is charged and charged interest becomes a mention (e.g. CHF 500). */
  waiveBelow?: string;
  /** Postage charged to the debtor for this step (only where agreed), e.g. a registered letter. */
  postage?: string;
  /** Payment slip the letter carries: Swiss QR-bill, pagoPA notice; absent = the renderer's default. */
  paymentSlip?: 'qr_bill' | 'pagopa' | 'none';
  /** An action instead of a message to the debtor (see {@link STEP_ACTIONS}); absent: the message. */
  action?: StepAction;
}

export interface Strategy {
  name: string;
  steps: Step[];
}

// Schema --------------------------------------------------------------------------------------------

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** An exact amount, at most two decimals, normalised to two ("30" → "30.00"). */
const moneyString = z
  .string()
  .superRefine((v, ctx) => {
    const problem = amountIssue(v);
    if (problem) ctx.addIssue({ code: 'custom', message: encodeMessage(problem) });
  })
  .transform((v) => toMoneyString(v.trim()));

const uniqueList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1)
    .refine((list) => new Set(list).size === list.length, { message: encodeMessage(msg('dunning.repeated_values')) });

const conditionsSchema = z
  .strictObject({
    debtorKinds: uniqueList(z.enum(DEBTOR_KINDS)).optional(),
    minAmount: moneyString.optional(),
    maxAmount: moneyString.optional(),
    currencies: uniqueList(z.enum(CURRENCIES)).optional(),
    languages: uniqueList(z.enum(LANGUAGES)).optional(),
    riskClasses: uniqueList(z.enum(RISK_CLASSES)).optional(),
    reachableByPhone: z.boolean().optional(),
  })
  .refine((c) => c.minAmount === undefined || c.maxAmount === undefined || money(c.minAmount).lte(c.maxAmount), {
    message: encodeMessage(msg('dunning.min_above_max')),
    path: ['maxAmount'],
  });

const stepSchema = z.strictObject({
  key: z.string().regex(KEY_PATTERN, {
    message: encodeMessage(msg('dunning.step_key_format')),
  }),
  tier: z.enum(DUNNING_TIERS),
  delayDays: z.number().int().min(0).max(3650),
  delayFrom: z.enum(DELAY_FROM),
  channels: uniqueList(z.enum(DUNNING_CHANNELS)),
  template: z.enum(TEMPLATE_KEYS),
  conditions: conditionsSchema,
  fee: z.union([z.literal('creditor'), z.literal('none'), moneyString]),
  interest: z.enum(INTEREST_MODES),
  waiveBelow: moneyString.optional(),
  postage: moneyString.optional(),
  paymentSlip: z.enum(['qr_bill', 'pagopa', 'none']).optional(),
  action: z.enum(STEP_ACTIONS).optional(),
});

/**
 * The checks across steps: keys unique; the first step counts from the due date or the load; tiers never go back
 * (soft → formal → negotiation → closure → legal); a step counted from the due date comes after the
 * earliest day the step before it can happen (otherwise the order of the days contradicts the order
 * of the steps); a step's template belongs to its tier.
 */
export const strategySchema = z
  .strictObject({
    name: safeString().trim().min(1).max(100),
    steps: z.array(stepSchema).min(1, { message: encodeMessage(msg('dunning.at_least_one_step')) }).max(30),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    // The earliest day (after the due date) the step before can happen; null once a step counts from
    // the load, whose distance from the due date is not known.
    let earliest: number | null = 0;
    s.steps.forEach((step, i) => {
      if (seen.has(step.key)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], message: encodeMessage(msg('dunning.duplicate_step_key', { key: step.key })) });
      }
      seen.add(step.key);
      if (i === 0 && step.delayFrom === 'previous') {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', 0, 'delayFrom'],
          message: encodeMessage(msg('dunning.first_step_from_due')),
        });
      }
      const previous = s.steps[i - 1];
      if (previous && tierRank(step.tier) < tierRank(previous.tier)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'tier'],
          message: encodeMessage(msg('dunning.tier_backwards', { tier: step.tier, previous: previous.tier })),
        });
      }
      if (i > 0 && step.delayFrom === 'due' && earliest !== null && step.delayDays <= earliest) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'delayDays'],
          message: encodeMessage(msg('dunning.step_not_after_previous', { key: step.key, days: step.delayDays, earliest })),
        });
      }
      earliest =
        step.delayFrom === 'due' ? step.delayDays : step.delayFrom === 'load' || earliest === null ? null : earliest + Math.max(step.delayDays, 1);
      // An action step writes no template (its template is kept, unused).
      if (step.action === undefined && TEMPLATE_INFO[step.template].tier !== step.tier) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'template'],
          message: encodeMessage(msg('dunning.template_other_tier', { template: step.template, templateTier: TEMPLATE_INFO[step.template].tier, tier: step.tier })),
        });
      }
    });
  });

// The schema's output is exactly a Strategy (checked at compile time).
type SchemaOutput = z.output<typeof strategySchema>;
const _sameShape: [SchemaOutput extends Strategy ? true : false, Strategy extends SchemaOutput ? true : false] = [true, true];
void _sameShape;

export type StrategyValidation = { ok: true; strategy: Strategy } | { ok: false; problems: FieldError[] };

/** Checks a strategy (e.g. a tenant's JSON) and normalises its amounts to two decimals. */
export function validateStrategy(input: unknown): StrategyValidation {
  const r = strategySchema.safeParse(input);
  if (r.success) return { ok: true, strategy: r.data };
  return { ok: false, problems: r.error.issues.map((i) => normaliseField({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** Like {@link validateStrategy}, throwing the application's validation error. */
export function parseStrategy(input: unknown): Strategy {
  const r = validateStrategy(input);
  if (!r.ok) throw invalid(r.problems, msg('dunning.invalid_strategy'));
  return r.strategy;
}

// Shipped strategies ------------------------------------------------------------------------------

/**
 * Italy, business debtors (B2B and public administration). Sources: seed "Interessi di mora"
 * (schedule G+10 friendly, G+30 firmer with interest running, G+45 interest charged and recovery
 * announced), seed "Strategie efficaci" (tiers soft → formal: registered letter, guarantees → when to
 * negotiate / ask guarantees → closing the relationship → court as last resort), legal notes §2
 * (D.Lgs. 231/2002: interest runs from the day after the due date without notice; the €40 per invoice
 * comes from the interest regime, not from these steps).
 * Assumptions: after +45 each step waits 15 days from the previous one — the usual term a formal
 * notice gives to pay — so negotiation ≈ day 60, closure advice ≈ day 75, legal hand-off ≈ day 90.
 * Closure advice is not given for public-administration debtors: a supplier's suspension of a public
 * contract follows public-procurement rules, not a collector's advice.
 */
const IT_B2B: Strategy = {
  name: 'it-b2b',
  steps: [
    {
      key: 'soft-1',
      tier: 'soft',
      delayDays: 10,
      delayFrom: 'due',
      channels: ['email', 'pec', 'letter'],
      template: 'soft-reminder',
      conditions: {},
      fee: 'none',
      interest: 'none',
    },
    {
      key: 'formal-1',
      tier: 'formal',
      delayDays: 30,
      delayFrom: 'due',
      channels: ['pec', 'registered_letter'],
      template: 'formal-notice-it',
      conditions: {},
      fee: 'creditor',
      interest: 'mention',
    },
    {
      key: 'formal-2',
      tier: 'formal',
      delayDays: 45,
      delayFrom: 'due',
      channels: ['pec', 'registered_letter'],
      template: 'final-notice-it',
      conditions: {},
      fee: 'creditor',
      interest: 'charge',
    },
    {
      key: 'negotiation-1',
      tier: 'negotiation',
      delayDays: 15,
      delayFrom: 'previous',
      channels: ['pec', 'email', 'registered_letter'],
      template: 'negotiation-offer',
      conditions: {},
      fee: 'none',
      interest: 'charge',
    },
    {
      key: 'closure-1',
      tier: 'closure',
      delayDays: 15,
      delayFrom: 'previous',
      channels: ['email'],
      template: 'closure-advice',
      conditions: { debtorKinds: ['company', 'sole_trader'] },
      fee: 'none',
      interest: 'charge',
    },
    {
      key: 'legal-1',
      tier: 'legal',
      delayDays: 15,
      delayFrom: 'previous',
      channels: ['pec', 'registered_letter'],
      template: 'legal-handoff-it',
      conditions: {},
      fee: 'none',
      interest: 'charge',
    },
  ],
};

/**
 * Italy, consumers. Gentler and slower: first reminder at +20 by ordinary letter (the UNIREC code
 * does not want e-mail/SMS as the systematic first reminder, legal notes §6.7), the formal notice at
 * +45 by registered letter (art. 1219 c.c.: interest at the legal rate of art. 1284 c.1 runs from
 * default), the final notice at +75, then 20 days between steps. No €40: D.Lgs. 231/2002 does not
 * apply to consumers (legal notes §2.1), and the consumer regimes carry no flat compensation. Fees
 * only where the creditor's contract provides them ('creditor').
 */
const IT_B2C: Strategy = {
  name: 'it-b2c',
  steps: [
    {
      key: 'soft-1',
      tier: 'soft',
      delayDays: 20,
      delayFrom: 'due',
      channels: ['letter', 'email'],
      template: 'soft-reminder',
      conditions: {},
      fee: 'none',
      interest: 'none',
    },
    {
      key: 'formal-1',
      tier: 'formal',
      delayDays: 45,
      delayFrom: 'due',
      channels: ['registered_letter', 'pec'],
      template: 'formal-notice-it',
      conditions: {},
      fee: 'creditor',
      interest: 'mention',
    },
    {
      key: 'formal-2',
      tier: 'formal',
      delayDays: 75,
      delayFrom: 'due',
      channels: ['registered_letter', 'pec'],
      template: 'final-notice-it',
      conditions: {},
      fee: 'creditor',
      interest: 'charge',
    },
    {
      key: 'negotiation-1',
      tier: 'negotiation',
      delayDays: 20,
      delayFrom: 'previous',
      channels: ['letter', 'email', 'phone_task'],
      template: 'negotiation-offer',
      conditions: {},
      fee: 'none',
      interest: 'charge',
    },
    {
      key: 'closure-1',
      tier: 'closure',
      delayDays: 20,
      delayFrom: 'previous',
      channels: ['email'],
      template: 'closure-advice',
      conditions: {},
      fee: 'none',
      interest: 'charge',
    },
    {
      key: 'legal-1',
      tier: 'legal',
      delayDays: 20,
      delayFrom: 'previous',
      channels: ['registered_letter', 'pec'],
      template: 'legal-handoff-it',
      conditions: {},
      fee: 'none',
      interest: 'charge',
    },
  ],
};

/**
 * Switzerland: three Mahnungen, each a letter with QR-bill. Sources: legal notes §3.1 (Art. 102 OR:
 * the Mahnung puts the debtor in default unless a Verfalltag was agreed), §3.2 (5% default interest,
 * Art. 104 OR), §3.6 (reminder fees only if agreed: the creditor's terms), §3.7 (Betreibung), seed
 * "Interessi di mora" (Swiss practice G+10 / G+30 / G+45, fee scale 1st 0–30, 2nd 40–50, 3rd 60–80 CHF,
 * waive interest on amounts under CHF 500). Interest is mentioned from the 2nd Mahnung and charged
 * with the 3rd; below CHF 500 no fee is charged and interest is only mentioned (waiveBelow).
 */
const CH: Strategy = {
  name: 'ch',
  steps: [
    {
      key: 'mahnung-1',
      tier: 'soft',
      delayDays: 10,
      delayFrom: 'due',
      channels: ['letter', 'email'],
      template: 'soft-reminder',
      conditions: {},
      fee: 'creditor',
      interest: 'none',
      waiveBelow: '500.00',
      paymentSlip: 'qr_bill',
    },
    {
      key: 'mahnung-2',
      tier: 'formal',
      delayDays: 30,
      delayFrom: 'due',
      channels: ['letter', 'email'],
      template: 'formal-notice-ch',
      conditions: {},
      fee: 'creditor',
      interest: 'mention',
      waiveBelow: '500.00',
      paymentSlip: 'qr_bill',
    },
    {
      key: 'mahnung-3',
      tier: 'formal',
      delayDays: 45,
      delayFrom: 'due',
      channels: ['registered_letter', 'letter'],
      template: 'final-notice-ch',
      conditions: {},
      fee: 'creditor',
      interest: 'charge',
      waiveBelow: '500.00',
      paymentSlip: 'qr_bill',
    },
    {
      key: 'negotiation-1',
      tier: 'negotiation',
      delayDays: 15,
      delayFrom: 'previous',
      channels: ['letter', 'email'],
      template: 'negotiation-offer',
      conditions: {},
      fee: 'none',
      interest: 'charge',
      waiveBelow: '500.00',
      paymentSlip: 'qr_bill',
    },
    {
      key: 'closure-1',
      tier: 'closure',
      delayDays: 10,
      delayFrom: 'previous',
      channels: ['email'],
      template: 'closure-advice',
      conditions: { debtorKinds: ['company', 'sole_trader', 'consumer'] },
      fee: 'none',
      interest: 'charge',
    },
    {
      key: 'betreibung-1',
      tier: 'legal',
      delayDays: 15,
      delayFrom: 'previous',
      channels: ['registered_letter', 'letter'],
      template: 'legal-handoff-ch',
      conditions: {},
      fee: 'none',
      interest: 'charge',
      waiveBelow: '500.00',
      paymentSlip: 'qr_bill',
    },
  ],
};

/**
 * Italian municipality (IMU, TARI, CUP, fines): phone first. Sources: seed 004 "Servizio di recupero
 * crediti per il Comune" ("tutti i contribuenti vengono contattati telefonicamente": a human call,
 * never a recorded voice; help with instalments), legal notes §6.1–6.3, §6.7 (UNIREC: e-mail/SMS
 * not the systematic first reminder). No reminder fees and no commercial interest: the comune's own
 * act (avviso di accertamento esecutivo, art. 1 c. 792 L. 160/2019, or ingiunzione, R.D. 639/1910)
 * sets sanctions, interest within legal + 3 points (L. 296/2006 c. 165) and the c. 803 charges.
 * Instalments are not offered up to €100 (default schedule of c. 796), hence the amount conditions.
 * The letter's wording follows the act (municipal-letter.ts `templateForAct`): an enforceable
 * assessment never gets bonario wording.
 * The flow:
 * - a phone call 5 days after the list is loaded, for every taxpayer with a usable number;
 * - written reminders (avviso bonario, then sollecito, then the instalment offer) only to those who
 *   cannot be reached by phone — no usable number, a wrong number, calls not answered within 20
 *   days — or who ask to be written to (their phone contact opted out): condition
 *   `reachableByPhone: false`. Without a number the avviso bonario goes out at once (its delay counts
 *   from the due date when no step was done);
 * - taxpayers reached by phone get the instalment offer by phone 20 days after the call;
 * - then the hand-off to the comune's office (internal, to the creditor) 30 days later.
 * Assumptions (not from a source): 5 days to start calling, 20 days for the calls to reach someone,
 * 60 days between bonario and sollecito (time to pay and to answer).
 */
const COMUNE: Strategy = {
  name: 'comune',
  steps: [
    {
      key: 'telefonata',
      tier: 'soft',
      delayDays: 5,
      delayFrom: 'load',
      channels: ['phone_task'],
      template: 'comune-avviso-bonario',
      conditions: { reachableByPhone: true },
      fee: 'none',
      interest: 'none',
    },
    {
      key: 'avviso-bonario',
      tier: 'soft',
      delayDays: 20,
      delayFrom: 'previous',
      channels: ['pec', 'letter', 'email'],
      template: 'comune-avviso-bonario',
      conditions: { reachableByPhone: false },
      fee: 'none',
      interest: 'none',
      paymentSlip: 'pagopa',
    },
    {
      key: 'sollecito',
      tier: 'formal',
      delayDays: 60,
      delayFrom: 'previous',
      channels: ['pec', 'registered_letter'],
      template: 'comune-sollecito',
      conditions: { reachableByPhone: false },
      fee: 'none',
      interest: 'none',
      paymentSlip: 'pagopa',
    },
    {
      key: 'rateizzazione-telefono',
      tier: 'negotiation',
      delayDays: 20,
      delayFrom: 'previous',
      channels: ['phone_task'],
      template: 'comune-rateizzazione',
      conditions: { minAmount: '100.01', currencies: ['EUR'], reachableByPhone: true },
      fee: 'none',
      interest: 'none',
    },
    {
      key: 'rateizzazione',
      tier: 'negotiation',
      delayDays: 20,
      delayFrom: 'previous',
      channels: ['pec', 'letter'],
      template: 'comune-rateizzazione',
      conditions: { minAmount: '100.01', currencies: ['EUR'], reachableByPhone: false },
      fee: 'none',
      interest: 'none',
    },
    {
      key: 'accertamento',
      tier: 'legal',
      delayDays: 30,
      delayFrom: 'previous',
      channels: ['email'],
      template: 'comune-handoff',
      conditions: {},
      fee: 'none',
      interest: 'none',
    },
  ],
};

export const STRATEGY_TEMPLATES = {
  'it-b2b': IT_B2B,
  'it-b2c': IT_B2C,
  ch: CH,
  comune: COMUNE,
} as const satisfies Record<string, Strategy>;
export type StrategyTemplateKey = keyof typeof STRATEGY_TEMPLATES;
export const DEFAULT_STRATEGY: StrategyTemplateKey = 'it-b2b';
