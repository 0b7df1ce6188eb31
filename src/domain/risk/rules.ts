import { z } from 'zod';
import { msg, amountParam, type Message } from '../messages/index.ts';
import { money } from '../money.ts';
import type { Currency } from '../model.ts';
import { RECENT_KEPT, type ProfileFigures } from './profile.ts';

/**
 * The risk class A–D of a payment-behaviour profile (issue 17 item 1), from rules kept as data:
 * shipped defaults (DEFAULT_RISK_RULES), over which a tenant (tenants.settings.riskRules) and a
 * creditor (creditors.risk_rules) may set their own thresholds — the same merge as plan_rules.
 *
 * Each of D, C, B lists criteria; a criterion left null does not apply. A profile is in the worst class
 * any of whose criteria it meets; A when none is met and it has a paid history, `noHistory` when it has
 * none. The explanation lists every adverse fact met (at any class), worst first, so a D reads
 * "D: 3 delle ultime 5 fatture pagate con oltre 60 giorni di ritardo; un piano decaduto nel 2025".
 */
import { RISK_CLASSES, type RiskClass } from '../dunning/words.ts';
export { RISK_CLASSES, type RiskClass };

export interface RiskCriteria {
  /** Days late beyond which a recent settled claim counts as late … */
  lateDays: number | null;
  /** … and how many of the `recent` latest must be so. */
  lateOfRecent: number | null;
  /** Share of settled claims paid on time below this percent. */
  onTimeBelow: number | null;
  plansLapsed: number | null;
  promisesBroken: number | null;
  /** The oldest open claim overdue by at least these days. */
  overdueDays: number | null;
  /** Lateness of the last 12 months worse than the 12 before by `worseningDays` or more. */
  worsening: boolean;
}

export interface AdviceRules {
  /** Open principal (in any one currency) from which a guarantee is asked whatever the history. */
  highExposure: string;
  /** Classes for which the advice is to demand a guarantee, and to close the relationship. */
  guaranteeClasses: RiskClass[];
  closeClasses: RiskClass[];
}

export interface RiskRules {
  recent: number;
  worseningDays: number;
  noHistory: RiskClass;
  D: RiskCriteria;
  C: RiskCriteria;
  B: RiskCriteria;
  advice: AdviceRules;
}

const none: RiskCriteria = { lateDays: null, lateOfRecent: null, onTimeBelow: null, plansLapsed: null, promisesBroken: null, overdueDays: null, worsening: false };

export const DEFAULT_RISK_RULES: RiskRules = {
  recent: 5,
  worseningDays: 15,
  noHistory: 'B',
  D: { ...none, lateDays: 60, lateOfRecent: 3, plansLapsed: 2, promisesBroken: 3, overdueDays: 180 },
  C: { ...none, lateDays: 30, lateOfRecent: 2, onTimeBelow: 50, plansLapsed: 1, promisesBroken: 2, overdueDays: 90 },
  B: { ...none, lateDays: 15, lateOfRecent: 1, onTimeBelow: 80, promisesBroken: 1, overdueDays: 30, worsening: true },
  advice: { highExposure: '10000.00', guaranteeClasses: ['C'], closeClasses: ['D'] },
};

const count = z.number().int().min(1).max(1000).nullable();
const criteriaSchema = z.strictObject({
  lateDays: z.number().int().min(0).max(3650).nullable(),
  lateOfRecent: z.number().int().min(1).max(RECENT_KEPT).nullable(),
  onTimeBelow: z.number().int().min(1).max(100).nullable(),
  plansLapsed: count,
  promisesBroken: count,
  overdueDays: z.number().int().min(1).max(3650).nullable(),
  worsening: z.boolean(),
});
export const riskRulesSchema = z.strictObject({
  recent: z.number().int().min(1).max(RECENT_KEPT),
  worseningDays: z.number().int().min(1).max(3650),
  noHistory: z.enum(RISK_CLASSES),
  D: criteriaSchema,
  C: criteriaSchema,
  B: criteriaSchema,
  advice: z.strictObject({
    highExposure: z.string().regex(/^\d{1,13}(\.\d{1,2})?$/),
    guaranteeClasses: z.array(z.enum(RISK_CLASSES)),
    closeClasses: z.array(z.enum(RISK_CLASSES)),
  }),
});

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Stored overrides (tenant, then creditor) merged over the defaults, one level deep per class; a merge that fails the schema is ignored. */
export function riskRulesOf(...stored: unknown[]): RiskRules {
  let rules: RiskRules = DEFAULT_RISK_RULES;
  for (const s of stored) {
    if (!isObject(s)) continue;
    const merged: Record<string, unknown> = { ...rules, ...s };
    for (const k of ['D', 'C', 'B', 'advice'] as const) if (isObject(s[k])) merged[k] = { ...rules[k], ...s[k] };
    const r = riskRulesSchema.safeParse(merged);
    if (r.success) rules = r.data as RiskRules;
  }
  return rules;
}

