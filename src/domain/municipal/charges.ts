import { Temporal } from 'temporal-polyfill';
import { amountParam, dateParam, type Message, msg } from '../messages/index.ts';
import { Money, money, sumMoney, toMoneyString } from '../money.ts';
import type { ActKind, ComponentKind } from '../model.ts';

/**
 * Collection charges borne by the debtor of a comune's enforceable act ("oneri di riscossione a carico
 * del debitore"), art. 1 c. 803 lett. a L. 27/12/2019 n. 160: "pari al 3 per cento delle somme dovute
 * in caso di pagamento entro il sessantesimo giorno dalla data di esecutività dell'atto, fino a un
 * massimo di 300 euro, ovvero pari al 6 per cento delle somme dovute in caso di pagamento oltre detto
 * termine, fino a un massimo di 600 euro" (text via tuttotributi.it; legal-notes.md §6.5, TV-IT-18).
 * Notification costs and the costs of enforcement and precautionary procedures are owed on top
 * (c. 803 lett. b), so they are not part of the base; nor are the charges themselves.
 * Dates: the 60th day is counted from the day after the act became enforceable (dies a quo non
 * computatur, art. 2963 c.c.) and is included. A payment before the act is enforceable (within the
 * act's own term, or at the bonario stage) bears no charges: the charges are for enforced collection.
 */
export interface ChargeBand {
  /** Percent of the base, exact decimal string ("3"). */
  rate: string;
  /** Upper limit in euro ("300.00"). */
  cap: string;
}

export interface CollectionChargeRules {
  /** Payments up to and including this many days after enforceability fall in the early band. */
  withinDays: number;
  early: ChargeBand;
  late: ChargeBand;
  /** Component kinds outside the base: notification costs, the charges themselves, procedure costs. */
  excludedKinds: readonly ComponentKind[];
}

/** The law's figures (c. 803 lett. a L. 160/2019): a comune's regulation cannot change them, but they are data with their source. */
export const C803_CHARGES: CollectionChargeRules = {
  withinDays: 60,
  early: { rate: '3', cap: '300.00' },
  late: { rate: '6', cap: '600.00' },
  excludedKinds: ['notification_costs', 'collection_charges', 'costs', 'fees'],
};

export interface ChargeComponent {
  kind: ComponentKind;
  amount: string;
}

/** The base of the charges: the act's amounts (tax, sanctions, interest…) without the excluded kinds. */
export function chargeBase(rules: CollectionChargeRules, components: readonly ChargeComponent[]): string {
  return toMoneyString(sumMoney(components.filter((c) => !rules.excludedKinds.includes(c.kind)).map((c) => c.amount)));
}

export interface ChargesInput {
  /** The day the act became enforceable (for an avviso di accertamento esecutivo: when its 60-day term ran out); null at the bonario stage. */
  enforceableOn: string | null;
  paidOn: string;
  /** The base as an amount, or the act's components (the excluded kinds are left out). */
  base: string | readonly ChargeComponent[];
}

export interface Charges {
  amount: string;
  band: 'none' | 'early' | 'late';
  /** The band's limit applied. */
  capped: boolean;
  base: string;
  /** The last day of the early band (null when the act is not enforceable). */
  earlyUntil: string | null;
  reason: Message;
}

export function collectionCharges(rules: CollectionChargeRules, input: ChargesInput): Charges {
  const base = typeof input.base === 'string' ? toMoneyString(input.base) : chargeBase(rules, input.base);
  if (input.enforceableOn === null) {
    return { amount: '0.00', band: 'none', capped: false, base, earlyUntil: null, reason: msg('municipal.charges_not_enforceable') };
  }
  const earlyUntil = Temporal.PlainDate.from(input.enforceableOn).add({ days: rules.withinDays }).toString();
  if (input.paidOn < input.enforceableOn) {
    return {
      amount: '0.00',
      band: 'none',
      capped: false,
      base,
      earlyUntil,
      reason: msg('municipal.charges_before_enforceable', { paidOn: dateParam(input.paidOn), enforceableOn: dateParam(input.enforceableOn) }),
    };
  }
  const band = input.paidOn <= earlyUntil ? 'early' : 'late';
  const { rate, cap } = rules[band];
  const full = money(base).times(rate).dividedBy(100);
  const capped = full.gt(cap);
  return {
    amount: toMoneyString(capped ? cap : full),
    band,
    capped,
    base,
    earlyUntil,
    reason: msg(band === 'early' ? 'municipal.charges_early' : 'municipal.charges_late', {
      rate,
      cap: amountParam(toMoneyString(cap)),
      withinDays: rules.withinDays,
      until: dateParam(earlyUntil),
    }),
  };
}

