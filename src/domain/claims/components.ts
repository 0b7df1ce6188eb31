import { kindOfPartKey, type ClaimComponentTerms } from '../interest/claim-ledger.ts';
import { money, toMoneyString, type Money } from '../money.ts';
import type { ComponentKind } from '../model.ts';

/** What one payment gave one component of a claim. */
export interface ComponentShare {
  componentId: string;
  kind: ComponentKind;
  /**
   * The allocation's `component` (payment_allocations): 'principal' for a component accruing interest
   * (the engine's capital), the component's kind for one that bears none.
   */
  component: string;
  amount: string;
}

/** What the engine gave a claim's money in one payment: its capital and its parts (by part key). */
export interface SlotSplit {
  principal: string;
  parts?: Record<string, string>;
}

/**
 * Spreads the engine's payment rows back onto the claim's components, payment by payment in the order
 * given (the engine's): the capital over the accruing components by position, each part over the
 * components of its kind by position, each component taking at most what it still owes (amount less
 * waived less what earlier rows gave it). Pure. The engine never gives a group more than its
 * components owe (it computes from the same figures); should the claim's principal and its
 * components ever disagree, the rest goes to the group's last component rather than being lost.
 */
export function splitOntoComponents(components: readonly ClaimComponentTerms[], rows: readonly SlotSplit[]): ComponentShare[][] {
  const sorted = [...components].sort((a, b) => a.position - b.position);
  const open = new Map<string, Money>(sorted.map((k) => [k.id, money(k.amount).minus(k.waived ?? '0')]));
  const spread = (group: readonly ClaimComponentTerms[], amount: string, component: (k: ClaimComponentTerms) => string, out: ComponentShare[]) => {
    let left = money(amount);
    if (left.lte(0) || group.length === 0) return;
    const shares = new Map<string, Money>();
    for (const k of group) {
      if (left.lte(0)) break;
      const owed = open.get(k.id)!;
      if (owed.lte(0)) continue;
      const share = owed.lt(left) ? owed : left;
      shares.set(k.id, share);
      left = left.minus(share);
    }
    if (left.gt(0)) {
      const last = group[group.length - 1]!;
      shares.set(last.id, (shares.get(last.id) ?? money('0')).plus(left));
    }
    for (const k of group) {
      const share = shares.get(k.id);
      if (!share) continue;
      open.set(k.id, open.get(k.id)!.minus(share));
      out.push({ componentId: k.id, kind: k.kind, component: component(k), amount: toMoneyString(share) });
    }
  };
  const accruing = sorted.filter((k) => k.accrues);
  return rows.map((row) => {
    const out: ComponentShare[] = [];
    spread(accruing, row.principal, () => 'principal', out);
    for (const [key, amount] of Object.entries(row.parts ?? {})) {
      const kind = kindOfPartKey(key);
      spread(
        sorted.filter((k) => !k.accrues && k.kind === kind),
        amount,
        (k) => k.kind,
        out,
      );
    }
    return out;
  });
}

/** What each component received over all the rows: component id → amount paid (every component listed). */
export function paidPerComponent(components: readonly ClaimComponentTerms[], shares: readonly ComponentShare[][]): Map<string, string> {
  const paid = new Map<string, Money>(components.map((k) => [k.id, money('0')]));
  for (const row of shares) for (const s of row) paid.set(s.componentId, (paid.get(s.componentId) ?? money('0')).plus(s.amount));
  return new Map([...paid].map(([id, m]) => [id, toMoneyString(m)]));
}
