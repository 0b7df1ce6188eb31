import type { AllocationOrder, ClaimKind, ComponentKind, Currency, DebtorKind, Jurisdiction } from '../model.ts';
import type { MoneyPart } from '../municipal/parts.ts';
import { money, sumMoney, toMoneyString } from '../money.ts';
import type { CollectionChargeRules } from '../municipal/charges.ts';
import {
  CHARGES_KEY,
  computeStatement,
  DEFAULT_ALLOCATION,
  InterestInputError,
  type ChargesCase,
  type Component,
  type InterestCase,
  type InterestPart,
  type InterestPause,
  type Statement,
} from './compute.ts';
import type { DayCount } from './day-count.ts';
import { fastLastRateDay, fastSplit, fastTotals, totalsOf, type InterestTotals } from './fast.ts';
import { RegimeError, resolveRegime, type RateBook, type Regime } from './regimes.ts';
import type { Message } from '../messages/index.ts';

/**
 * A claim as the interest engine sees it: its terms, the money paid to it and the costs charged on
 * it. Everything a claim owes — interest, costs, principal — is derived from these facts by the one
 * engine, so the claim page, lists, statements, letters and payment allocation cannot disagree.
 */
export interface ClaimTerms {
  principal: string;
  currency: Currency;
  dueDate: string;
  jurisdiction: Jurisdiction;
  kind: ClaimKind;
  debtorKind: DebtorKind;
  /** null: the default regime for the jurisdiction, kind and debtor (see `defaultRegime`). */
  interestRegime: Regime | null;
  contractDate: string | null;
  judicialClaimDate: string | null;
  interestRate: string | null;
  interestBase: Regime | null;
  interestSpread: string | null;
  dayCount: DayCount;
  /** The creditor's terms: whether it claims the €40 where the law grants it, and its allocation order. */
  flatCompensation: boolean;
  allocationOrder: AllocationOrder;
  /**
   * What the claim's money is made of (claim_components, by position). Absent, or nothing but
   * components accruing interest: the claim is its `principal`, as a company's claim always is.
   * Otherwise `principal` is the sum of all components (the act's amount) and the engine's
   * interest-bearing capital is the sum of the accruing ones.
   */
  components?: readonly ClaimComponentTerms[];
  /**
   * The full order a payment settles the claim's parts (a comune's regulation, revenue-rules.ts);
   * absent or null: the creditor's `allocationOrder`.
   */
  moneyOrder?: readonly MoneyPart[] | null;
  /**
   * A comune's act that bears the c.803 collection charges (an accertamento esecutivo or an ingiunzione,
   * municipal/charges.ts CHARGEABLE_ACT_KINDS) with the day it became enforceable and the regulation's
   * figures: the engine derives the charges from the dates. Absent or null: no charges (a company's
   * claim, a bonario, an act not yet enforceable on any day). An act that states its charges as a
   * component keeps them as stated.
   */
  charges?: { enforceableOn: string; rules: CollectionChargeRules } | null;
  /**
   * Windows in which no ordinary interest accrues: an instalment plan that charges interest on the
   * deferral runs on the claim (domain/plans/pauses.ts `interestPausesOf`). Absent or empty: none.
   */
  interestPauses?: readonly InterestPause[] | null;
}

export interface ClaimComponentTerms {
  id: string;
  kind: ComponentKind;
  position: number;
  amount: string;
  /** Waived on the component (no longer owed); default nothing. */
  waived?: string;
  accrues: boolean;
  tributeCode: string | null;
}

/**
 * The engine's name for the part of a kind (compute.ts `parts`): the kind itself, except the kinds
 * whose name is one of the engine's own slots — a `costs` component charged with the act is not the
 * claim's later costs (claim_costs), and a `principal` that bears no interest is not the capital.
 */
export const partKey = (kind: ComponentKind): string => (kind === 'costs' || kind === 'principal' ? `component_${kind}` : kind);
export const kindOfPartKey = (key: string): ComponentKind => (key.startsWith('component_') ? key.slice('component_'.length) : key) as ComponentKind;

const owedOn = (k: ClaimComponentTerms) => money(k.amount).minus(k.waived ?? '0');

/**
 * The engine's view of a claim's money: the interest-bearing capital (the accruing components), the
 * parts that bear none (the other components summed per kind) and the allocation order over them.
 *
 * The order: without a regulation's order, the creditor's, with the parts just before the capital
 * (art. 1194 c.c.: costs and interest first; the parts are capital that bears no interest). With a
 * regulation's order (MoneyPart[]): 'accrued_interest' is the engine's interest; the kinds of the
 * accruing components (tax, principal) are its capital, placed where the first of them is named;
 * 'costs' places the claim's costs (claim_costs, the €40) and, right after, a `costs` component;
 * whatever the order does not name follows, slots first.
 */
