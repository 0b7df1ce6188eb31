import { Decimal } from 'decimal.js';
import { Temporal } from 'temporal-polyfill';
import { dateIssue, plainDateOf } from '../dates.ts';
import { dateParam, type Message, msg, rawText, translate } from '../messages/index.ts';
import { basisTextItEn, FLAT_COMPENSATION_LABEL, type BasisLine } from './basis.ts';
import { Money, money, moneyIssue, toMoneyString, type Money as MoneyT } from '../money.ts';
import { chargesOn, type ChargeBandName, type CollectionChargeRules } from '../municipal/charges.ts';
import type { DebtorKind } from '../model.ts';
import { accrualParts, DAY_COUNTS, isLeap, type DayCount } from './day-count.ts';
import { RateTableError, segmentsOf, type RateSegment } from './rate-table.ts';
import { FLAT_COMPENSATION_EUR, REGIMES, RegimeError, resolveRegime, type RateBook, type Regime } from './regimes.ts';

export type Component = 'costs' | 'interest' | 'principal';
export const DEFAULT_ALLOCATION: readonly Component[] = ['costs', 'interest', 'principal'];

/**
 * A part of the claim that bears no interest (a comune's act: sanctions, the interest the act
 * liquidated, notification costs, collection charges …), owed from the due date. `kind` names it in
 * `allocationOrder` and in the payment rows; it must not be one of the engine's own slots.
 */
export interface InterestPart {
  kind: string;
  amount: string;
}

/** The engine's slot of the c.803 collection charges it derives (`InterestCase.charges`). */
export const CHARGES_KEY = 'collection_charges';

/**
 * A comune's enforceable act: the engine derives its c.803 collection charges from the dates, as it
 * derives interest (municipal/charges.ts `chargesOn`): every sum of the base a payment settles bears
 * the band of the payment's day, what is still owed bears the band of the statement's day. The charges
 * are the slot `CHARGES_KEY` of the allocation order and bear no interest.
 */
export interface ChargesCase {
  rules: CollectionChargeRules;
  /** The day the act became enforceable. */
  enforceableOn: string;
  /** The slots that make up the base: 'principal' (the capital) and part kinds (the act's amounts). */
  base: readonly string[];
}

export interface InterestCase {
  principal: string;
  /** Due date: interest runs from the next day. */
  due: string;
  /** End of the computation (payment date or statement date), included. */
  paid: string;
  regime: Regime;
  currency?: 'EUR' | 'CHF';
  contractDate?: string | null;
  judicialClaimDate?: string | null;
  dayCount?: DayCount;
  rate?: string | null;
  base?: Regime | null;
  spread?: string | null;
  debtorKind?: DebtorKind | null;
  /** Part payments (value date = day credited to the creditor), allocated by `allocationOrder`. */
  payments?: { date: string; amount: string }[];
  /** Reminder fees and collection costs owed from a date (no interest runs on them). */
  costs?: { date: string; amount: string; label: string }[];
  /** Add the €40 flat compensation where the regime provides it (default: yes, for EUR claims). */
  flatCompensation?: boolean;
  /**
   * The order a payment settles the claim: 'costs', 'interest' and 'principal' once each and, when
   * `parts` are given, every part's kind once (nothing else).
   */
  allocationOrder?: readonly string[];
  /**
   * Parts of the claim that bear no interest, one entry per kind, owed from the due date; `principal`
   * stays the capital interest runs on (it may then be 0). Absent or empty: the claim is its principal.
   */
  parts?: readonly InterestPart[];
  /**
   * Interest up to and including this day is already settled elsewhere (a claim's stored balance
   * carries it, rounded at its last payment): accrual starts the day after the later of `due` and this
   * day. Payments up to it reduce the debt before any interest runs. Absent: accrual starts after `due`.
   */
  accrueFrom?: string | null;
  /** The c.803 charges of an enforceable act, derived from the dates (a slot `CHARGES_KEY` in `allocationOrder`). */
  charges?: ChargesCase | null;
  /**
   * Windows of days on which no interest accrues (an instalment plan whose own interest on the deferral
   * replaces it while the plan runs: domain/plans/pauses.ts). A day in any window accrues nothing;
   * payments, costs and rounding are as without. Absent or empty: interest runs every day.
   */
  pauses?: readonly InterestPause[] | null;
}

