import { parseDate } from '../dates.ts';
import type { InterestPause } from '../interest/compute.ts';
import { money } from '../money.ts';

/** What of a plan decides whether, and when, it suspends the ordinary interest of its positions. */
export interface PlanPauseFacts {
  state: 'proposed' | 'active' | 'lapsed' | 'paid' | 'cancelled' | 'rejected';
  /** The plan's start: the day the amount planned was computed and its interest on the deferral runs from. */
  startedOn: string;
  lapsedOn: string | null;
  closedOn: string | null;
  /** Its interest on the deferral (0: none). */
  interest: string;
  /** Whether it ever ran: created active, or approved (a cancelled proposal never did). */
  ran: boolean;
}

/**
 * The ordinary interest of a position is suspended while a plan that charges interest on the deferral
 * runs on it (issue 15): the plan's interest replaces it on the amount planned, which already holds
 * the interest up to the plan's start — a comune's regulation on rateizzazione (art. 1 c.796–802 L.
 * 160/2019, art. 52 D.Lgs. 446/1997) charges the interest on the deferral instead of the late-payment
 * interest while the instalments are kept; a company's negotiated plan likewise (art. 1194 c.c. on the
 * sums agreed). Without the pause a debtor paying every instalment on time would pay twice for the same
 * days and still owe after the last one. The window:
 * - from the day after the start (`withDeferralInterest` accrues from the day after `started_on`), even
 *   when the plan is approved later: once accepted, its interest covers the days since its start;
 * - running: open-ended;
 * - paid: to the day it was closed (nothing is owed after);
 * - lapsed (decadenza, c.800): to the day before the lapse — the whole residual is due at once and
 *   the ordinary interest runs again from the lapse day on it;
 * - cancelled: to the day before the cancellation; ordinary interest runs from that day.
 * A plan without interest on the deferral suspends nothing: the positions keep accruing their ordinary
 * interest, which the debtor still owes after the instalments (plans/rules.ts `interestPoints`: null).
 * A proposal never accepted, and a rejected plan, suspend nothing.
 */
export function interestPauseOf(p: PlanPauseFacts): InterestPause | null {
  if (!money(p.interest).gt(0) || !p.ran) return null;
  const from = parseDate(p.startedOn).add({ days: 1 }).toString();
  const dayBefore = (d: string | null) => (d === null ? null : parseDate(d).subtract({ days: 1 }).toString());
  let to: string | null;
  switch (p.state) {
    case 'active':
      to = null;
      break;
    case 'paid':
      to = p.closedOn;
      break;
    case 'lapsed':
      to = dayBefore(p.lapsedOn ?? p.closedOn);
      break;
    case 'cancelled':
      to = dayBefore(p.closedOn);
      break;
    default:
      return null;
  }
  // Ended before a day passed: nothing paused.
  return to !== null && to < from ? null : { from, to, reason: 'plan' };
}

/** The pauses of a position from all the plans it was in (the engine merges overlapping ones). */
export const interestPausesOf = (plans: readonly PlanPauseFacts[]): InterestPause[] => plans.map(interestPauseOf).filter((z): z is InterestPause => z !== null);