export function claimMoney(t: ClaimTerms): { principal: string; parts: InterestPart[]; order: string[]; chargeBase?: string[] } {
  const components = t.components ?? [];
  const charged = derivesCharges(t);
  const partsByKind = new Map<ComponentKind, ReturnType<typeof money>>();
  const accruingKinds = new Set<ComponentKind>();
  let waived = false;
  for (const k of components) {
    if (k.waived !== undefined && money(k.waived).gt(0)) waived = true;
    if (k.accrues) accruingKinds.add(k.kind);
    else if (owedOn(k).gt(0)) partsByKind.set(k.kind, (partsByKind.get(k.kind) ?? money('0')).plus(owedOn(k)));
  }
  const parts = [...partsByKind].map(([kind, amount]) => ({ kind: partKey(kind), amount: toMoneyString(amount) }));
  const principal =
    parts.length === 0 && !waived
      ? t.principal
      : toMoneyString(sumMoney(components.filter((k) => k.accrues).map((k) => toMoneyString(owedOn(k)))));
  const keys = parts.map((p) => p.kind);
  // The base of the c.803 charges: the capital (unless its kinds are excluded) and the parts of the act's amounts.
  const excluded = t.charges?.rules.excludedKinds ?? [];
  const capitalKinds = components.length ? [...accruingKinds] : (['principal'] as ComponentKind[]);
  const chargeBase: string[] | undefined = charged
    ? [...(capitalKinds.some((k) => !excluded.includes(k)) ? ['principal'] : []), ...[...partsByKind.keys()].filter((k) => !excluded.includes(k)).map(partKey)]
    : undefined;
  if (!t.moneyOrder) {
    const base: string[] = allocationComponents(t.allocationOrder);
    // The charges are costs of the collection: with the claim's costs (art. 1194 c.c.).
    const withCharges = charged ? [...base.slice(0, base.indexOf('costs') + 1), CHARGES_KEY, ...base.slice(base.indexOf('costs') + 1)] : base;
    const cut = withCharges.indexOf('principal');
    return { principal, parts, order: [...withCharges.slice(0, cut), ...keys, ...withCharges.slice(cut)], chargeBase };
  }
  const order: string[] = [];
  const push = (k: string) => {
    if (!order.includes(k)) order.push(k);
  };
  for (const p of t.moneyOrder) {
    if (p === 'accrued_interest') {
      push('interest');
      continue;
    }
    if (p === 'costs') push('costs');
    if (p === 'collection_charges' && charged) push(CHARGES_KEY);
    if (accruingKinds.has(p)) push('principal');
    if (partsByKind.has(p)) push(partKey(p));
  }
  for (const k of [...DEFAULT_ALLOCATION, ...keys, ...(charged ? [CHARGES_KEY] : [])]) push(k);
  return { principal, parts, order, chargeBase };
}

/** Whether the engine derives the claim's c.803 charges: an enforceable act that does not state them itself. */
export const derivesCharges = (t: ClaimTerms): boolean => !!t.charges && !(t.components ?? []).some((k) => k.kind === 'collection_charges');

/** Money the claim received: one entry per payment (what that payment gave this claim), in booking order. */
export interface ClaimPayment {
  paymentId: string;
  date: string;
  amount: string;
}

export interface ClaimCost {
  date: string;
  amount: string;
  label: string;
}

/**
 * The regime a claim follows when none was set on it: the statutory late-payment interest of its
 * jurisdiction for the kind of debtor. A business invoice under Italian law is a commercial
 * transaction (D.Lgs. 231/2002); a consumer's debt and local taxes run at the legal rate; traffic fines
 * carry their own surcharge (art. 27 L. 689/1981), not interest.
 */
export function defaultRegime(jurisdiction: Jurisdiction, kind: ClaimKind, debtorKind: DebtorKind): Regime {
  const consumer = debtorKind === 'consumer';
  switch (jurisdiction) {
    case 'CH':
      return 'ch';
    case 'DE':
      return consumer ? 'de-consumer' : 'de-business';
    case 'FR':
      return consumer || kind !== 'invoice' ? 'fr-legal-other' : 'fr-commercial';
    default:
      if (kind === 'cds_fine') return 'none';
      return kind === 'invoice' && !consumer ? 'it-commercial' : 'it-legal';
  }
}

export const effectiveRegime = (t: ClaimTerms): Regime => t.interestRegime ?? defaultRegime(t.jurisdiction, t.kind, t.debtorKind);

export const allocationComponents = (order: AllocationOrder): Component[] => order.split(',') as Component[];

