import { Temporal } from 'temporal-polyfill';
import { computeStatement, type StatementPeriod } from '../interest/compute.ts';
import type { DayCount } from '../interest/day-count.ts';
import type { RateBook } from '../interest/regimes.ts';
import { dateParam, encodeMessage, type Message, type MessageCode, msg } from '../messages/index.ts';
import { money, moneyIssue, sumMoney, toMoneyString, type Money } from '../money.ts';
import { collectionCharges, type Charges, type CollectionChargeRules } from './charges.ts';
import { localTaxInterest } from './local-interest.ts';
import { MunicipalInputError } from './result.ts';

/*
 * Sanctions for omitted or late payment of a local tax and their reduction by ravvedimento operoso.
 * - Art. 13 c. 1 D.Lgs. 18/12/1997 n. 471: a sanction of a share of "ogni importo non versato"; halved
 *   for payments made within 90 days of the deadline; within 15 (here: up to 14) days, 1/15 of the
 *   halved sanction for each day of delay. The share is 30 % for violations committed up to 31/08/2024
 *   and 25 % from 01/09/2024 (D.Lgs. 14/06/2024 n. 87, which applies by the date the violation is
 *   committed). Sources: gazzettaufficiale.it (original text); studiofrisacco.it, mysolution.it,
 *   comune.cremona.it, studioassociatodamico.it, geps.it (new rates) — municipal-notes.md §6.1.
 * - Art. 13 c. 1 D.Lgs. 472/1997 (ravvedimento): the minimum sanction above is further reduced to a
 *   fraction by how late the taxpayer regularises; interest at the legal rate day by day is paid with
 *   it (c. 2). Fractions: municipal-notes.md §6.2 (ilsole24ore 2019; studioassociatodamico.it for the
 *   post-2024 rows). The "within the declaration deadline / within one year" and "within two years"
 *   rows are taken as one and two calendar years after the due date, as the notes' tables do (for an
 *   omitted payment there is no periodic declaration); the rows after a PVC or a "schema di atto" are
 *   not modelled (PARTIAL in the notes).
 * The violation is taken as committed on the due date (the last day to pay; the caller passes the due
 * date already moved to the next working day where the deadline fell on a holiday).
 */

export interface RavvedimentoStep {
  /** How late, at most: days after the due date, or calendar years after it; null = any later day. */
  upTo: { days: number } | { years: number } | null;
  /** The sanction is reduced to 1/denominator. */
  denominator: number;
  /** The letter of art. 13 c. 1 D.Lgs. 472/1997. */
  letter: string;
}

export interface SanctionRegime {
  /** Violations committed from this day… */
  from: string;
  /** …to this day, included (null: until changed). */
  to: string | null;
  /** The full sanction, percent of the unpaid tax. */
  rate: string;
  /** Payments within this many days of the deadline: the sanction is halved. */
  halfWithinDays: number;
  /** Payments within this many days: 1/15 of the halved sanction per day of delay. */
  dailyWithinDays: number;
  ravvedimento: readonly RavvedimentoStep[];
  /** The law, as a message code. */
  basis: MessageCode;
  source: string;
}

export interface SanctionRules {
  regimes: readonly SanctionRegime[];
}

/** Shipped defaults: the two regimes around D.Lgs. 87/2024 (VERIFIED in the notes, except as said above). */
export const OMITTED_PAYMENT_SANCTIONS: SanctionRules = {
  regimes: [
    {
      from: '1998-04-01',
      to: '2024-08-31',
      rate: '30',
      halfWithinDays: 90,
      dailyWithinDays: 14,
      ravvedimento: [
        { upTo: { days: 30 }, denominator: 10, letter: 'a' },
        { upTo: { days: 90 }, denominator: 9, letter: 'a-bis' },
        { upTo: { years: 1 }, denominator: 8, letter: 'b' },
        { upTo: { years: 2 }, denominator: 7, letter: 'b-bis' },
        { upTo: null, denominator: 6, letter: 'b-ter' },
      ],
      basis: 'municipal.basis_471_original',
      source: 'art. 13 D.Lgs. 471/1997 (gazzettaufficiale.it); art. 13 D.Lgs. 472/1997 (ilsole24ore.com 2019)',
    },
    {
      from: '2024-09-01',
      to: null,
      rate: '25',
      halfWithinDays: 90,
      dailyWithinDays: 14,
      ravvedimento: [
        { upTo: { days: 30 }, denominator: 10, letter: 'a' },
        { upTo: { days: 90 }, denominator: 9, letter: 'a-bis' },
        { upTo: { years: 1 }, denominator: 8, letter: 'b' },
        { upTo: null, denominator: 7, letter: 'b-bis' },
      ],
      basis: 'municipal.basis_471_87_2024',
      source: 'D.Lgs. 87/2024 (studiofrisacco.it, mysolution.it, comune.cremona.it, studioassociatodamico.it, comune.longare.vi.it 2025)',
    },
  ],
};