/** Why stored rules are refused (path of the first problem), or null. */
export function riskRulesProblem(stored: unknown): string | null {
  const r = riskRulesSchema.safeParse(isObject(stored) ? mergeForCheck(stored) : stored);
  return r.success ? null : (r.error.issues[0]?.path.join('.') ?? 'riskRules');
}
function mergeForCheck(s: Record<string, unknown>): unknown {
  const merged: Record<string, unknown> = { ...DEFAULT_RISK_RULES, ...s };
  for (const k of ['D', 'C', 'B', 'advice'] as const) if (isObject(s[k])) merged[k] = { ...DEFAULT_RISK_RULES[k], ...s[k] };
  return merged;
}

type Kind = 'late' | 'plans' | 'promises' | 'overdue' | 'onTime' | 'worsening';
const KINDS: Kind[] = ['late', 'plans', 'promises', 'overdue', 'onTime', 'worsening'];
const SEVERITY: ('D' | 'C' | 'B')[] = ['D', 'C', 'B'];

export interface RiskAssessment {
  riskClass: RiskClass;
  /** The facts behind the class, worst first (coded messages). */
  reasons: Message[];
  worsening: boolean;
}

export function isWorsening(f: ProfileFigures, rules: RiskRules): boolean {
  return f.lateness12 !== null && f.latenessPrev12 !== null && money(f.lateness12).minus(f.latenessPrev12).gte(rules.worseningDays);
}

function overdueDays(f: ProfileFigures): number {
  if (!f.oldestOverdueOn) return 0;
  const a = Date.UTC(+f.asOf.slice(0, 4), +f.asOf.slice(5, 7) - 1, +f.asOf.slice(8, 10));
  const b = Date.UTC(+f.oldestOverdueOn.slice(0, 4), +f.oldestOverdueOn.slice(5, 7) - 1, +f.oldestOverdueOn.slice(8, 10));
  return Math.round((a - b) / 86_400_000);
}

function meets(kind: Kind, c: RiskCriteria, f: ProfileFigures, rules: RiskRules): Message | null {
  const recent = f.recentDaysLate.slice(0, rules.recent);
  switch (kind) {
    case 'late': {
      if (c.lateDays === null || c.lateOfRecent === null) return null;
      const late = recent.filter((d) => d > c.lateDays!).length;
      return late >= c.lateOfRecent ? msg('risk.reason_late_recent', { late, recent: recent.length, days: c.lateDays }) : null;
    }
    case 'plans':
      if (c.plansLapsed === null || f.plansLapsed < c.plansLapsed) return null;
      return f.plansLapsed === 1
        ? msg('risk.reason_plan_lapsed', { year: (f.lastLapsedOn ?? '').slice(0, 4) })
        : msg('risk.reason_plans_lapsed', { count: f.plansLapsed, year: (f.lastLapsedOn ?? '').slice(0, 4) });
    case 'promises':
      if (c.promisesBroken === null || f.promisesBroken < c.promisesBroken) return null;
      return f.promisesBroken === 1 ? msg('risk.reason_promise_broken') : msg('risk.reason_promises_broken', { count: f.promisesBroken });
    case 'overdue': {
      const days = overdueDays(f);
      return c.overdueDays !== null && days >= c.overdueDays ? msg('risk.reason_overdue', { days }) : null;
    }
    case 'onTime':
      return c.onTimeBelow !== null && f.onTimePercent !== null && f.onTimePercent < c.onTimeBelow
        ? msg('risk.reason_on_time_low', { percent: f.onTimePercent, paid: f.paid })
        : null;
    case 'worsening':
      return c.worsening && isWorsening(f, rules) ? msg('risk.reason_worsening', { now: wholeDays(f.lateness12!), before: wholeDays(f.latenessPrev12!) }) : null;
  }
}