/** Days on which no interest accrues, both ends included; `to` null: open-ended. A window ending before it starts pauses nothing. */
export interface InterestPause {
  from: string;
  to: string | null;
  /**
   * Why (for the statement's wording): a plan charging interest on the deferral runs, the claim has no
   * agreed due date and the formal notice has not reached the debtor yet, or the creditor waived it.
   * Absent: a plan.
   */
  reason?: PauseReason;
}
export const PAUSE_REASONS = ['plan', 'formal_notice', 'waiver'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** The windows sorted, overlapping or adjacent ones merged, empty ones dropped (dates already checked). */
export function mergePauses(pauses: readonly InterestPause[]): InterestPause[] {
  const sorted = pauses.filter((p) => p.to === null || p.to >= p.from).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: InterestPause[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || Temporal.PlainDate.from(last.to).add({ days: 1 }).toString() >= p.from)) {
      if (last.to !== null && (p.to === null || p.to > last.to)) last.to = p.to;
    } else out.push({ from: p.from, to: p.to, ...(p.reason ? { reason: p.reason } : {}) });
  }
  return out;
}

/** Splits rate segments at the pauses' edges, marking the pieces inside a pause. */
function splitAtPauses(segments: RateSegment[], pauses: readonly InterestPause[]): (RateSegment & { paused?: true })[] {
  if (pauses.length === 0) return segments;
  const out: (RateSegment & { paused?: true })[] = [];
  for (const s of segments) {
    let first = s.first;
    while (Temporal.PlainDate.compare(first, s.last) <= 0) {
      const day = first.toString();
      const inside = pauses.find((p) => p.from <= day && (p.to === null || day <= p.to));
      let last: Temporal.PlainDate;
      if (inside) {
        last = inside.to === null || inside.to >= s.last.toString() ? s.last : Temporal.PlainDate.from(inside.to);
      } else {
        const next = pauses.find((p) => p.from > day);
        last = !next || next.from > s.last.toString() ? s.last : Temporal.PlainDate.from(next.from).subtract({ days: 1 });
      }
      out.push(inside ? { first, last, rate: s.rate, paused: true } : { first, last, rate: s.rate });
      first = last.add({ days: 1 });
    }
  }
  return out;
}

/** The c.803 charges of a statement (with `charges` only), at its end date. */
export interface StatementCharges {
  enforceableOn: string;
  /** The last day of the early band. */
  earlyUntil: string;
  /** The band of the end date ('none' before enforceability). */
  band: ChargeBandName;
  /** The base: the act's amounts the charges are a percentage of. */
  base: string;
  /** What the payments settled of the base up to and including the 60th day, after it, and what is owed of it. */
  baseEarlyPaid: string;
  baseLatePaid: string;
  baseDue: string;
  /** The charges in total at the end date, what the payments settled of them and what is due. */
  amount: string;
  paid: string;
  due: string;
  capped: boolean;
  /** Why (municipal.charges_early / _late / _before_enforceable), with the band's rate, cap and last early day. */
  reason: Message;
}

export interface StatementPeriod {
  from: string;
  to: string;
  days: number;
  /** Annual rate, percent, at least two decimals ("10.50"). */
  rate: string;
  /** The principal interest ran on. */
  principal: string;
  /** The period's interest, unrounded, shown to the cent. */
  amount: string;
}

export interface StatementPayment {
  date: string;
  amount: string;
  costs: string;
  interest: string;
  principal: string;
  /** More than was owed: stays to the debtor's credit. */
  unallocated: string;
  /** With parts only: what the payment settled of each part, by kind (the c.803 charges under `CHARGES_KEY`). */
  parts?: Record<string, string>;
  /** With charges only: the c.803 band of the payment's day, which the base it settled bears. */
  chargesBand?: ChargeBandName;
}

