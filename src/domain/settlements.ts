import { z } from 'zod';
import { parseDate } from './dates.ts';
import { amountParam, dateParam, type MessageCode } from './messages/index.ts';
import { MUNICIPAL_TAX_KINDS, type ClaimKind, type CreditorKind } from './model.ts';
import { money, sumMoney, toMoneyString } from './money.ts';

/**
 * Settlements (saldo e stralcio, issue 15 item 3): the debtor pays less than it owes by a deadline and
 * the creditor writes the rest off — a transaction in the sense of art. 1965 c.c. (each side gives
 * something up), which a collection agency concludes only within the mandate its creditor gave it.
 * The mandate is data per creditor (creditors.settlement_rules): how much an operator may give up alone
 * (a share of the interest and costs owed, never of the principal), the least the creditor accepts
 * (a share of the total owed), how far the deadline may be. Beyond either limit a supervisor decides.
 *
 * Public revenues are not negotiable: a comune may not give up a tax it is owed (the principle of the
 * unavailability of the tax obligation, art. 23 and 53 Cost.; a transaction on taxes exists only where
 * a law provides it — e.g. art. 48 D.Lgs. 546/1992 in court — or the comune's regulation under art. 52
 * D.Lgs. 446/1997 allows a definizione agevolata). So a settlement is refused for a public entity's
 * positions and for tax kinds unless the rules say `publicRevenues: true`.
 */
export interface SettlementRules {
  /** The largest discount an operator grants alone, as a percentage of the interest and costs owed. */
  operatorMaxDiscountPercent: string;
  /** The least the creditor accepts without being asked, as a percentage of the total owed; null: none set. */
  creditorMinPercent: string | null;
  /** The latest deadline, in days from the offer. */
  maxDays: number;
  /** A comune's regulation that allows settling its revenues (art. 52 D.Lgs. 446/1997). */
  publicRevenues: boolean;
}

/** UNVERIFIED defaults (agency practice, the example): 10 % of interest and costs, 30 days, no minimum. */
export const DEFAULT_SETTLEMENT_RULES: SettlementRules = { operatorMaxDiscountPercent: '10', creditorMinPercent: null, maxDays: 30, publicRevenues: false };

const percent = z.string().regex(/^(100|\d{1,2})(\.\d{1,2})?$/);
export const settlementRulesSchema = z.strictObject({
  operatorMaxDiscountPercent: percent,
  creditorMinPercent: percent.nullable(),
  maxDays: z.number().int().min(1).max(366),
  publicRevenues: z.boolean(),
});

/** A creditor's stored rules over the defaults; stored rules that no longer pass give the defaults. */
export function settlementRulesOf(stored: unknown): SettlementRules {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_SETTLEMENT_RULES;
  const r = settlementRulesSchema.safeParse({ ...DEFAULT_SETTLEMENT_RULES, ...stored });
  return r.success ? r.data : DEFAULT_SETTLEMENT_RULES;
}

export interface OwedNow {
  principalDue: string;
  interestDue: string;
  costsDue: string;
  totalDue: string;
}

export interface SettlementOffer {
  /** What the debtor would pay. */
  amount: string;
  /** The day the offer is made and its deadline. */
  today: string;
  deadline: string;
  /** What each position owes today, by the engine. */
  owed: readonly OwedNow[];
  creditorKind: CreditorKind;
  claimKinds: readonly ClaimKind[];
}

export type SettlementAssessment =
  | { ok: false; problem: { field: 'amount' | 'deadline' | 'claimIds'; code: MessageCode; params?: Record<string, string> } }
  | {
      ok: true;
      owed: string;
      discount: string;
      /** Why a supervisor must approve it (empty: within the operator's authority). */
      approvals: MessageCode[];
    };

/** Whether an offer may be made, and whether it is within an operator's authority (pure). */
export function assessSettlement(o: SettlementOffer, rules: SettlementRules): SettlementAssessment {
  const isPublic = o.creditorKind === 'public_entity' || o.claimKinds.some((k) => (MUNICIPAL_TAX_KINDS as readonly string[]).includes(k));
  if (isPublic && !rules.publicRevenues) return { ok: false, problem: { field: 'claimIds', code: 'settlement.public_revenue' } };
  const owed = sumMoney(o.owed.map((x) => x.totalDue));
  const amount = money(o.amount);
  if (amount.lte(0) || amount.gte(owed)) return { ok: false, problem: { field: 'amount', code: 'settlement.amount_range', params: { owed: amountParam(toMoneyString(owed)) } } };
  if (o.deadline < o.today) return { ok: false, problem: { field: 'deadline', code: 'settlement.deadline_past' } };
  const latest = parseDate(o.today).add({ days: rules.maxDays }).toString();
  if (o.deadline > latest) return { ok: false, problem: { field: 'deadline', code: 'settlement.deadline_too_far', params: { date: dateParam(latest) } } };
  const discount = owed.minus(amount);
  const accessory = sumMoney(o.owed.flatMap((x) => [x.interestDue, x.costsDue]));
  const approvals: MessageCode[] = [];
  if (discount.gt(accessory.times(rules.operatorMaxDiscountPercent).div(100).toDecimalPlaces(2))) approvals.push('settlement.beyond_operator');
  if (rules.creditorMinPercent !== null && amount.lt(owed.times(rules.creditorMinPercent).div(100).toDecimalPlaces(2))) approvals.push('settlement.below_creditor_minimum');
  return { ok: true, owed: toMoneyString(owed), discount: toMoneyString(discount), approvals };
}
