import { money } from '../money.ts';
import { msg, type Message } from '../messages/index.ts';
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
  /** Yearly interest on the deferral, in percent points over the legal rate (null: none). */
  interestPoints: string | null;
  /** A guarantee (fideiussione) is asked above this amount (euro), if the regulation says so. */
  guaranteeAbove: string | null;
  /** Lapse (c.800): this many unpaid instalments, even not consecutive, within this many months, after an express reminder. */
  lapse: { missed: number; withinMonths: number; afterReminder: boolean };
  /** One extension (c.798) on proven worsening, if the plan has not lapsed, up to this many further instalments. */
  extension: { allowed: boolean; maxInstalments: number };
}

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
};

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
  if (tier.max === 0) out.push(msg('plans.too_small', { total: plan.total, upTo: tier.upTo ?? '—' }));
  else if (plan.count > tier.max) out.push(msg('plans.too_many', { count: plan.count, max: tier.max, total: plan.total }));
  else if (plan.count < tier.min) out.push(msg('plans.too_few', { count: plan.count, min: tier.min, total: plan.total }));
  if (rules.minInstalment !== null && money(plan.smallest).lt(rules.minInstalment)) out.push(msg('plans.instalment_too_small', { smallest: plan.smallest, min: rules.minInstalment }));
  if (rules.minFirstShare !== null) {
    const least = money(plan.total).times(rules.minFirstShare).toDecimalPlaces(2, 0 /* ROUND_UP */);
    if (!plan.firstAmount || money(plan.firstAmount).lt(least)) out.push(msg('plans.first_payment_too_small', { least: least.toFixed(2) }));
  }
  return out;
}