/** A part's figures at the end date (with parts only). */
export interface StatementPart {
  kind: string;
  amount: string;
  paid: string;
  due: string;
}

export interface Statement {
  /**
   * All interest accrued over the whole span: without payments the exact total rounded half-up once;
   * with payments, the interest they settled (rounded at each payment) plus the interest still due.
   */
  interest: string;
  currency: 'EUR' | 'CHF';
  regime: Regime;
  dayCount: DayCount;
  due: string;
  paid: string;
  principal: string;
  interestPaid: string;
  interestDue: string;
  costs: string;
  costsPaid: string;
  costsDue: string;
  principalPaid: string;
  principalDue: string;
  /** What is owed at the end date: principal + interest + costs (+ parts) still due. */
  totalDue: string;
  periods: StatementPeriod[];
  payments: StatementPayment[];
  /** With parts only, in the order given: each part's amount, what payments settled and what is due (the c.803 charges last). */
  parts?: StatementPart[];
  /** With charges only: the c.803 charges at the end date and why. */
  charges?: StatementCharges;
  /** With pauses only: the windows in which no interest accrued (merged), as given. */
  pauses?: InterestPause[];
  /** `code` names the items the engine adds itself (the flat compensation), so they print in any language. */
  costItems: { date: string; label: string; amount: string; code?: 'flat_compensation' }[];
  /** The legal basis, Italian first with the English in brackets. */
  basis: string[];
  /** The same as codes, for printing in the reader's language (basis.ts). */
  basisCodes: BasisLine[];
}

/** Input the engine refuses: the coded reason (`message` is its Italian text) and the field. */
export class InterestInputError extends Error {
  readonly msg: Message;
  constructor(
    message: Message,
    readonly field: string,
  ) {
    super(translate(message, 'it'));
    this.name = 'InterestInputError';
    this.msg = message;
  }
}

/**
 * Interest is accumulated exactly as a numerator over L, the least common multiple of the day-count
 * denominators (36500, 36600, 36000): principal × rate × days × (L / (divisor × 100)) has finitely many
 * decimals, so sums never lose a digit and a total of exactly x.xx5 rounds up, as it must.
 */
const L = 160_308_000;
const PER_DIVISOR: Record<number, number> = { 365: L / 36_500, 366: L / 36_600, 360: L / 36_000 };

/** numerator / L rounded half-up (away from zero) to the cent, computed in integers. */
function roundNumerator(num: MoneyT): MoneyT {
  const dp = num.decimalPlaces();
  const n = BigInt(num.times(new Money(10).pow(dp)).toFixed(0));
  const d = BigInt(L) * 10n ** BigInt(dp);
  const abs = n < 0n ? -n : n;
  const cents = (2n * abs * 100n + d) / (2n * d);
  return new Money((n < 0n ? -cents : cents).toString()).dividedBy(100);
}
const toNumerator = (amount: MoneyT) => amount.times(L);
const showRate = (rate: string) => {
  const d = new Money(rate);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
};

function checkDate(value: string, field: string): void {
  const p = dateIssue(value);
  if (p) throw new InterestInputError(p, field);
}
function checkAmount(value: string, field: string, positive = true): void {
  if (value !== value.trim()) throw new InterestInputError(msg('interest.amount_spaces'), field);
  const p = moneyIssue(value);
  if (p) throw new InterestInputError(p, field);
  if (positive && money(value).lte(0)) throw new InterestInputError(msg('money.not_positive'), field);
}

/** Splits segments at year ends where the day count divides leap years differently. */
function splitForDayCount(segments: RateSegment[], dayCount: DayCount): RateSegment[] {
  if (dayCount !== 'act366') return segments;
  const out: RateSegment[] = [];
  for (const s of segments) {
    let first = s.first;
    while (Temporal.PlainDate.compare(first, s.last) <= 0) {
      const yearEnd = Temporal.PlainDate.from({ year: first.year, month: 12, day: 31 });
      const last = Temporal.PlainDate.compare(yearEnd, s.last) < 0 ? yearEnd : s.last;
      out.push({ first, last, rate: s.rate });
      first = last.add({ days: 1 });
    }
  }
  return out;
}

