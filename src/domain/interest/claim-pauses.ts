import type { InterestPause } from './compute.ts';

/**
 * The claim's own windows without interest (issue 17 item 5; seed 003 case 2):
 * - no agreed due date: the debtor is in default only once the formal notice reached it (art. 102
 *   cpv. 1 CO: "durch Mahnung"; art. 1219 c.1 c.c.: "intimazione o richiesta fatta per iscritto"), so
 *   interest runs from the day after the notice was received — nothing before; until it is received,
 *   nothing at all. (For commercial transactions in Italy with no agreed term, D.Lgs. 231/2002 art. 4
 *   c.2 lets interest run 30 days after the invoice was received without notice: such a claim carries
 *   that day as its due date instead.)
 * - interest waived by the creditor (below CHF 500, a loyal customer, force majeure): none, ever.
 * The flat compensation of D.Lgs. 231/2002 art. 6 is a cost, not interest: a waiver of interest leaves it.
 */
export function claimInterestPauses(c: { dueDate: string; interestAfterNotice: boolean; noticeReceivedOn: string | null; interestWaived: boolean }): InterestPause[] {
  if (c.interestWaived) return [{ from: c.dueDate, to: null, reason: 'waiver' }];
  if (c.interestAfterNotice) {
    const received = c.noticeReceivedOn;
    return [{ from: c.dueDate, to: received === null ? null : received > c.dueDate ? received : c.dueDate, reason: 'formal_notice' }];
  }
  return [];
}
