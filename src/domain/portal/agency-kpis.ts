import { z } from 'zod';
import { SHIPPED_OUTCOMES } from '../desk/outcomes.ts';
import { addInCurrency, type CurrencyAmount } from '../money.ts';
import { countPercent } from './kpis.ts';

/**
 * The agency's KPIs per operator and per queue (issue 16 item 7), exact, over a period of local days
 * (docs/decisions/0005-portal-figures.md, "Per operator and per queue"):
 *
 * - calls attempted, right-party contacts: the desk's calls of the period by the flags of their outcome
 *   as it counts (a supervisor's correction instead of the operator's original; outcomes.ts), refused
 *   calls not counted; RPC rate = right-party contacts ÷ calls attempted;
 * - promises made in the period (count, amount); promises judged in the period: kept, broken (short or
 *   broken); kept rate = kept ÷ (kept + broken) — a promise belongs to the operator who took it and to
 *   the queue of the desk call that made it (same debtor, operator and day);
 * - plans opened in the period (proposed or activated, not rejected) by the operator who proposed them,
 *   in the queue of that operator's latest desk call to the debtor within the attribution window;
 * - collected: money allocated to the debtor's positions by a payment of the period (not reversed),
 *   credited to the operator and queue of the **last right-party contact** with the debtor within the
 *   attribution window before the payment (`attributionDays`, the same day included: a call's date has
 *   no time against a payment's value date) — so a payment counts once, for one operator; money with no
 *   such contact is "not attributed". The window is the tenant's setting `kpiAttributionDays` (data),
 *   DEFAULT_ATTRIBUTION_DAYS when not set;
 * - average handling: the desk calls started in the period with an end recorded, Σ (end − start) ÷ calls,
 *   in whole seconds.
 */

/** The usual attribution window of agency incentive schemes (a promise may be up to 30 days ahead). */
export const DEFAULT_ATTRIBUTION_DAYS = 30;
export const attributionDaysSchema = z.number().int().min(1).max(365);

/** The attribution window in force: the tenant's setting, or the default. */
export function attributionDaysOf(settings: Record<string, unknown>): number {
  const r = attributionDaysSchema.safeParse(settings.kpiAttributionDays);
  return r.success ? r.data : DEFAULT_ATTRIBUTION_DAYS;
}

export interface AgencyFigures {
  attempts: number;
  rightParty: number;
  rpcRate: string | null;
  promises: number;
  /** Amounts promised, per currency. */
  promised: CurrencyAmount[];
  promisesKept: number;
  promisesBroken: number;
  keptRate: string | null;
  plans: number;
  collected: CurrencyAmount[];
  handledCalls: number;
  averageHandlingSeconds: number | null;
}

/** The running sums behind one row (seconds of handling kept whole until the average). */
export interface AgencyTally extends Omit<AgencyFigures, 'rpcRate' | 'keptRate' | 'averageHandlingSeconds'> {
  handlingSeconds: bigint;
}

export const emptyTally = (): AgencyTally => ({
  attempts: 0,
  rightParty: 0,
  promises: 0,
  promised: [],
  promisesKept: 0,
  promisesBroken: 0,
  plans: 0,
  collected: [],
  handledCalls: 0,
  handlingSeconds: 0n,
});

const FLAGS = new Map(SHIPPED_OUTCOMES.map((o) => [o.code, o]));

/** The codes that count as a right-party contact (for the SQL that credits a payment to a contact). */
export const RIGHT_PARTY_OUTCOMES: readonly string[] = SHIPPED_OUTCOMES.filter((o) => o.rightParty).map((o) => o.code);

export function tallyCalls(f: AgencyTally, outcome: string | null, allowed: boolean, n: number): void {
  if (!allowed) return;
  const o = outcome ? FLAGS.get(outcome) : undefined;
  if (o?.attempt) f.attempts += n;
  if (o?.rightParty) f.rightParty += n;
}

export function tallyPromises(f: AgencyTally, n: number, currency: string, amount: string): void {
  f.promises += n;
  addInCurrency(f.promised, currency, amount);
}

export function tallyJudged(f: AgencyTally, kept: number, broken: number): void {
  f.promisesKept += kept;
  f.promisesBroken += broken;
}

export function tallyCollected(f: AgencyTally, currency: string, amount: string): void {
  addInCurrency(f.collected, currency, amount);
}

export function tallyHandling(f: AgencyTally, calls: number, seconds: string): void {
  f.handledCalls += calls;
  f.handlingSeconds += BigInt(seconds);
}

/** The row's figures: rates with two decimals rounded half up, the average handling in whole seconds (half up). */
export function agencyFigures(f: AgencyTally): AgencyFigures {
  const { handlingSeconds, ...rest } = f;
  const n = BigInt(f.handledCalls);
  return {
    ...rest,
    rpcRate: countPercent(f.rightParty, f.attempts),
    keptRate: countPercent(f.promisesKept, f.promisesKept + f.promisesBroken),
    averageHandlingSeconds: n === 0n ? null : Number((2n * handlingSeconds + n) / (2n * n)),
  };
}
