import { z } from 'zod';
import { money } from '../money.ts';
import { amountParam, type Message, msg } from '../messages/index.ts';
import { C796_SCHEDULE, instalmentTier, type InstalmentTier } from '../municipal/instalments.ts';
import type { DueDay } from './schedule.ts';

/**
 * What a creditor allows in a plan, as data (issue 15 item 1). For a comune the default is the
 * schedule of art. 1 c.796 L. 160/2019 (legal-notes §6.3, VERIFIED) with lapse per c.800 and one
 * extension per c.798; the comune's own regulation replaces the tiers, the minimum instalment, the
 * interest on the deferral, the guarantee threshold and the due day (art. 52 D.Lgs. 446/1997), within
 * c.797: at least 36 monthly instalments must be possible above €6,000.01. For a company: a
 * negotiated plan within its limits (most months, least first payment).
 */
export interface PlanRules {
  /** Amount tiers with the fewest and most monthly instalments. */
  tiers: readonly InstalmentTier[];
  /** The smallest instalment (euro), if the regulation sets one. UNVERIFIED per comune: data. */
  minInstalment: string | null;
  /** Least first payment of a negotiated plan, as a share of the total (0–1), if any. */
  minFirstShare: string | null;
  /** Instalments due on the last day of the month, or on a day of it. */
  dueDay: DueDay;
  /**
   * Yearly interest on the deferral, in percent points over the legal rate (null: none). With it, the
   * positions' ordinary interest is paused while the plan runs (the plan's interest replaces it:
   * pauses.ts `interestPauseOf`); without it (null) the ordinary interest keeps running during the
   * plan and is owed after the instalments — the choice kept for such plans, as before.
   */
  interestPoints: string | null;
  /** A guarantee (fideiussione) is asked above this amount (euro), if the regulation says so. */
  guaranteeAbove: string | null;
  /** Lapse (c.800): this many unpaid instalments, even not consecutive, within this many months, after an express reminder. */
  lapse: { missed: number; withinMonths: number; afterReminder: boolean };
  /** One extension (c.798) on proven worsening, if the plan has not lapsed, up to this many further instalments. */
  extension: { allowed: boolean; maxInstalments: number };
  /**
   * Reminders per instalment (issue 15 item 1): a courtesy reminder this many days before the due
   * date, and the express reminder (sollecito, the one c.800 counts) this many days after it when it is
   * still unpaid; null: none of that kind sent by incasso.
   */
  reminders: PlanReminderRules;
}

export interface PlanReminderRules {
  courtesyDaysBefore: number | null;
  expressDaysAfter: number | null;
}

/**
 * Default reminder days (UNVERIFIED: agency practice, no law sets them). c.800 asks for an "espresso
 * sollecito" before an unpaid instalment counts towards the lapse, without a term; ten days after the
 * due date leaves a payment made on the day time to arrive. A week before is the usual courtesy notice.
 */
export const DEFAULT_PLAN_REMINDERS: PlanReminderRules = { courtesyDaysBefore: 7, expressDaysAfter: 10 };

/** The law's default for a comune without a regulation of its own (c.796–800). */
export const C796_RULES: PlanRules = {
  tiers: C796_SCHEDULE,
  minInstalment: null,
  minFirstShare: null,
  dueDay: 'last',
  interestPoints: null,
  guaranteeAbove: null,
  lapse: { missed: 2, withinMonths: 6, afterReminder: true },
  extension: { allowed: true, maxInstalments: 72 },
  reminders: DEFAULT_PLAN_REMINDERS,
};

/**
 * A company's default, as data (no law sets a company's plan: agency practice, UNVERIFIED): a
 * negotiated plan of up to 24 monthly instalments whatever the amount, none under €100, at least €25 an
 * instalment, on the day of the month of the first; lapse on two instalments missed within six months
 * after a reminder (mirroring c.800, so an operator explains one rule), one extension up to 36. A
 * creditor sets its own over it (creditors.plan_rules): most months, least first payment, interest.
 */
export const COMPANY_PLAN_RULES: PlanRules = {
  tiers: [
    { upTo: '100.00', min: 0, max: 0 },
    { upTo: null, min: 1, max: 24 },
  ],
  minInstalment: '25.00',
  minFirstShare: null,
  dueDay: 'last',
  interestPoints: null,
  guaranteeAbove: null,
  lapse: { missed: 2, withinMonths: 6, afterReminder: true },
  extension: { allowed: true, maxInstalments: 36 },
  reminders: DEFAULT_PLAN_REMINDERS,
};