/** The engine's case for a claim computed up to `end` (inclusive), payments and costs after it left out. */
export function claimCase(t: ClaimTerms, payments: readonly ClaimPayment[], costs: readonly ClaimCost[], end: string): InterestCase {
  const regime = effectiveRegime(t);
  // Before the act is enforceable it bears no charges: the case (and its statement) is as without them.
  const enforceable = t.charges && end >= t.charges.enforceableOn ? t : { ...t, charges: null };
  const m = claimMoney(enforceable);
  const charges: ChargesCase | null = m.chargeBase && enforceable.charges ? { ...enforceable.charges, base: m.chargeBase } : null;
  return {
    principal: m.principal,
    due: t.dueDate,
    paid: end < t.dueDate ? t.dueDate : end,
    regime,
    currency: t.currency,
    contractDate: t.contractDate,
    judicialClaimDate: t.judicialClaimDate,
    dayCount: t.dayCount,
    rate: t.interestRate,
    base: t.interestBase,
    spread: t.interestSpread,
    debtorKind: t.debtorKind,
    payments: payments.filter((p) => p.date <= end).map((p) => ({ date: p.date, amount: p.amount })),
    costs: costs.filter((c) => c.date <= end).map((c) => ({ date: c.date, amount: c.amount, label: c.label })),
    flatCompensation: t.flatCompensation,
    allocationOrder: m.order,
    ...(m.parts.length ? { parts: m.parts } : {}),
    ...(charges ? { charges } : {}),
    ...(t.interestPauses?.length ? { pauses: t.interestPauses } : {}),
  };
}

/**
 * A claim's totals from its statement: with parts, `principalPaid`/`principalDue` cover every
 * component (the claim's `principal` is the act's amount) and `partsDue` says how much of the due
 * bears no interest; the c.803 charges the engine derives are in the costs; without parts, the
 * statement's own figures.
 */
export function claimTotalsOf(s: StatementTotals): InterestTotals & { partsDue: string } {
  const totals = totalsOf(s);
  if (!s.parts) return { ...totals, partsDue: '0.00' };
  // The c.803 charges the engine derived are no part of the act's amount: they count with the costs
  // (oneri di riscossione, owed on top of the act like the costs of the collection).
  const act = s.parts.filter((p) => p.kind !== CHARGES_KEY);
  const charges = s.parts.find((p) => p.kind === CHARGES_KEY);
  const paid = sumMoney(act.map((p) => p.paid));
  const due = sumMoney(act.map((p) => p.due));
  return {
    ...totals,
    principalPaid: toMoneyString(money(totals.principalPaid).plus(paid)),
    principalDue: toMoneyString(money(totals.principalDue).plus(due)),
    ...(charges
      ? {
          costs: toMoneyString(money(totals.costs).plus(charges.amount)),
          costsPaid: toMoneyString(money(totals.costsPaid).plus(charges.paid)),
          costsDue: toMoneyString(money(totals.costsDue).plus(charges.due)),
        }
      : {}),
    partsDue: toMoneyString(due),
  };
}

/**
 * The last day the claim's rates are known (null: the rate never ends, e.g. Swiss 5 %, a contractual
 * rate). Throws the engine's InterestInputError when the terms themselves are wrong.
 */
export function ratesKnownUntil(book: RateBook, t: ClaimTerms): string | null {
  try {
    const { table } = resolveRegime(book, {
      regime: effectiveRegime(t),
      due: t.dueDate,
      contractDate: t.contractDate,
      judicialClaimDate: t.judicialClaimDate,
      rate: t.interestRate,
      base: t.interestBase,
      spread: t.interestSpread,
      debtorKind: t.debtorKind,
    });
    return table.rows[table.rows.length - 1]?.to ?? null;
  } catch (err) {
    if (err instanceof RegimeError) throw new InterestInputError(err.msg, err.field);
    throw err;
  }
}

export interface ClaimBalance extends InterestTotals {
  regime: Regime;
  /** The day the balance is computed to: the requested day, or the last day whose rate is known. */
  asOf: string;
  /** Set when the rates stop before the requested day: interest after it is not yet known. */
  ratesKnownUntil: string | null;
  /** Why no balance could be computed (inconsistent terms); the totals are then principal-only. */
  problem: Message | null;
  /** The part of `principalDue` that bears no interest (a comune's sanctions, costs …); 0 for a company's claim. */
  partsDue: string;
  /** The c.803 charges the engine derived (an enforceable act), within the costs; null without. */
  charges: { amount: string; paid: string; due: string } | null;
}

/**
 * What a claim owes on a day. When the rate tables end before that day the balance stops at their
 * last day and says so: interest is never extrapolated. `fast` uses the fast path (identical totals).
 */
