import { Temporal } from 'temporal-polyfill';
import { msg, type Message } from '../messages/index.ts';
import { money, sumMoney, toMoneyString } from '../money.ts';
import type { ComponentKind } from '../model.ts';

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
      reason: msg('municipal.charges_before_enforceable', { paidOn: input.paidOn, enforceableOn: input.enforceableOn }),
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
      cap: toMoneyString(cap),
      withinDays: rules.withinDays,
      until: earlyUntil,
    }),
  };
}
