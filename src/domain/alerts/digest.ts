import { plainDateOf } from '../dates.ts';

/**
 * A creditor user's daily alerts (issue 17 item 6; seed 003: "BePaid" watches who pays late and warns):
 * what happened to its customers since the last digest — invoices newly overdue, promises to pay
 * broken, instalment plans lapsed, disputes opened, guarantees about to expire (told once, when the
 * expiry enters the alert window: domain/guarantees EXPIRY_ALERT_DAYS). Each user chooses the kinds it wants.
 */
export const ALERT_KINDS = ['overdue', 'promise_broken', 'plan_lapsed', 'dispute_opened', 'guarantee_expiring'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertItem {
  kind: AlertKind;
  /** The day it happened: due date passed, promise judged broken, plan lapsed, dispute recorded; a guarantee's last day of validity. */
  on: string;
  debtorId: string;
  debtorName: string;
  claimId: string | null;
  claimRef: string | null;
  amount: string;
  currency: string;
}

/** Items listed per kind in a digest (the count is always whole). */
export const ALERT_ITEMS_PER_KIND = 20;
/** A digest looks back at most this many days (a user away for a month gets the last week, not a flood). */
export const ALERT_LOOKBACK_DAYS = 7;

/**
 * The days a digest made on `today` covers: from the day after the last digest (at most a week back)
 * to yesterday — only whole days, so an event is reported once. Null: yesterday is already covered.
 */
export function digestPeriod(lastDigestOn: string | null, today: string): { from: string; to: string } | null {
  const to = plainDateOf(today).subtract({ days: 1 });
  const earliest = to.subtract({ days: ALERT_LOOKBACK_DAYS - 1 }).toString();
  const next = lastDigestOn === null ? to.toString() : plainDateOf(lastDigestOn).add({ days: 1 }).toString();
  if (next > to.toString()) return null;
  return { from: next < earliest ? earliest : next, to: to.toString() };
}

/** The digest's items per kind in the kinds' order, newest first, at most `ALERT_ITEMS_PER_KIND` each, with full counts. */
export function groupAlerts(items: readonly AlertItem[], kinds: readonly AlertKind[]): { kind: AlertKind; count: number; items: AlertItem[] }[] {
  return ALERT_KINDS.filter((k) => kinds.includes(k)).map((kind) => {
    const all = items.filter((i) => i.kind === kind).sort((a, b) => b.on.localeCompare(a.on) || (a.claimRef ?? a.debtorName).localeCompare(b.claimRef ?? b.debtorName));
    return { kind, count: all.length, items: all.slice(0, ALERT_ITEMS_PER_KIND) };
  });
}