/**
 * The interest statement of one claim (prospetto di calcolo): simple interest, the span split at every
 * rate change and every part payment, no interest on interest or costs (art. 1283 c.c., art. 105 CO,
 * § 289 BGB). Payments go to costs, then interest, then principal (art. 1194 c.c., art. 85 CO) unless
 * another order is given; interest then keeps running on the principal left.
 * Rounding: the interest settled by a payment is rounded to the cent at that payment; the total is
 * rounded once, half-up; period amounts are shown unrounded to the cent.
 */
export function computeStatement(book: RateBook, c: InterestCase): Statement {
  const partList = (c.parts ?? []).map((p, i) => {
    if (typeof p.kind !== 'string' || p.kind === '' || (DEFAULT_ALLOCATION as readonly string[]).includes(p.kind)) {
      throw new InterestInputError(msg('interest.part_kind', { kind: String(p.kind) }), `parts.${i}.kind`);
    }
    if ((c.parts ?? []).findIndex((q) => q.kind === p.kind) !== i) {
      throw new InterestInputError(msg('interest.part_twice', { kind: p.kind }), `parts.${i}.kind`);
    }
    checkAmount(p.amount, `parts.${i}.amount`);
    return p;
  });
  const ch = c.charges ?? null;
  if (ch) {
    checkDate(ch.enforceableOn, 'charges.enforceableOn');
    // The act states its charges as a part: the engine does not derive them too.
    if (partList.some((p) => p.kind === CHARGES_KEY)) throw new InterestInputError(msg('interest.part_twice', { kind: CHARGES_KEY }), 'charges');
  }
  const chargeSlots = ch ? [CHARGES_KEY] : [];
  const withParts = partList.length > 0 || ch !== null;
  // With parts the interest-bearing capital may be nothing (an act of sanctions only).
  checkAmount(c.principal, 'principal', !withParts);
  checkDate(c.due, 'due');
  checkDate(c.paid, 'paid');
  if (c.contractDate) checkDate(c.contractDate, 'contractDate');
  if (c.judicialClaimDate) checkDate(c.judicialClaimDate, 'judicialClaimDate');
  if (!(REGIMES as readonly string[]).includes(c.regime)) {
    throw new InterestInputError(msg('interest.unknown_regime', { regime: c.regime, allowed: REGIMES.join(', ') }), 'regime');
  }
  const dayCount = c.dayCount ?? 'act365';
  if (!DAY_COUNTS.includes(dayCount)) {
    throw new InterestInputError(msg('interest.unknown_day_count', { dayCount, allowed: DAY_COUNTS.join(', ') }), 'dayCount');
  }
  if (c.paid < c.due) {
    throw new InterestInputError(msg('interest.end_before_due', { paid: dateParam(c.paid), due: dateParam(c.due) }), 'paid');
  }
  if (c.accrueFrom) {
    checkDate(c.accrueFrom, 'accrueFrom');
    if (c.accrueFrom > c.paid) {
      throw new InterestInputError(msg('interest.accrue_from_after_end', { accrueFrom: dateParam(c.accrueFrom), paid: dateParam(c.paid) }), 'accrueFrom');
    }
  }
  const pauses = mergePauses(
    (c.pauses ?? []).map((p, i) => {
      checkDate(p.from, `pauses.${i}.from`);
      if (p.to !== null) checkDate(p.to, `pauses.${i}.to`);
      return p;
    }),
  );
  /** The last day whose interest is not accrued here: the due date, or a later `accrueFrom`. */
  const start = c.accrueFrom && c.accrueFrom > c.due ? c.accrueFrom : c.due;
  const currency = c.currency ?? 'EUR';
  const payments = [...(c.payments ?? [])].map((p, i) => {
    checkDate(p.date, `payments.${i}.date`);
    checkAmount(p.amount, `payments.${i}.amount`);
    if (p.date > c.paid) {
      throw new InterestInputError(msg('interest.payment_after_end', { date: dateParam(p.date), paid: dateParam(c.paid) }), `payments.${i}.date`);
    }
    return p;
  });
  payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const order =
    c.allocationOrder ??
    (withParts ? ['costs', ...chargeSlots, 'interest', ...partList.map((p) => p.kind), 'principal'] : DEFAULT_ALLOCATION);
  const slots = [...DEFAULT_ALLOCATION, ...partList.map((p) => p.kind), ...chargeSlots];
  if (order.length !== slots.length || !slots.every((k) => order.includes(k))) {
    throw new InterestInputError(
      withParts ? msg('interest.allocation_order_parts', { parts: [...partList.map((p) => p.kind), ...chargeSlots].join(', ') }) : msg('interest.allocation_order'),
      'allocationOrder',
    );
  }

  let resolved;
  try {
    resolved = resolveRegime(book, {
      regime: c.regime,
      due: c.due,
      contractDate: c.contractDate,
      judicialClaimDate: c.judicialClaimDate,
      rate: c.rate,
      base: c.base,
      spread: c.spread,
      debtorKind: c.debtorKind,
    });
  } catch (err) {
    if (err instanceof RegimeError) throw new InterestInputError(err.msg, err.field);
    throw err;
  }

  const costItems = (c.costs ?? []).map((k, i) => {
    checkDate(k.date, `costs.${i}.date`);
    checkAmount(k.amount, `costs.${i}.amount`);
    if (k.date > c.paid) {
      throw new InterestInputError(msg('interest.cost_after_end', { date: dateParam(k.date), paid: dateParam(c.paid) }), `costs.${i}.date`);
    }
    return { date: k.date, label: k.label, amount: toMoneyString(k.amount) } as Statement['costItems'][number];
  });
  const flat = resolved.flatCompensation && currency === 'EUR' && (c.flatCompensation ?? true) && c.paid > c.due;
  if (flat) {
    costItems.push({
      date: Temporal.PlainDate.from(c.due).add({ days: 1 }).toString(),
      label: `${FLAT_COMPENSATION_LABEL.it} (${FLAT_COMPENSATION_LABEL.en})`,
      amount: FLAT_COMPENSATION_EUR,
      code: 'flat_compensation',
    });
  }
  costItems.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  let principal: MoneyT = money(c.principal);
  let openNum: MoneyT = new Money(0); // interest accrued and not yet paid, × L (exact)
  let totalNum: MoneyT = new Money(0); // interest accrued over the whole span, × L (exact)
  let interestPaid: MoneyT = new Money(0);
  let costsOpen: MoneyT = new Money(0);
  let costsPaid: MoneyT = new Money(0);
  let principalPaid: MoneyT = new Money(0);
  let costIdx = 0;
  const partOpen = new Map<string, MoneyT>(partList.map((p) => [p.kind, money(p.amount)]));
  const partPaid = new Map<string, MoneyT>(partList.map((p) => [p.kind, new Money(0)]));
  const periods: StatementPeriod[] = [];
  const paymentRows: StatementPayment[] = [];
  // c.803 charges: the base settled per band (a sum settled before enforceability bears none) and the charges paid.
  const baseSlots = new Set(ch?.base ?? []);
  let baseEarlyPaid: MoneyT = new Money(0);
  let baseLatePaid: MoneyT = new Money(0);
  let chargesPaid: MoneyT = new Money(0);
  const baseOwed = (): MoneyT => {
    let owed: MoneyT = baseSlots.has('principal') ? principal : new Money(0);
    for (const [kind, open] of partOpen) if (baseSlots.has(kind)) owed = owed.plus(open);
    return owed;
  };
  const chargesAt = (date: string) => chargesOn(ch!.rules, ch!.enforceableOn, date, { earlyPaid: baseEarlyPaid, latePaid: baseLatePaid, owed: baseOwed() });

  const addCostsUpTo = (date: string) => {
    while (costIdx < costItems.length && costItems[costIdx]!.date <= date) costsOpen = costsOpen.plus(costItems[costIdx++]!.amount);
  };

  const applyPayment = (p: { date: string; amount: string }) => {
    addCostsUpTo(p.date);
    // A payment settles a stated amount: the interest it meets is rounded to the cent here.
    let interestOpen = roundNumerator(openNum);
    let left: MoneyT = money(p.amount);
    const row: Record<string, MoneyT> = { costs: new Money(0), interest: new Money(0), principal: new Money(0) };
    for (const p of partList) row[p.kind] = new Money(0);
    // The charges due on the payment's day: the whole base still owed bears that day's band.
    const charges = ch ? chargesAt(p.date) : null;
    let chargesOpen: MoneyT = charges ? (Decimal.max(money(charges.amount).minus(chargesPaid), 0) as MoneyT) : new Money(0);
    if (ch) row[CHARGES_KEY] = new Money(0);
    for (const component of order) {
      const owed =
        component === 'costs'
          ? costsOpen
          : component === 'interest'
            ? interestOpen
            : component === 'principal'
              ? principal
              : component === CHARGES_KEY
                ? chargesOpen
                : partOpen.get(component)!;
      const share = Decimal.min(owed, left) as MoneyT;
      if (share.lte(0)) continue;
      row[component] = share;
      left = left.minus(share);
      if (baseSlots.has(component) && charges && charges.band !== 'none') {
        if (charges.band === 'early') baseEarlyPaid = baseEarlyPaid.plus(share);
        else baseLatePaid = baseLatePaid.plus(share);
      }
      if (component === CHARGES_KEY) {
        chargesOpen = chargesOpen.minus(share);
        chargesPaid = chargesPaid.plus(share);
      } else if (component !== 'costs' && component !== 'interest' && component !== 'principal') {
        partOpen.set(component, owed.minus(share));
        partPaid.set(component, partPaid.get(component)!.plus(share));
      } else if (component === 'costs') {
        costsOpen = costsOpen.minus(share);
        costsPaid = costsPaid.plus(share);
      } else if (component === 'interest') {
        interestOpen = interestOpen.minus(share);
        interestPaid = interestPaid.plus(share);
      } else {
        principal = principal.minus(share);
        principalPaid = principalPaid.plus(share);
      }
    }
    openNum = toNumerator(interestOpen);
    const paymentRow: StatementPayment = {
      date: p.date,
      amount: toMoneyString(p.amount),
      costs: toMoneyString(row.costs!),
      interest: toMoneyString(row.interest!),
      principal: toMoneyString(row.principal!),
      unallocated: toMoneyString(left),
    };
    if (withParts) paymentRow.parts = Object.fromEntries([...partList.map((k) => k.kind), ...chargeSlots].map((k) => [k, toMoneyString(row[k]!)]));
    if (charges) paymentRow.chargesBand = charges.band;
    paymentRows.push(paymentRow);
  };

  // Payments made on or before the due date (or `accrueFrom`) reduce the debt before any interest runs.
  let pi = 0;
  while (pi < payments.length && payments[pi]!.date <= start) applyPayment(payments[pi++]!);

  if (c.paid > start) {
    const first = plainDateOf(start).add({ days: 1 });
    const last = plainDateOf(c.paid);
    let segments: (RateSegment & { paused?: true })[];
    try {
      segments = splitAtPauses(splitForDayCount(segmentsOf(resolved.table, first, last), dayCount), pauses);
    } catch (err) {
      throw new InterestInputError(err instanceof RateTableError ? err.msg : rawText((err as Error).message), 'paid');
    }
    for (const seg of segments) {
      let from = seg.first;
      while (Temporal.PlainDate.compare(from, seg.last) <= 0) {
        // Cut the segment at the next payment inside it: interest up to and including the payment day
        // runs on the old principal.
        const nextPayment = payments[pi];
        const cut =
          nextPayment && nextPayment.date >= from.toString() && nextPayment.date < seg.last.toString()
            ? plainDateOf(nextPayment.date)
            : seg.last;
        // A paused day accrues nothing (the plan's interest on the deferral replaces it).
        if (principal.gt(0) && !seg.paused) {
          // A rate below zero (a negative spread on a low base) accrues nothing.
          const rate = Decimal.max(seg.rate, 0) as MoneyT;
          let num: MoneyT = new Money(0);
          let days = 0;
          for (const part of accrualParts(from, cut, dayCount)) {
            num = num.plus(principal.times(rate).times(part.days).times(PER_DIVISOR[part.divisor]!));
            days += part.days;
          }
          periods.push({
            from: from.toString(),
            to: cut.toString(),
            days,
            rate: showRate(rate.toString()),
            principal: toMoneyString(principal),
            amount: roundNumerator(num).toFixed(2),
          });
          openNum = openNum.plus(num);
          totalNum = totalNum.plus(num);
        }
        while (pi < payments.length && payments[pi]!.date === cut.toString()) applyPayment(payments[pi++]!);
        from = cut.add({ days: 1 });
      }
    }
  }
  while (pi < payments.length) applyPayment(payments[pi++]!);
  addCostsUpTo(c.paid);

  const interestDue = roundNumerator(openNum);
  const costsTotal = costItems.reduce((s, k) => s.plus(k.amount), new Money(0) as MoneyT);
  const interest = payments.length ? interestPaid.plus(interestDue) : roundNumerator(totalNum);
  const chargesEnd = ch ? chargesAt(c.paid) : null;
  const chargesDue: MoneyT = chargesEnd ? (Decimal.max(money(chargesEnd.amount).minus(chargesPaid), 0) as MoneyT) : new Money(0);
  const partsDue = partList.reduce((s, p) => s.plus(partOpen.get(p.kind)!), chargesDue);
  const statement: Statement = {
    interest: toMoneyString(interest),
    currency,
    regime: c.regime,
    dayCount,
    due: c.due,
    paid: c.paid,
    principal: toMoneyString(c.principal),
    interestPaid: toMoneyString(interestPaid),
    interestDue: toMoneyString(interestDue),
    costs: toMoneyString(costsTotal),
    costsPaid: toMoneyString(costsPaid),
    costsDue: toMoneyString(costsOpen),
    principalPaid: toMoneyString(principalPaid),
    principalDue: toMoneyString(principal),
    totalDue: toMoneyString(principal.plus(interestDue).plus(costsOpen).plus(partsDue)),
    periods,
    payments: paymentRows,
    costItems,
    basis: resolved.basis.map(basisTextItEn),
    basisCodes: resolved.basis,
  };
  if (pauses.length) statement.pauses = pauses;
  if (withParts) {
    statement.parts = partList.map((p) => ({
      kind: p.kind,
      amount: toMoneyString(p.amount),
      paid: toMoneyString(partPaid.get(p.kind)!),
      due: toMoneyString(partOpen.get(p.kind)!),
    }));
  }
  if (ch && chargesEnd) {
    statement.parts!.push({ kind: CHARGES_KEY, amount: chargesEnd.amount, paid: toMoneyString(chargesPaid), due: toMoneyString(chargesDue) });
    const base = [...(baseSlots.has('principal') ? [c.principal] : []), ...partList.filter((p) => baseSlots.has(p.kind)).map((p) => p.amount)];
    statement.charges = {
      enforceableOn: ch.enforceableOn,
      earlyUntil: chargesEnd.earlyUntil,
      band: chargesEnd.band,
      base: toMoneyString(base.reduce((s, a) => s.plus(a), new Money(0) as MoneyT)),
      baseEarlyPaid: toMoneyString(baseEarlyPaid),
      baseLatePaid: toMoneyString(baseLatePaid),
      baseDue: toMoneyString(baseOwed()),
      amount: chargesEnd.amount,
      paid: toMoneyString(chargesPaid),
      due: toMoneyString(chargesDue),
      capped: chargesEnd.capped,
      reason: chargesEnd.reason,
    };
  }
  return statement;
}

export { isLeap };
