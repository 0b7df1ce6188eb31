import { z } from 'zod';
import '../zod-messages.ts';
import { allocateToComponents, type ComponentDue } from '../allocation.ts';
import { normaliseField, type FieldError } from '../errors.ts';
import { DAY_COUNTS, type DayCount } from '../interest/day-count.ts';
import { encodeMessage, msg, type MessageCode } from '../messages/index.ts';
import { amountIssue, toMoneyString } from '../money.ts';
import { COMPONENT_KINDS } from '../model.ts';
import { C803_CHARGES, type CollectionChargeRules } from './charges.ts';
import { localInterestTerms, pointsIssue } from './local-interest.ts';
import { MONEY_PARTS, partParam, type MoneyPart } from './parts.ts';
import { OMITTED_PAYMENT_SANCTIONS, type SanctionRules } from './sanctions.ts';

/**
 * A comune's regulation of its revenues (regolamento generale delle entrate, art. 52 D.Lgs. 446/1997),
 * as one piece of data per comune. The shipped defaults come from the law where the comune has nothing
 * of its own; each field says its source.
 */
export interface RevenueRules {
  /**
   * Points over the legal rate for interest on local taxes, "0" to "3" (art. 1 c. 165 L. 296/2006).
   * Default 0: the legal rate alone, until the comune's regulation says otherwise.
   */
  interestPoints: string;
  /**
   * Day count of interest: act365, the divisor of the Italian reference calculators
   * (I = C·S·N/36500, legal-notes.md §1.3) and of the worked examples (municipal-notes.md §6.7).
   */
  dayCount: DayCount;
  /** c.803 collection charges (art. 1 c. 803 L. 160/2019): 3 %/€300 within 60 days, 6 %/€600 after. */
  collectionCharges: CollectionChargeRules;
  /** Sanctions for omitted payment by date of the violation (art. 13 D.Lgs. 471/1997; D.Lgs. 87/2024). */
  sanctions: SanctionRules;
  /**
   * The order a payment settles the position's parts. Default: notification costs and collection
   * charges, then interest (the act's, then accrued), then sanctions, then tax — the order of the
   * issue and of art. 1194 c.c. (costs and interest before capital); a regulation may differ.
   */
  allocationOrder: MoneyPart[];
  /**
   * CdS fines: +10 % per semester of delay (art. 27 c. 6 L. 689/1981). Case law is split (applied by
   * Cass. ord. 17901/2018 and others; excluded by an older line on art. 203 c. 3 CdS), so it is the
   * comune's choice, off until it enables it (municipal-notes.md §6.6).
   */
  cdsSemesterSurcharge: boolean;
}

export const DEFAULT_ALLOCATION_ORDER: readonly MoneyPart[] = [
  'notification_costs',
  'collection_charges',
  'costs',
  'fees',
  'act_interest',
  'accrued_interest',
  'sanctions',
  'tax',
  'principal',
];

export const DEFAULT_REVENUE_RULES: RevenueRules = {
  interestPoints: '0',
  dayCount: 'act365',
  collectionCharges: C803_CHARGES,
  sanctions: OMITTED_PAYMENT_SANCTIONS,
  allocationOrder: [...DEFAULT_ALLOCATION_ORDER],
  cdsSemesterSurcharge: false,
};

// Schema --------------------------------------------------------------------------------------------

const coded = (code: MessageCode, params?: Record<string, string | number>) => encodeMessage(msg(code, params));
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const percent = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/);
const moneyString = z
  .string()
  .superRefine((v, ctx) => {
    const p = amountIssue(v);
    if (p) ctx.addIssue({ code: 'custom', message: encodeMessage(p) });
  })
  .transform((v) => toMoneyString(v.trim()));
const band = z.strictObject({ rate: percent, cap: moneyString });
const step = z.strictObject({
  upTo: z.union([z.strictObject({ days: z.number().int().min(1).max(3650) }), z.strictObject({ years: z.number().int().min(1).max(10) }), z.null()]),
  denominator: z.number().int().min(1).max(100),
  letter: z.string().min(1).max(10),
});
const regime = z.strictObject({
  from: isoDay,
  to: isoDay.nullable(),
  rate: percent,
  halfWithinDays: z.number().int().min(0).max(3650),
  dailyWithinDays: z.number().int().min(0).max(3650),
  ravvedimento: z.array(step).min(1),
  basis: z.enum(['municipal.basis_471_original', 'municipal.basis_471_87_2024']),
  source: z.string().min(1).max(500),
});

