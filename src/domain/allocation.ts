import { money, toMoneyString, type Money } from './money.ts';

export interface OpenItem {
  claimId: string;
  /** What is still owed on the claim, as an exact decimal string. */
  outstanding: string;
}

export interface Allocation {
  claimId: string;
  amount: string;
}

/**
 * Spreads a payment over claims in the order given (the caller sorts them: the oldest due date first,
 * as art. 1193 c.c. prescribes when the debtor does not say which debt is paid). Each claim gets at most
 * what it still owes; what is left over stays unallocated on the payment, never lost.
 */
export function allocateInOrder(amount: string, items: readonly OpenItem[]): { allocations: Allocation[]; unallocated: string } {
  let left: Money = money(amount);
  const allocations: Allocation[] = [];
  for (const item of items) {
    if (left.lte(0)) break;
    const owed = money(item.outstanding);
    if (owed.lte(0)) continue;
    const share = owed.lt(left) ? owed : left;
    allocations.push({ claimId: item.claimId, amount: toMoneyString(share) });
    left = left.minus(share);
  }
  return { allocations, unallocated: toMoneyString(left) };
}

export interface DueItem extends OpenItem {
  /** When the claim fell due, 'YYYY-MM-DD'. */
  dueDate: string;
}

/**
 * Art. 1193 c.c. (imputazione legale): when the debtor does not say which debt a payment settles, it
 * goes to the debt that has fallen due, and among those to the oldest. (The code's intermediate tests —
 * the least secured, then the most burdensome — do not separate claims that carry no guarantee and
 * run at the same legal rate, as a creditor's invoices do; a guarantee register will refine this.)
 * Ties on the due date go by claim id, so the order is the same on every run.
 */
export function orderByArt1193<T extends DueItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.dueDate === b.dueDate ? a.claimId.localeCompare(b.claimId) : a.dueDate < b.dueDate ? -1 : 1));
}

/** A payment the debtor did not assign, spread by the law's order (art. 1193 c.c.). */
export const allocateByLaw = (amount: string, items: readonly DueItem[]) => allocateInOrder(amount, orderByArt1193(items));

export interface ComponentDue<K extends string = string> {
  kind: K;
  /** What is still owed on the component, exact decimal string. */
  due: string;
}

/**
 * Spreads a payment over one claim's components (art. 1194 c.c.: a creditor applies a payment to costs
 * and interest before capital unless it agrees otherwise; a comune's regulation may set its own order
 * of tax, sanctions, interest, costs and charges). Kinds are paid in `order`; kinds the order does not
 * name come after, in the order given; components of the same kind in the order given. Each gets at
 * most what it owes; the remainder stays unallocated. `shares[i]` is component i's share.
 */
export function allocateToComponents<K extends string>(
  order: readonly K[],
  components: readonly ComponentDue<K>[],
  amount: string,
): { shares: string[]; unallocated: string } {
  const rank = (k: K) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const sequence = components.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.kind) - rank(b.c.kind) || a.i - b.i);
  const shares = components.map(() => '0.00');
  let left: Money = money(amount);
  for (const { c, i } of sequence) {
    if (left.lte(0)) break;
    const owed = money(c.due);
    if (owed.lte(0)) continue;
    const share = owed.lt(left) ? owed : left;
    shares[i] = toMoneyString(share);
    left = left.minus(share);
  }
  return { shares, unallocated: toMoneyString(left) };
}
