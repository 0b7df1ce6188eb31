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