/** The regulation as the API takes it: every field checked, with coded reasons. */
export const revenueRulesSchema = z.strictObject({
  interestPoints: z.string().superRefine((v, ctx) => {
    const p = pointsIssue(v);
    if (p) ctx.addIssue({ code: 'custom', message: encodeMessage(p) });
  }),
  dayCount: z.enum(DAY_COUNTS),
  collectionCharges: z.strictObject({
    withinDays: z.number().int().min(1).max(3650),
    early: band,
    late: band,
    excludedKinds: z.array(z.enum(COMPONENT_KINDS)),
  }),
  sanctions: z.strictObject({
    regimes: z
      .array(regime)
      .min(1)
      .superRefine((list, ctx) => {
        // Each regime ends before the next begins: a violation's date finds one regime.
        list.forEach((r, i) => {
          const next = list[i + 1];
          if ((r.to !== null && r.to < r.from) || (next && (r.to === null || r.to >= next.from))) {
            ctx.addIssue({ code: 'custom', path: [i], message: coded('municipal.sanction_regimes_order', { from: r.from }) });
          }
        });
      }),
  }),
  allocationOrder: z
    .array(z.enum(MONEY_PARTS))
    .min(1, { message: coded('municipal.allocation_empty') })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const k of list) {
        if (seen.has(k)) ctx.addIssue({ code: 'custom', message: coded('municipal.allocation_repeated', { kind: partParam(k) }) });
        seen.add(k);
      }
    }),
  cdsSemesterSurcharge: z.boolean(),
});

/** The regulation as the API shows it (no checks or transforms: an answer is encoded, not parsed). */
export const revenueRulesViewSchema = z.object({
  interestPoints: z.string(),
  dayCount: z.enum(DAY_COUNTS),
  collectionCharges: z.object({
    withinDays: z.number(),
    early: z.object({ rate: z.string(), cap: z.string() }),
    late: z.object({ rate: z.string(), cap: z.string() }),
    excludedKinds: z.array(z.enum(COMPONENT_KINDS)),
  }),
  sanctions: z.object({
    regimes: z.array(
      z.object({
        from: z.string(),
        to: z.string().nullable(),
        rate: z.string(),
        halfWithinDays: z.number(),
        dailyWithinDays: z.number(),
        ravvedimento: z.array(
          z.object({
            upTo: z.union([z.object({ days: z.number() }), z.object({ years: z.number() }), z.null()]),
            denominator: z.number(),
            letter: z.string(),
          }),
        ),
        basis: z.string(),
        source: z.string(),
      }),
    ),
  }),
  allocationOrder: z.array(z.enum(MONEY_PARTS)),
  cdsSemesterSurcharge: z.boolean(),
});

// The schema's output is a RevenueRules (checked at compile time).
type SchemaOutput = z.output<typeof revenueRulesSchema>;
const _sameShape: [SchemaOutput extends RevenueRules ? true : false] = [true];
void _sameShape;

export type RevenueRulesValidation = { ok: true; rules: RevenueRules } | { ok: false; problems: FieldError[] };

/**
 * Checks a comune's regulation (e.g. stored JSON or an API body). Missing fields take the shipped
 * defaults, so a regulation that only sets its points is complete.
 */
export function validateRevenueRules(input: unknown): RevenueRulesValidation {
  const merged = input && typeof input === 'object' && !Array.isArray(input) ? { ...DEFAULT_REVENUE_RULES, ...(input as object) } : input;
  const r = revenueRulesSchema.safeParse(merged);
  if (r.success) return { ok: true, rules: r.data };
  return { ok: false, problems: r.error.issues.map((i) => normaliseField({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** A payment on a comune's position split over its parts by the regulation's order. */
export const allocateByRegulation = (rules: Pick<RevenueRules, 'allocationOrder'>, components: readonly ComponentDue<MoneyPart>[], amount: string) =>
  allocateToComponents(rules.allocationOrder, components, amount);

/**
 * The interest terms a comune's new tax claim (IMU, TARI) is stored with when nothing else is said:
 * the legal rate plus the comune's points of its regulation (art. 1 c. 165 L. 296/2006), so a later
 * change of the regulation is not retroactive. Null: the engine's default for the claim (the legal
 * rate) — 0 points, a creditor that is not a public entity, or a regulation that does not validate.
 * The claims API and the import both store these (create-claim.ts, usecases/imports).
 */
export function comuneTaxTerms(creditor: { kind: string; revenue_rules: unknown }): { regime: 'spread'; base: 'it-legal'; spread: string } | null {
  if (creditor.kind !== 'public_entity') return null;
  const rules = validateRevenueRules(creditor.revenue_rules ?? {});
  const points = rules.ok ? rules.rules.interestPoints : '0';
  if (Number(points) === 0) return null;
  const terms = localInterestTerms(points);
  return { regime: 'spread', base: 'it-legal', spread: terms.spread! };
}