/** The regime for a violation committed on `violationDate`. */
export function sanctionRegime(rules: SanctionRules, violationDate: string): SanctionRegime {
  const r = rules.regimes.find((g) => g.from <= violationDate && (g.to === null || violationDate <= g.to));
  if (!r) throw new MunicipalInputError(msg('municipal.sanction_no_regime', { date: dateParam(violationDate) }), 'dueDate');
  return r;
}

/** The full sanction rate (percent) for a violation committed on `violationDate`: "30" or "25". */
export const sanctionRate = (rules: SanctionRules, violationDate: string): string => sanctionRegime(rules, violationDate).rate;

const showRate = (d: Money) => d.toDecimalPlaces(4).toString();
const daysLate = (due: string, paid: string) => Temporal.PlainDate.from(due).until(Temporal.PlainDate.from(paid), { largestUnit: 'days' }).days;

function checkTax(tax: string): void {
  const p = moneyIssue(tax);
  if (p) throw new MunicipalInputError(p, 'tax');
  if (money(tax).lte(0)) throw new MunicipalInputError(msg('municipal.tax_not_positive'), 'tax');
}

export interface RavvedimentoInput {
  tax: string;
  /** The last day to pay (the violation's date). */
  dueDate: string;
  /** The day the taxpayer pays tax, reduced sanction and interest. */
  payOn: string;
}

export interface Ravvedimento {
  daysLate: number;
  /** The sanction before ravvedimento, percent (after the halving / daily reduction for short delays). */
  sanctionRate: string;
  /** The fraction applied ("1/10"), null when paid in time. */
  fraction: string | null;
  /** The reduced sanction, percent of the tax. */
  reducedRate: string;
  sanction: string;
  interest: string;
  interestPeriods: StatementPeriod[];
  tax: string;
  total: string;
  reasons: Message[];
}

/** What paying today costs with ravvedimento operoso: tax + reduced sanction + legal interest day by day. */
export function ravvedimento(rules: SanctionRules, book: RateBook, input: RavvedimentoInput, dayCount: DayCount = 'act365'): Ravvedimento {
  checkTax(input.tax);
  const tax = money(input.tax);
  const late = daysLate(input.dueDate, input.payOn);
  if (late <= 0) {
    return {
      daysLate: 0,
      sanctionRate: '0',
      fraction: null,
      reducedRate: '0',
      sanction: '0.00',
      interest: '0.00',
      interestPeriods: [],
      tax: toMoneyString(tax),
      total: toMoneyString(tax),
      reasons: [msg('municipal.paid_in_time', { due: dateParam(input.dueDate) })],
    };
  }
  const regime = sanctionRegime(rules, input.dueDate);
  const basis = encodeMessage(msg(regime.basis));
  const full = money(regime.rate);
  let minimum: Money;
  let first: Message;
  if (late <= regime.dailyWithinDays) {
    minimum = full.dividedBy(2).times(late).dividedBy(15);
    first = msg('municipal.sanction_within_15', { days: late, limit: regime.dailyWithinDays, rate: showRate(minimum), basis });
  } else if (late <= regime.halfWithinDays) {
    minimum = full.dividedBy(2);
    first = msg('municipal.sanction_within_90', { days: late, limit: regime.halfWithinDays, rate: showRate(minimum), basis });
  } else {
    minimum = full;
    first = msg('municipal.sanction_full', { rate: showRate(full), basis });
  }
  const step = regime.ravvedimento.find((s) =>
    s.upTo === null
      ? true
      : 'days' in s.upTo
        ? late <= s.upTo.days
        : input.payOn <= Temporal.PlainDate.from(input.dueDate).add({ years: s.upTo.years }).toString(),
  )!;
  const reduced = minimum.dividedBy(step.denominator);
  const sanction = money(toMoneyString(tax.times(reduced).dividedBy(100)));
  const s = computeStatement(book, { principal: toMoneyString(tax), due: input.dueDate, paid: input.payOn, regime: 'it-legal', dayCount });
  const fraction = `1/${step.denominator}`;
  return {
    daysLate: late,
    sanctionRate: showRate(minimum),
    fraction,
    reducedRate: showRate(reduced),
    sanction: toMoneyString(sanction),
    interest: s.interest,
    interestPeriods: s.periods,
    tax: toMoneyString(tax),
    total: toMoneyString(sumMoney([tax, sanction, s.interest])),
    reasons: [
      first,
      msg('municipal.ravvedimento_fraction', { fraction, letter: step.letter, rate: showRate(reduced) }),
      msg('municipal.ravvedimento_interest', { from: dateParam(input.dueDate), to: dateParam(input.payOn) }),
    ],
  };
}

