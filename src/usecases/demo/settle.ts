import { claimCase, splitPayments, type ClaimTerms } from '../../domain/interest/claim-ledger.ts';
import { computeStatement } from '../../domain/interest/compute.ts';
import type { RateBook } from '../../domain/interest/regimes.ts';
import { money } from '../../domain/money.ts';
import { COMPONENT_ACCRUES_INTEREST } from '../../domain/model.ts';
import { DEFAULT_ALLOCATION_ORDER } from '../../domain/municipal/revenue-rules.ts';
import { C803_CHARGES, CHARGEABLE_ACT_KINDS } from '../../domain/municipal/charges.ts';
import type { DemoDataSet, DemoPayment } from './generate.ts';
import { centsToString } from './random.ts';

const cents = (amount: string) => Number(money(amount).times(100).toFixed(0));

/**
 * Passes the demo's payments through the interest engine, as recorded payments are: each is split
 * into costs, interest and principal; a claim the story says was paid received its whole total due
 * (interest and the €40 included) with its last payment. Mutates the data set.
 */
export function settleDemo(data: DemoDataSet, book: RateBook): void {
  const byClaim = new Map<number, DemoPayment[]>();
  for (const p of data.payments) {
    for (const a of p.allocations) byClaim.set(a.claim, [...(byClaim.get(a.claim) ?? []), p]);
  }
  for (const [index, list] of byClaim) {
    const c = data.claims[index]!;
    const terms: ClaimTerms = {
      principal: centsToString(c.principalCents),
      currency: c.currency,
      dueDate: c.dueDate,
      jurisdiction: c.jurisdiction,
      kind: c.kind,
      debtorKind: data.debtors[c.debtor]!.kind,
      interestRegime: c.interestRegime,
      contractDate: c.contractDate,
      judicialClaimDate: c.judicialClaimDate,
      interestRate: null,
      interestBase: c.interestBase ?? null,
      interestSpread: c.interestSpread ?? null,
      dayCount: 'act365',
      flatCompensation: true,
      allocationOrder: 'costs,interest,principal',
      // A comune's act: its components, settled in the regulation's default order.
      ...(c.components
        ? {
            components: c.components.map((k, n) => ({
              id: `c${n}`,
              kind: k.kind,
              position: n + 1,
              amount: centsToString(k.cents),
              accrues: COMPONENT_ACCRUES_INTEREST[k.kind],
              waived: '0.00',
              tributeCode: k.tributeCode,
              paid: '0.00',
            })),
            moneyOrder: DEFAULT_ALLOCATION_ORDER,
          }
        : {}),
      // An enforceable accertamento bears the c.803 charges (as the ledger derives them once loaded).
      charges:
        c.act?.enforceableOn && (CHARGEABLE_ACT_KINDS as readonly string[]).includes(c.act.kind) ? { enforceableOn: c.act.enforceableOn, rules: C803_CHARGES } : null,
    };
    const ordered = [...list].sort((a, b) => (a.valueDate < b.valueDate ? -1 : a.valueDate > b.valueDate ? 1 : 0));
    const share = (p: DemoPayment) => p.allocations.find((a) => a.claim === index)!;
    const asPayments = () => ordered.map((p, i) => ({ paymentId: String(i), date: p.valueDate, amount: centsToString(share(p).amountCents) }));
    if (c.status === 'paid') {
      // The last payment settles everything still due on its day.
      const last = ordered[ordered.length - 1]!;
      const due = computeStatement(book, claimCase(terms, asPayments().slice(0, -1), [], last.valueDate)).totalDue;
      const before = share(last).amountCents;
      share(last).amountCents = cents(due);
      last.amountCents += share(last).amountCents - before;
    }
    // A comune's act is split per component by the ledger once loaded (load-demo.ts).
    if (c.components) continue;
    const { splits, statement } = splitPayments(book, terms, asPayments(), []);
    splits.forEach((s, i) => {
      const a = share(ordered[i]!);
      a.split = { costs: s.costs, interest: s.interest, principal: s.principal };
    });
    c.paidCents = cents(statement.principalPaid);
    c.interestPaid = statement.interestPaid;
    c.costsPaid = statement.costsPaid;
  }
}