const amount = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/);
export const planRulesSchema = z.strictObject({
  tiers: z
    .array(z.strictObject({ upTo: amount.nullable(), min: z.number().int().min(0).max(240), max: z.number().int().min(0).max(240) }))
    .min(1)
    .max(20)
    .refine((t) => t[t.length - 1]!.upTo === null, 'the last tier has no upper limit'),
  minInstalment: amount.nullable(),
  minFirstShare: z.string().regex(/^(0(\.\d{1,4})?|1)$/).nullable(),
  dueDay: z.union([z.literal('last'), z.number().int().min(1).max(31)]),
  interestPoints: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/).nullable(),
  guaranteeAbove: amount.nullable(),
  lapse: z.strictObject({ missed: z.number().int().min(1).max(12), withinMonths: z.number().int().min(1).max(120), afterReminder: z.boolean() }),
  extension: z.strictObject({ allowed: z.boolean(), maxInstalments: z.number().int().min(1).max(240) }),
  reminders: z.strictObject({ courtesyDaysBefore: z.number().int().min(0).max(60).nullable(), expressDaysAfter: z.number().int().min(0).max(90).nullable() }),
});

/**
 * A creditor's plan rules (creditors.plan_rules) merged over the default of its kind: c.796–800 for a
 * public entity (a comune), COMPANY_PLAN_RULES otherwise. Stored rules that no longer pass the schema
 * give the default rather than none; a comune's rules that break c.797 too (they cannot apply).
 */
export function planRulesOf(stored: unknown, creditorKind: string): PlanRules {
  const base = creditorKind === 'public_entity' ? C796_RULES : COMPANY_PLAN_RULES;
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return base;
  const r = planRulesSchema.safeParse({ ...base, ...stored });
  if (!r.success) return base;
  const rules = r.data as PlanRules;
  if (creditorKind === 'public_entity' && regulationProblems(rules).length) return base;
  return rules;
}

/**
 * Why a comune's own regulation is not acceptable: c.797 lets it differ from c.796 but not below 36
 * monthly instalments for debts above €6,000.01.
 */
export function regulationProblems(rules: PlanRules): Message[] {
  const above = instalmentTier('6000.01', rules.tiers);
  const most = Math.max(...rules.tiers.filter((t) => t.upTo === null || money(t.upTo).gte('6000.01')).map((t) => t.max), above.max);
  return most < 36 ? [msg('plans.c797_minimum', { most })] : [];
}

/**
 * Why a proposed plan is outside the rules (each reason a message; none: within them). Outside the
 * rules is not forbidden: it needs a supervisor's (or the comune's) approval.
 */
export function planProblems(rules: PlanRules, plan: { total: string; count: number; firstAmount?: string | null; smallest: string }): Message[] {
  const out: Message[] = [];
  const tier = instalmentTier(plan.total, rules.tiers);
  if (tier.max === 0) out.push(msg('plans.too_small', { total: amountParam(plan.total), upTo: tier.upTo ? amountParam(tier.upTo) : '—' }));
  else if (plan.count > tier.max) out.push(msg('plans.too_many', { count: plan.count, max: tier.max, total: amountParam(plan.total) }));
  else if (plan.count < tier.min) out.push(msg('plans.too_few', { count: plan.count, min: tier.min, total: amountParam(plan.total) }));
  if (rules.minInstalment !== null && money(plan.smallest).lt(rules.minInstalment)) out.push(msg('plans.instalment_too_small', { smallest: amountParam(plan.smallest), min: amountParam(rules.minInstalment) }));
  if (rules.minFirstShare !== null) {
    const least = money(plan.total).times(rules.minFirstShare).toDecimalPlaces(2, 0 /* ROUND_UP */);
    if (!plan.firstAmount || money(plan.firstAmount).lt(least)) out.push(msg('plans.first_payment_too_small', { least: amountParam(least.toFixed(2)) }));
  }
  // A guarantee above the regulation's threshold: someone must see it given before the plan runs.
  if (rules.guaranteeAbove !== null && money(plan.total).gt(rules.guaranteeAbove)) out.push(msg('plans.guarantee_needed', { above: amountParam(rules.guaranteeAbove) }));
  return out;
}

/** Why a creditor's stored plan rules cannot be kept: a comune's must allow what c.797 requires. */
export function storedPlanRulesProblems(stored: Partial<PlanRules> | null | undefined, creditorKind: string): Message[] {
  if (!stored || creditorKind !== 'public_entity') return [];
  return regulationProblems({ ...C796_RULES, ...stored });
}