/** The parts of a comune's regulation an assessment estimate needs (revenue-rules.ts holds the whole). */
export interface AssessmentRules {
  sanctions: SanctionRules;
  /** The comune's points over the legal rate, "0" to "3". */
  interestPoints: string;
  collectionCharges: CollectionChargeRules;
  dayCount: DayCount;
}

export interface AssessmentInput {
  tax: string;
  dueDate: string;
  /** The day the assessment's sums would be paid. */
  asOf: string;
  /** When the assessment would be (or is) enforceable; null or absent: no c.803 charges. */
  enforceableOn?: string | null;
  notificationCosts?: string;
}

export interface AssessmentEstimate {
  tax: string;
  sanctionRate: string;
  sanction: string;
  interest: string;
  interestPeriods: StatementPeriod[];
  notificationCosts: string;
  charges: Charges;
  total: string;
  reasons: Message[];
}

/**
 * What the avviso di accertamento that would follow costs on `asOf`: tax + the full sanction (no
 * reduction for an omitted payment found by the comune) + interest at the legal rate plus the comune's
 * points (c. 165) + notification costs + c.803 charges once the act is enforceable.
 */
export function assessmentEstimate(rules: AssessmentRules, book: RateBook, input: AssessmentInput): AssessmentEstimate {
  checkTax(input.tax);
  const tax = money(input.tax);
  const regime = sanctionRegime(rules.sanctions, input.dueDate);
  const sanction = money(toMoneyString(tax.times(regime.rate).dividedBy(100)));
  const interest = localTaxInterest(book, {
    amount: toMoneyString(tax),
    due: input.dueDate,
    until: input.asOf,
    points: rules.interestPoints,
    dayCount: rules.dayCount,
  });
  const notificationCosts = toMoneyString(input.notificationCosts ?? '0');
  const charges = collectionCharges(rules.collectionCharges, {
    enforceableOn: input.enforceableOn ?? null,
    paidOn: input.asOf,
    base: toMoneyString(sumMoney([tax, sanction, interest.interest])),
  });
  return {
    tax: toMoneyString(tax),
    sanctionRate: regime.rate,
    sanction: toMoneyString(sanction),
    interest: interest.interest,
    interestPeriods: interest.periods,
    notificationCosts,
    charges,
    total: toMoneyString(sumMoney([tax, sanction, interest.interest, notificationCosts, charges.amount])),
    reasons: [msg('municipal.sanction_full', { rate: regime.rate, basis: encodeMessage(msg(regime.basis)) }), interest.reason, charges.reason],
  };
}

/** "Pay today with ravvedimento X, or later the assessment Y": both, and what paying now saves. */
export function ravvedimentoVersusAssessment(
  rules: AssessmentRules,
  book: RateBook,
  input: { tax: string; dueDate: string; payOn: string; assessment: Omit<AssessmentInput, 'tax' | 'dueDate'> },
): { ravvedimento: Ravvedimento; assessment: AssessmentEstimate; saving: string } {
  const r = ravvedimento(rules.sanctions, book, { tax: input.tax, dueDate: input.dueDate, payOn: input.payOn }, rules.dayCount);
  const a = assessmentEstimate(rules, book, { tax: input.tax, dueDate: input.dueDate, ...input.assessment });
  return { ravvedimento: r, assessment: a, saving: toMoneyString(money(a.total).minus(r.total)) };
}
