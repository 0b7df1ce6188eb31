import { computeStatement, type StatementPeriod } from '../interest/compute.ts';
import type { DayCount } from '../interest/day-count.ts';
import { C4_FROM, type RateBook, type Regime } from '../interest/regimes.ts';
import { dateParam, encodeMessage, type Message, type MessageCode, msg } from '../messages/index.ts';
import { money } from '../money.ts';
import { MUNICIPAL_TAX_KINDS, type MunicipalRevenueKind } from '../model.ts';
import { MunicipalInputError } from './result.ts';

/*
 * Interest on a comune's revenues. Art. 1 c. 165 L. 27/12/2006 n. 296: each ente fixes the annual rate
 * "nei limiti di tre punti percentuali di differenza rispetto al tasso di interesse legale", accruing
 * "giorno per giorno" from the day the sum became due (legal-notes.md §6.4, municipal-notes.md §6.4).
 * The legal rate changes every 1 January, so the rate is the legal rate of each calendar year plus the
 * comune's points: the interest engine's `spread` regime over `it-legal` does exactly that (the legal
 * table split at every change, the points added to each row). Points from 0 to 3, as the notes and the
 * issue state them; the law's "differenza" could also be read as allowing a rate below the legal one,
 * which incasso does not offer.
 */

/** The most points a comune may add to the legal rate (art. 1 c. 165 L. 296/2006). */
export const LOCAL_POINTS_MAX = '3';

/** Why a comune's points are not acceptable, or null: a number 0–3 with at most two decimals. */
export function pointsIssue(points: string): Message | null {
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(points)) return msg('municipal.points_invalid', { points });
  if (money(points).gt(LOCAL_POINTS_MAX)) return msg('municipal.points_range', { points });
  return null;
}

/** The interest engine's terms for legal rate + points: plain `it-legal` for 0 points. */
export function localInterestTerms(points: string): { regime: Regime; base: Regime | null; spread: string | null } {
  const p = pointsIssue(points);
  if (p) throw new MunicipalInputError(p, 'points');
  return money(points).isZero() ? { regime: 'it-legal', base: null, spread: null } : { regime: 'spread', base: 'it-legal', spread: points };
}

export interface LocalInterestInput {
  amount: string;
  /** The day the sum fell due: interest runs from the next day. */
  due: string;
  /** The last day of interest (payment or statement date), included. */
  until: string;
  /** The comune's points over the legal rate, "0" to "3". */
  points: string;
  /** Default act365, the 365-day divisor of the Italian reference calculators (I = C·S·N/36500). */
  dayCount?: DayCount;
}

export interface LocalInterest {
  interest: string;
  periods: StatementPeriod[];
  reason: Message;
}

/** Interest on a local tax: the legal rate of each calendar year plus the comune's points, day by day. */
export function localTaxInterest(book: RateBook, input: LocalInterestInput): LocalInterest {
  const terms = localInterestTerms(input.points);
  const reason = msg('municipal.assessment_interest', { points: input.points, from: dateParam(input.due), to: dateParam(input.until) });
  if (input.until <= input.due) return { interest: '0.00', periods: [], reason };
  const s = computeStatement(book, { principal: input.amount, due: input.due, paid: input.until, dayCount: input.dayCount ?? 'act365', ...terms });
  return { interest: s.interest, periods: s.periods, reason };
}

/** The revenue named in a message ("IMU (imposta municipale propria)"), as a coded param. */
export const revenueParam = (revenue: MunicipalRevenueKind) => encodeMessage(msg(`municipal.revenue_${revenue}` as MessageCode));

export interface RegimeChoice {
  regime: Regime;
  base?: Regime | null;
  spread?: string | null;
  judicialClaimDate?: string | null;
}

const COMMERCIAL: readonly Regime[] = ['it-commercial', 'de-business', 'fr-commercial'];

/**
 * Why an interest regime does not fit a comune's revenue, or null when it does.
 * - Taxes (IMU, TARI): interest is the legal rate plus the comune's 0–3 points (c. 165), so the
 *   commercial rate of D.Lgs. 231/2002 is refused (a tax is not a "transazione commerciale", art. 2),
 *   and so is the art. 1284 c. 4 c.c. switch from the judicial claim (c. 165 is the special rule), as
 *   is any regime other than legal, legal + points, or none.
 * - CUP and CdS fines: not commercial transactions either (a concession fee and an administrative
 *   sanction): the commercial rates are refused; other choices stay the regulation's (DERIVED).
 * - Other revenues: the comune's regulation decides.
 */
export function regimeProblemForRevenue(revenue: MunicipalRevenueKind, choice: Regime | RegimeChoice): Message | null {
  const c: RegimeChoice = typeof choice === 'string' ? { regime: choice } : choice;
  const revenueName = revenueParam(revenue);
  if ((MUNICIPAL_TAX_KINDS as readonly string[]).includes(revenue)) {
    if (COMMERCIAL.includes(c.regime) || (c.regime === 'spread' && c.base && COMMERCIAL.includes(c.base))) {
      return msg('municipal.regime_commercial_for_tax', { revenue: revenueName });
    }
    const legalBase = c.regime === 'it-legal' || (c.regime === 'spread' && c.base === 'it-legal');
    if (legalBase && c.judicialClaimDate && c.judicialClaimDate >= C4_FROM) return msg('municipal.regime_1284_c4_for_tax', { revenue: revenueName });
    if (c.regime === 'it-legal' || c.regime === 'none') return null;
    if (c.regime === 'spread' && c.base === 'it-legal') return pointsIssue(c.spread ?? '');
    return msg('municipal.regime_not_local_tax', { revenue: revenueName, regime: c.regime });
  }
  if (revenue === 'cup' || revenue === 'cds_fine') {
    if (COMMERCIAL.includes(c.regime) || (c.regime === 'spread' && c.base && COMMERCIAL.includes(c.base))) {
      return msg('municipal.regime_commercial_not_transaction', { revenue: revenueName });
    }
  }
  return null;
}