export function claimBalance(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
  asOf: string,
  fast = false,
): ClaimBalance {
  const regime = effectiveRegime(t);
  let end = asOf;
  let known: string | null = null;
  try {
    const fastUntil = fast ? fastLastRateDay(book, claimCase(t, [], [], t.dueDate)) : undefined;
    const until = fastUntil !== undefined ? fastUntil : ratesKnownUntil(book, t);
    if (until !== null && until < asOf && until >= t.dueDate) {
      end = until;
      known = until;
    }
    const c = claimCase(t, payments, costs, end);
    // The fast path defers to the exact one for parts: take the statement directly then.
    if (fast && !c.parts && !c.charges) return { ...fastTotals(book, c), partsDue: '0.00', charges: null, regime, asOf: end, ratesKnownUntil: known, problem: null };
    const s = computeStatement(book, c);
    const charges = s.charges ? { amount: s.charges.amount, paid: s.charges.paid, due: s.charges.due } : null;
    return { ...claimTotalsOf(s), charges, regime, asOf: end, ratesKnownUntil: known, problem: null };
  } catch (err) {
    if (!(err instanceof InterestInputError)) throw err;
    return { ...principalOnly(t, payments, asOf), partsDue: '0.00', charges: null, regime, asOf, ratesKnownUntil: known, problem: err.msg };
  }
}

/** Totals without the engine (terms it refuses): principal less everything paid, nothing else. */
function principalOnly(t: ClaimTerms, payments: readonly ClaimPayment[], asOf: string): InterestTotals {
  const statement = computeStatement(emptyBook, {
    principal: t.principal,
    due: t.dueDate,
    paid: asOf < t.dueDate ? t.dueDate : asOf,
    regime: 'none',
    currency: t.currency,
    payments: payments.filter((p) => p.date <= asOf).map((p) => ({ date: p.date, amount: p.amount })),
    allocationOrder: allocationComponents(t.allocationOrder),
  });
  return totalsOf(statement);
}

const noTable = { name: 'none', rows: [] };
const emptyBook: RateBook = {
  itLegal: noTable,
  itCommercialPlus7: noTable,
  itCommercialPlus8: noTable,
  ecbMro: noTable,
  deBasiszins: noTable,
  frLegalPrivate: noTable,
  frLegalOther: noTable,
};

/**
 * The full statement (prospetto) of a claim to a day, stopped at the last known rate like
 * `claimBalance`. Errors in the terms are thrown as the engine's InterestInputError.
 */
export function claimStatement(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
  asOf: string,
): { statement: Statement; ratesKnownUntil: string | null } {
  const until = ratesKnownUntil(book, t);
  const known = until !== null && until < asOf && until >= t.dueDate ? until : null;
  return { statement: computeStatement(book, claimCase(t, payments, costs, known ?? asOf)), ratesKnownUntil: known };
}

/** A statement's totals, with its parts when it has any (what a split leaves owing). */
export type StatementTotals = InterestTotals & Pick<Statement, 'parts'>;

export interface PaymentSplit {
  paymentId: string;
  costs: string;
  interest: string;
  principal: string;
  /** With parts only: the engine's part key (`partKey`) → amount. */
  parts?: Record<string, string>;
  /** What this payment gave the claim beyond what the claim owed on its date. */
  excess: string;
}

/**
 * How each payment to a claim splits into costs, interest and principal, replaying the claim's whole
 * history (so a payment booked with an earlier value date than others re-splits the later ones, as the
 * law's order requires). Throws InterestInputError when a payment date lies past the known rates.
 */
export function splitPayments(
  book: RateBook,
  t: ClaimTerms,
  payments: readonly ClaimPayment[],
  costs: readonly ClaimCost[],
): { splits: PaymentSplit[]; statement: StatementTotals } {
  if (payments.length === 0) return { splits: [], statement: computeStatement(book, claimCase(t, [], costs, t.dueDate)) };
  // Stable order by date, then booking order: the engine allocates same-day payments in the order given.
  const ordered = payments.map((p, i) => ({ p, i })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i));
  const last = ordered[ordered.length - 1]!.p.date;
  const c = claimCase(t, ordered.map((o) => o.p), costs, last);
  // The fast path where it models the case (the same figures to the cent, fast.ts): a bank file splits 100,000 payments.
  const fast = fastSplit(book, c);
  if (fast) {
    const splits = fast.payments.map((row, k) => ({ paymentId: ordered[k]!.p.paymentId, costs: row.costs, interest: row.interest, principal: row.principal, excess: row.unallocated }));
    return { splits, statement: fast.totals };
  }
  const statement = computeStatement(book, c);
  const splits = statement.payments.map((row, k) => ({
    paymentId: ordered[k]!.p.paymentId,
    costs: row.costs,
    interest: row.interest,
    principal: row.principal,
    ...(row.parts ? { parts: row.parts } : {}),
    excess: row.unallocated,
  }));
  return { splits, statement };
}