/**
 * The acts whose enforced collection bears the c.803 charges: the avviso di accertamento esecutivo
 * (art. 1 c. 792 L. 160/2019, the "atti" c. 803 refers to) and the ingiunzione fiscale the comune
 * issues for its revenues. A CdS verbale becomes a title by art. 203 CdS, outside c. 792 (whether
 * c. 792 covers CdS fines is not settled, legal-notes.md §10.6): no charges are derived for it.
 */
export const CHARGEABLE_ACT_KINDS: readonly ActKind[] = ['accertamento_esecutivo', 'ingiunzione_fiscale'];

/**
 * The charges terms of a position for the engine (`InterestCase.charges`): an enforceable accertamento
 * esecutivo or ingiunzione bears them from the day it became enforceable; anything else none.
 */
export function chargesTermsOf(
  act: { kind: string | null; enforceableOn: string | null },
  rules: CollectionChargeRules = C803_CHARGES,
): { enforceableOn: string; rules: CollectionChargeRules } | null {
  return act.enforceableOn !== null && (CHARGEABLE_ACT_KINDS as readonly string[]).includes(act.kind ?? '') ? { enforceableOn: act.enforceableOn, rules } : null;
}

export type ChargeBandName = Charges['band'];

/** The band of c. 803 a day falls in, and the last day of the early band. */
export function chargeBandOn(rules: CollectionChargeRules, enforceableOn: string, day: string): { band: ChargeBandName; earlyUntil: string } {
  const earlyUntil = Temporal.PlainDate.from(enforceableOn).add({ days: rules.withinDays }).toString();
  return { band: day < enforceableOn ? 'none' : day <= earlyUntil ? 'early' : 'late', earlyUntil };
}

/** The base of an act split by the day each sum was paid, and what is still owed of it. */
export interface ChargeBaseState {
  /** Base paid on or before the 60th day after enforceability (and on or after it). */
  earlyPaid: Money | string;
  /** Base paid after the 60th day. */
  latePaid: Money | string;
  /** Base still owed. (Base paid before enforceability bears nothing and is in neither sum.) */
  owed: Money | string;
}

export interface ChargesOwed {
  /** The act's charges in total on the day, rounded half-up to the cent (what is paid of them included). */
  amount: string;
  band: ChargeBandName;
  /** A cap of c. 803 limited the amount. */
  capped: boolean;
  earlyUntil: string;
  reason: Message;
}

/**
 * The charges an enforceable act bears in total on `day`, for partial payments. C. 803 charges 3 % "delle
 * somme dovute in caso di pagamento entro il sessantesimo giorno" and 6 % "in caso di pagamento oltre
 * detto termine": so each sum of the base bears the band of the day it is paid — 3 % when paid up to
 * and including the 60th day, 6 % after — and what is still owed bears the band of `day`. The limits:
 * the sums paid early bear at most the early cap (€300: what the whole act would have cost paid early,
 * which paying the rest later cannot raise), and the act's charges never exceed the cap of the band
 * `day` is in (€300 up to the 60th day, €600 after). Before enforceability: nothing. Pure.
 */
export function chargesOn(rules: CollectionChargeRules, enforceableOn: string, day: string, base: ChargeBaseState): ChargesOwed {
  const { band, earlyUntil } = chargeBandOn(rules, enforceableOn, day);
  if (band === 'none') {
    return { amount: '0.00', band, capped: false, earlyUntil, reason: msg('municipal.charges_before_enforceable', { paidOn: dateParam(day), enforceableOn: dateParam(enforceableOn) }) };
  }
  const pct = (b: ChargeBand, amount: Money | string) => money(amount).times(b.rate).dividedBy(100);
  const owed = money(base.owed);
  const earlyFull = pct(rules.early, money(base.earlyPaid).plus(band === 'early' ? owed : 0));
  const early = Money.min(earlyFull, rules.early.cap);
  let full = early;
  let capped = earlyFull.gt(rules.early.cap);
  if (band === 'late') {
    const late = early.plus(pct(rules.late, money(base.latePaid).plus(owed)));
    capped = late.gt(rules.late.cap);
    full = Money.min(late, rules.late.cap);
  }
  const { rate, cap } = rules[band];
  return {
    amount: toMoneyString(full),
    band,
    capped,
    earlyUntil,
    reason: msg(band === 'early' ? 'municipal.charges_early' : 'municipal.charges_late', { rate, cap: amountParam(toMoneyString(cap)), withinDays: rules.withinDays, until: dateParam(earlyUntil) }),
  };
}