/** The class of a profile under the rules, with its explanation. */
export function classify(f: ProfileFigures, rules: RiskRules = DEFAULT_RISK_RULES): RiskAssessment {
  // Each kind of fact at the worst class whose criterion it meets; the explanation worst first.
  const met = KINDS.flatMap((kind) => {
    for (const cls of SEVERITY) {
      const m = meets(kind, rules[cls], f, rules);
      if (m) return [{ cls, m }];
    }
    return [];
  }).sort((a, b) => SEVERITY.indexOf(a.cls) - SEVERITY.indexOf(b.cls));
  const worsening = isWorsening(f, rules);
  if (met.length) return { riskClass: met[0]!.cls, reasons: met.map((r) => r.m), worsening };
  if (f.paid === 0) return { riskClass: rules.noHistory, reasons: [msg('risk.reason_no_history')], worsening };
  return { riskClass: 'A', reasons: [msg('risk.reason_good', { percent: f.onTimePercent ?? 0, paid: f.paid })], worsening };
}

export const ADVICE_CHOICES = ['negotiate', 'guarantee', 'close'] as const;
export type AdviceChoice = (typeof ADVICE_CHOICES)[number];

export interface Advice {
  recommend: AdviceChoice;
  reasons: Message[];
}

/**
 * The advice for a debtor in the negotiation tier (issue 17 item 2), after seed 000 "Quando negoziare
 * e quando pretendere garanzie":
 * - **close** the relationship (advise the creditor to stop supplying) for the classes in
 *   `closeClasses` (D): "Mancati pagamenti reiterati non giustificati";
 * - **guarantee** (fideiussione before supplying again) for `guaranteeClasses` (C), a worsening trend or
 *   an exposure from `highExposure`: "quando il rischio di insolvenza aumenta o il cliente ha mostrato
 *   comportamenti poco affidabili";
 * - otherwise **negotiate** (offer a plan): "se il cliente ha sempre pagato in passato, ma attraversa
 *   un momento di difficoltà temporanea".
 * Null when the debtor has no claim in the negotiation tier.
 */
export function adviceFor(f: ProfileFigures, a: RiskAssessment, rules: RiskRules = DEFAULT_RISK_RULES): Advice | null {
  if (f.negotiation === 0) return null;
  const classReason = msg('risk.advice_class', { class: a.riskClass });
  if (rules.advice.closeClasses.includes(a.riskClass)) return { recommend: 'close', reasons: [classReason, ...a.reasons, msg('risk.advice_close')] };
  const high = (Object.entries(f.exposure) as [Currency, string][]).filter(([, amount]) => money(amount).gte(rules.advice.highExposure));
  const why: Message[] = [];
  if (rules.advice.guaranteeClasses.includes(a.riskClass)) why.push(classReason, ...a.reasons);
  else if (a.worsening) why.push(msg('risk.reason_worsening', { now: wholeDays(f.lateness12!), before: wholeDays(f.latenessPrev12!) }));
  for (const [cur, amount] of high) why.push(msg('risk.advice_high_exposure', { amount: amountParam(amount, cur), threshold: amountParam(rules.advice.highExposure, cur) }));
  if (why.length) return { recommend: 'guarantee', reasons: [...why, msg('risk.advice_guarantee')] };
  return { recommend: 'negotiate', reasons: [classReason, ...a.reasons, msg('risk.advice_negotiate')] };
}

/** Average days late as words say them: whole days, half up ("83.3" → "83"), the same in every language. */
function wholeDays(days: string): string {
  return money(days).toDecimalPlaces(0).toFixed(0);
}
